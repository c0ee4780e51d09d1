//go:build unix

package scripts

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/childtest"
	"github.com/valohai-ls/valohai-ls/project"
)

const hostileYAML = "- step:\n    name: train\n    image: python:3.12\n    command:\n      - python train.py {parameters}\n      - python train.py --again\n    parameters:\n      - name: lr\n        type: float\n"

// TestCheckHostileScripts: a script valohai-ls cannot read gives one
// script-unreadable hint per step that names why (nested deeper than
// Python allows, too large), and no other script finding; each runs in a
// child process with a deadline.
func TestCheckHostileScripts(t *testing.T) {
	tests := []struct {
		name, script string
		want         string
	}{
		{"nested literal", "import valohai\nx = " + strings.Repeat("(", 700_000) + "1" + strings.Repeat(")", 700_000) + "\n",
			`train.py is not read: its brackets are nested more than 200 deep at line 2, which Python refuses; valohai-ls cannot compare it with step "train"`},
		{"nested in prepare", "import valohai\nvalohai.prepare(step='train', default_parameters={'lr': " + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + "})\n",
			`train.py is not read: its brackets are nested more than 200 deep at line 2`},
		{"too large", "import argparse\n" + strings.Repeat("# padding\n", project.MaxScript/10+1),
			`train.py cannot be read (it is larger than 2 MiB), so valohai-ls cannot compare it with step "train"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !childtest.Child(t) {
				childtest.Run(t, 30*time.Second)
				return
			}
			dir := t.TempDir()
			write(t, dir, "train.py", tt.script)
			doc := document.New("file://"+filepath.Join(dir, "valohai.yaml"), 1, hostileYAML)
			ds := Check(context.Background(), doc, dir, project.NewReader()).Diagnostics
			if len(ds) != 1 || ds[0].Code != diagnostics.CodeScriptUnreadable || !strings.HasPrefix(ds[0].Message, tt.want) {
				t.Fatalf("got %+v, want one %s: %s", ds, diagnostics.CodeScriptUnreadable, tt.want)
			}
		})
	}
}

// TestReadSwapped: the script reader opens the file once, through the
// project's directory: a script swapped for a FIFO or a device, or for a
// link out of the tree, after navigation found it, is refused without
// waiting (a read on the old reader hung forever).
func TestReadSwapped(t *testing.T) {
	if !childtest.Child(t) {
		childtest.Run(t, 20*time.Second)
		return
	}
	dir, outside := t.TempDir(), t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.py"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(outside, "fifo.py"), 0o644); err != nil {
		t.Fatal(err)
	}
	write(t, outside, "secret.py", "import valohai\nvalohai.prepare(step='x')\n")
	for name, target := range map[string]string{
		"to_fifo.py":   filepath.Join(outside, "fifo.py"),
		"to_secret.py": filepath.Join(outside, "secret.py"),
		"to_zero.py":   "/dev/zero",
	} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	r := project.NewReader()
	for _, name := range []string{"fifo.py", "to_fifo.py", "to_secret.py", "to_zero.py", "../outside.py"} {
		f, err := r.Read(dir, filepath.Join(dir, name))
		if err == nil {
			t.Errorf("%s: read %d bytes", name, len(f.Src))
		}
	}
	if _, err := r.Read(dir, filepath.Join(dir, "fifo.py")); !errors.Is(err, project.ErrNotRegular) {
		t.Errorf("fifo.py: %v, want %v", err, project.ErrNotRegular)
	}
}

// TestReadError names the reasons a script is not read in the file's
// words.
func TestReadError(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("read script: %w", &fs.PathError{Op: "open", Path: "train.py", Err: fs.ErrPermission}), "permission denied"},
		{fmt.Errorf("read script: %w", project.ErrTooLarge), "it is larger than 2 MiB"},
		{fmt.Errorf("read script: %w", project.ErrNotRegular), "it is not a regular file"},
		{fmt.Errorf("read script: %w", fs.ErrNotExist), "it is gone"},
		{errors.New("path escapes from parent"), "it is not a file valohai-ls can read"},
	} {
		if got := readError(tt.err); got != tt.want {
			t.Errorf("readError(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}

// TestGroup: a step gets at most maxSame findings of one code, the last
// telling how many more there are; codes under the cap are kept whole.
func TestGroup(t *testing.T) {
	var ds []diagnostics.Diagnostic
	for i := range 25 {
		ds = append(ds, diagnostics.Diagnostic{Start: i, Code: "a", Message: fmt.Sprintf("a%d", i)})
		if i < 3 {
			ds = append(ds, diagnostics.Diagnostic{Start: i, Code: "b", Message: fmt.Sprintf("b%d", i)})
		}
	}
	got := group(ds)
	var msgs []string
	for _, d := range got {
		msgs = append(msgs, d.Message)
	}
	want := "a0 b0 a1 b1 a2 b2 a3 a4 a5 a6 a7 a8 a9 a10 a11 a12 a13 a14 a15 a16 a17 a18 a19 (and 5 more like it)"
	if strings.Join(msgs, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(msgs, " "), want)
	}
}

// TestCheckRelativeDir: a project checked from a relative directory reads
// its scripts.
func TestCheckRelativeDir(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "train.py", "import valohai\nvalohai.prepare(step='train', default_parameters={'lr': 0.1, 'epochs': 3})\n")
	t.Chdir(dir)
	doc := document.New("file://"+filepath.Join(dir, "valohai.yaml"), 1, hostileYAML)
	ds := Check(context.Background(), doc, ".", project.NewReader()).Diagnostics
	if len(ds) != 1 || ds[0].Code != diagnostics.CodeScriptUndeclaredParameter || !strings.Contains(ds[0].Message, `"epochs"`) {
		t.Fatalf("got %+v", ds)
	}
}

func write(t *testing.T, dir, name, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
