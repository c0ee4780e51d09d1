//go:build unix

package main

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// runBinary runs the real binary with a deadline and returns its exit
// status and output.
func runBinary(t *testing.T, deadline time.Duration, dir string, args ...string) (int, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("%v did not end within %v", args, deadline)
	}
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatal(err)
	}
	return cmd.ProcessState.ExitCode(), string(out)
}

// TestCheckSpecialFiles: check reads only regular files: a valohai.yaml
// that is /dev/zero, /dev/urandom or a FIFO, or that links out of its
// directory (to a private key), is refused at once, quoting nothing.
func TestCheckSpecialFiles(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "id_rsa")
	if err := os.WriteFile(secret, []byte("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		setup func(t *testing.T, p string)
		want  string
	}{
		{"dev zero", link("/dev/zero"), "is a symbolic link to /dev/zero, outside its directory"},
		{"dev urandom", link("/dev/urandom"), "is a symbolic link to /dev/urandom, outside its directory"},
		{"fifo", func(t *testing.T, p string) {
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Fatal(err)
			}
		}, "not a regular file"},
		{"link out of the tree", link(secret), "is a symbolic link to " + secret + ", outside its directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			tt.setup(t, filepath.Join(dir, "valohai.yaml"))
			for _, args := range [][]string{{"check", "."}, {"check", "valohai.yaml"}, {"check", "--format", "json", "."}} {
				code, out := runBinary(t, 10*time.Second, dir, args...)
				if code != 2 || !strings.Contains(out, tt.want) || strings.Contains(out, "BEGIN") || strings.Contains(out, "b3Bl") {
					t.Errorf("%v: exit %d, output %q, want exit 2 and %q", args, code, out, tt.want)
				}
			}
		})
	}
	for _, dev := range []string{"/dev/zero", "/dev/urandom"} {
		if code, out := runBinary(t, 10*time.Second, "", "check", dev); code != 2 || !strings.Contains(out, "cannot read "+dev+": not a regular file") {
			t.Errorf("check %s: exit %d, output %q", dev, code, out)
		}
	}
	t.Run("link inside the tree", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "real.yaml"), []byte("- step:\n    name: a\n    image: x\n    command: y\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		link("real.yaml")(t, filepath.Join(dir, "valohai.yaml"))
		if code, out := runBinary(t, 10*time.Second, dir, "check", "."); code != 0 {
			t.Errorf("exit %d: %s", code, out)
		}
	})
}

func link(target string) func(t *testing.T, p string) {
	return func(t *testing.T, p string) {
		t.Helper()
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
}

// TestCheckSignals: SIGINT and SIGTERM stop check within 100 ms, with
// the shell's statuses 130 and 143: while it waits for stdin, and in the
// middle of a long check.
func TestCheckSignals(t *testing.T) {
	big := t.TempDir()
	var b strings.Builder
	for i := range 60000 {
		b.WriteString("- step:\n    name: s" + strings.Repeat("x", i%7) + "\n    image: python:3.12\n    command: python train.py {parameters}\n    parameters:\n      - name: lr\n        type: float\n        default: 0.1\n")
	}
	if err := os.WriteFile(filepath.Join(big, "valohai.yaml"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		dir  string
		sig  syscall.Signal
		want int
	}{
		{"stdin, SIGINT", []string{"check", "-"}, "", syscall.SIGINT, 130},
		{"stdin, SIGTERM", []string{"check", "-"}, "", syscall.SIGTERM, 143},
		{"long check, SIGINT", []string{"check", "."}, big, syscall.SIGINT, 130},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(binary, tt.args...)
			cmd.Dir = tt.dir
			stdin, err := cmd.StdinPipe() // never closed: check waits
			if err != nil {
				t.Fatal(err)
			}
			defer stdin.Close()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(300 * time.Millisecond)
			waited := make(chan error, 1)
			sent := time.Now()
			if err := cmd.Process.Signal(tt.sig); err != nil {
				t.Fatal(err)
			}
			go func() { waited <- cmd.Wait() }()
			select {
			case <-waited:
			case <-time.After(5 * time.Second):
				_ = cmd.Process.Kill()
				t.Fatalf("still running 5 s after %v", tt.sig)
			}
			// The bound is loose on purpose: a check that ignored the
			// signal runs on for seconds, while a loaded machine may take a
			// few hundred milliseconds to schedule the exit (how long it
			// takes on an idle one is a measured figure, not a test).
			took := time.Since(sent)
			if code := cmd.ProcessState.ExitCode(); code != tt.want || took > 2*time.Second {
				t.Errorf("exit %d after %v, want %d within 2s", code, took, tt.want)
			}
		})
	}
}

// TestServeBadContentLength: a header the server cannot read ends the
// connection with what was wrong in the log, not only "connection ended
// without shutdown".
func TestServeBadContentLength(t *testing.T) {
	for _, tt := range []struct{ header, want string }{
		{"Content-Length: abc\r\n\r\n", `Content-Length \"abc\" is not a number`},
		{"Content-Length: 99999999999999999999\r\n\r\n", "is more than the 512 MiB a message may have"},
		{"Content-Length: 1073741824\r\n\r\n", "is more than the 512 MiB a message may have"},
		{"Content-Type: x\r\n\r\n", "no Content-Length"},
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		cmd := exec.CommandContext(ctx, binary, "serve")
		cmd.Stdin = strings.NewReader(tt.header)
		out, _ := cmd.CombinedOutput()
		late := ctx.Err() != nil
		cancel()
		if late || !strings.Contains(string(out), tt.want) {
			t.Errorf("%q: output %q, want %q", tt.header, out, tt.want)
		}
	}
}
