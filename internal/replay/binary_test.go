package replay

import (
	"bufio"
	"io"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/valohai-ls/valohai-ls/internal/corpus"
)

// startBinary builds valohai-ls and serves over its stdin and stdout. Its
// failures are the error lines it writes to stderr.
func startBinary(t *testing.T) (io.ReadWriteCloser, func() []string) {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "valohai-ls")
	build := exec.Command("go", "build", "-o", bin, "./cmd/valohai-ls")
	build.Dir = corpus.RepoRoot(t)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building valohai-ls: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "serve", "--stdio", "--log-level", "error")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var lines []string
	logged := make(chan struct{})
	go func() {
		defer close(logged)
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
		for sc.Scan() {
			mu.Lock()
			lines = append(lines, sc.Text())
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		_ = stdin.Close()
		if err := cmd.Wait(); err != nil {
			t.Errorf("valohai-ls exited: %v", err)
		}
	})
	return pipes{stdout, stdin}, func() []string {
		_ = stdin.Close()
		<-logged
		mu.Lock()
		defer mu.Unlock()
		var out []string
		for _, l := range lines {
			if strings.TrimSpace(l) != "" {
				out = append(out, l)
			}
		}
		return out
	}
}

// pipes joins a process's stdout and stdin into one connection.
type pipes struct {
	io.ReadCloser
	io.WriteCloser
}

func (p pipes) Close() error {
	err := p.WriteCloser.Close()
	if rerr := p.ReadCloser.Close(); err == nil {
		err = rerr
	}
	return err
}
