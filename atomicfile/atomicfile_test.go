//go:build unix

package atomicfile

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestWrite writes new files, replaces files and writes through symbolic
// links, and checks the content, the mode and that links stay links.
func TestWrite(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string) string // returns the path to write
		check func(t *testing.T, dir string)
	}{
		{"new file", func(t *testing.T, dir string) string {
			return filepath.Join(dir, "valohai.yaml")
		}, func(t *testing.T, dir string) {
			wantMode(t, filepath.Join(dir, "valohai.yaml"), newMode)
		}},
		{"keeps the mode", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "valohai.yaml")
			mustWrite(t, p, "old", 0o600)
			return p
		}, func(t *testing.T, dir string) {
			wantMode(t, filepath.Join(dir, "valohai.yaml"), 0o600)
		}},
		{"keeps an executable mode", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "valohai.yaml")
			mustWrite(t, p, "old", 0o755)
			return p
		}, func(t *testing.T, dir string) {
			wantMode(t, filepath.Join(dir, "valohai.yaml"), 0o755)
		}},
		{"through a chain of relative links", func(t *testing.T, dir string) string {
			if err := os.Mkdir(filepath.Join(dir, "real"), 0o755); err != nil {
				t.Fatal(err)
			}
			mustWrite(t, filepath.Join(dir, "real", "v.yaml"), "old", 0o640)
			mustLink(t, "real/v.yaml", filepath.Join(dir, "mid.yaml"))
			mustLink(t, "mid.yaml", filepath.Join(dir, "valohai.yaml"))
			return filepath.Join(dir, "valohai.yaml")
		}, func(t *testing.T, dir string) {
			for _, l := range []string{"valohai.yaml", "mid.yaml"} {
				if st, err := os.Lstat(filepath.Join(dir, l)); err != nil || st.Mode()&fs.ModeSymlink == 0 {
					t.Errorf("%s is no longer a link (%v)", l, err)
				}
			}
			wantContent(t, filepath.Join(dir, "real", "v.yaml"), "new")
			wantMode(t, filepath.Join(dir, "real", "v.yaml"), 0o640)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			p := tt.setup(t, dir)
			if err := Write(p, []byte("new")); err != nil {
				t.Fatal(err)
			}
			wantContent(t, p, "new")
			tt.check(t, dir)
			wantNoTemp(t, dir)
		})
	}
}

// TestWriteRefuses refuses what is not a regular file and a dangling link,
// changing nothing.
func TestWriteRefuses(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "d"), 0o755); err != nil {
		t.Fatal(err)
	}
	mustLink(t, "missing.yaml", filepath.Join(dir, "dangling.yaml"))
	for _, name := range []string{"d", "dangling.yaml"} {
		if err := Write(filepath.Join(dir, name), []byte("new")); err == nil {
			t.Errorf("%s: written", name)
		}
	}
	if _, err := os.Lstat(filepath.Join(dir, "missing.yaml")); err == nil {
		t.Error("the dangling link's target was created")
	}
	wantNoTemp(t, dir)
}

// TestWriteFailure makes each step of a write fail in turn (a full disk, a
// failed sync, a failed rename...): the error is returned, the original is
// byte-identical and no temporary file is left.
func TestWriteFailure(t *testing.T) {
	boom := errFull
	tests := []struct {
		name string
		fail func(o *ops)
	}{
		{"create", func(o *ops) {
			o.createTemp = func(string, string) (file, error) { return nil, boom }
		}},
		{"write", func(o *ops) { o.createTemp = failing(o.createTemp, func(f *faulty) { f.write = boom }) }},
		{"short write", func(o *ops) { o.createTemp = failing(o.createTemp, func(f *faulty) { f.half = true }) }},
		{"sync", func(o *ops) { o.createTemp = failing(o.createTemp, func(f *faulty) { f.sync = boom }) }},
		{"chmod", func(o *ops) { o.createTemp = failing(o.createTemp, func(f *faulty) { f.chmod = boom }) }},
		{"close", func(o *ops) { o.createTemp = failing(o.createTemp, func(f *faulty) { f.close = boom }) }},
		{"rename", func(o *ops) { o.rename = func(string, string) error { return boom } }},
	}
	old := strings.Repeat("- step:\n    name: train\n", 1000)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "valohai.yaml")
			mustWrite(t, p, old, 0o644)
			o := osOps
			tt.fail(&o)
			err := o.write(p, []byte(strings.Repeat("x", len(old)*2)))
			if !errors.Is(err, boom) {
				t.Fatalf("error %v, want %v", err, boom)
			}
			wantContent(t, p, old)
			wantNoTemp(t, dir)
		})
	}
}

// TestWriteKilled kills a process that writes a file over and over at
// random moments: the file always holds one whole version, never a mix, a
// cut or nothing.
func TestWriteKilled(t *testing.T) {
	if os.Getenv("ATOMICFILE_CHILD") != "" {
		p := os.Getenv("ATOMICFILE_CHILD")
		for i := 0; ; i++ {
			if err := Write(p, version(i%2)); err != nil {
				os.Exit(3)
			}
		}
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "valohai.yaml")
	mustWrite(t, p, string(version(0)), 0o644)
	for round := range 20 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestWriteKilled$")
		cmd.Env = append(os.Environ(), "ATOMICFILE_CHILD="+p)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(20+round*7) * time.Millisecond)
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		got, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, version(0)) && !bytes.Equal(got, version(1)) {
			t.Fatalf("round %d: the file holds %d bytes, neither version", round, len(got))
		}
	}
}

// version returns one of two large contents of the same length.
func version(i int) []byte {
	return bytes.Repeat([]byte{"ab"[i]}, 4<<20)
}

// faulty is a temporary file whose operations fail as told.
type faulty struct {
	file
	write, sync, chmod, close error
	half                      bool // write half, then fail with errFull
}

var errFull = errors.New("no space left on device")

func (f *faulty) Write(p []byte) (int, error) {
	if f.write != nil {
		return 0, f.write
	}
	if f.half {
		n, _ := f.file.Write(p[:len(p)/2])
		return n, errFull
	}
	return f.file.Write(p)
}

func (f *faulty) Sync() error {
	if f.sync != nil {
		return f.sync
	}
	return f.file.Sync()
}

func (f *faulty) Chmod(m fs.FileMode) error {
	if f.chmod != nil {
		return f.chmod
	}
	return f.file.Chmod(m)
}

func (f *faulty) Close() error {
	err := f.file.Close()
	if f.close != nil {
		return f.close
	}
	return err
}

func failing(create func(string, string) (file, error), set func(*faulty)) func(string, string) (file, error) {
	return func(dir, pattern string) (file, error) {
		f, err := create(dir, pattern)
		if err != nil {
			return nil, err
		}
		ff := &faulty{file: f}
		set(ff)
		return ff, nil
	}
}

func mustWrite(t *testing.T, p, text string, mode fs.FileMode) {
	t.Helper()
	if err := os.WriteFile(p, []byte(text), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, mode); err != nil {
		t.Fatal(err)
	}
}

func mustLink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

func wantContent(t *testing.T, p, want string) {
	t.Helper()
	got, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("%s holds %d bytes %.20q, want %d bytes %.20q", p, len(got), got, len(want), want)
	}
}

func wantMode(t *testing.T, p string, want fs.FileMode) {
	t.Helper()
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != want {
		t.Errorf("%s has mode %v, want %v", p, st.Mode().Perm(), want)
	}
}

func wantNoTemp(t *testing.T, dir string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.Contains(d.Name(), ".tmp-") {
			t.Errorf("temporary file %s left", p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
