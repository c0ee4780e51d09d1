package benchdata

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/valohai-ls/valohai-ls/internal/corpus"
)

// Script is a script that the generated files' steps run: it declares a
// few options, so that the steps that run it are compared with it.
const Script = `import argparse
p = argparse.ArgumentParser()
p.add_argument("--learning-rate", type=float, default=0.01)
p.add_argument("--epochs", type=int, default=10)
p.add_argument("--verbose", action="store_true")
args = p.parse_known_args()
`

// Generated writes the valohai.yaml of the given number of lines that
// ../shared/tools/gen_big_valohai.py makes into a new directory, with half
// the scripts its steps run (run_0.py to run_8.py, each Script; run_9.py
// to run_16.py are missing), and returns the file's path and text. It
// skips without the generator.
func Generated(tb testing.TB, lines int) (path, text string) {
	tb.Helper()
	gen := filepath.Join(filepath.Dir(corpus.Dir(tb)), "tools", "gen_big_valohai.py")
	if _, err := os.Stat(gen); err != nil {
		tb.Skipf("no generator at %s (../shared beside the repository): %v", gen, err)
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		tb.Skip("no python3 to run the generator")
	}
	dir := tb.TempDir()
	path = filepath.Join(dir, "valohai.yaml")
	if out, err := exec.Command(py, gen, fmt.Sprint(lines), "-o", path).CombinedOutput(); err != nil {
		tb.Fatalf("generating %d lines: %v\n%s", lines, err, out)
	}
	for i := 0; i <= 8; i++ {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("run_%d.py", i)), []byte(Script), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return path, string(data)
}
