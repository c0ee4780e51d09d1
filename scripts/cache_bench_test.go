package scripts

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/corpus"
	"github.com/valohai-ls/valohai-ls/model"
)

// generated writes the file that ../shared/tools/gen_big_valohai.py makes
// of lines lines into a new directory, with run_0.py to run_8.py (the steps
// run run_0.py to run_16.py: the others are missing). It skips without the
// generator.
func generated(b *testing.B, lines int) (dir, text string) {
	b.Helper()
	gen := filepath.Join(filepath.Dir(corpus.Dir(b)), "tools", "gen_big_valohai.py")
	if _, err := os.Stat(gen); err != nil {
		b.Skipf("no generator at %s (../shared beside the repository): %v", gen, err)
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		b.Skip("no python3 to run the generator")
	}
	dir = b.TempDir()
	path := filepath.Join(dir, "valohai.yaml")
	if out, err := exec.Command(py, gen, fmt.Sprint(lines), "-o", path).CombinedOutput(); err != nil {
		b.Fatalf("generating %d lines: %v\n%s", lines, err, out)
	}
	script := "import argparse\np = argparse.ArgumentParser()\np.add_argument(\"--learning-rate\", type=float, default=0.01)\np.add_argument(\"--epochs\", type=int, default=10)\nargs = p.parse_known_args()\n"
	for i := 0; i <= 8; i++ {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("run_%d.py", i)), []byte(script), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return dir, string(data)
}

// BenchmarkScriptChecksEdit measures the script checks of a version that
// edits one step of generated files of 5,000 and 50,000 lines: afresh
// (Check) and with the findings of the other steps reused (Cache). The
// version's model, which the server shares with the other checks, is built
// before the clock runs.
func BenchmarkScriptChecksEdit(b *testing.B) {
	for _, lines := range []int{5000, 50000} {
		// In the parent's directory, which the runs share.
		dir, text := generated(b, lines)
		for _, cached := range []bool{false, true} {
			name := "fresh"
			if cached {
				name = "cache"
			}
			b.Run(fmt.Sprintf("lines=%d/%s", lines, name), func(b *testing.B) {
				uri := "file://" + filepath.Join(dir, "valohai.yaml")
				ls := strings.SplitAfter(text, "\n")
				var names []int
				for i, l := range ls {
					if strings.HasPrefix(l, "    name: step-") {
						names = append(names, i)
					}
				}
				k, r := NewCache(), NewReader()
				doc := document.New(uri, 1, text)
				k.Check(context.Background(), doc, dir, r)
				findings, v := 0, int32(1)
				for b.Loop() {
					b.StopTimer()
					// Append a comment to a step's name, or take it off.
					v++
					i := names[(int(v)/2*37)%len(names)]
					if v%2 == 0 {
						ls[i] = strings.TrimSuffix(ls[i], "\n") + " #e\n"
					} else {
						ls[i] = strings.TrimSuffix(ls[i], " #e\n") + "\n"
					}
					doc = document.NewVersion(doc, v, strings.Join(ls, ""))
					model.Of(doc) // built once per version, shared with the other checks
					b.StartTimer()
					var res Result
					if cached {
						res = k.Check(context.Background(), doc, dir, r)
					} else {
						res = Check(context.Background(), doc, dir, r)
					}
					findings = len(res.Diagnostics)
				}
				if want := Check(context.Background(), doc, dir, NewReader()); len(want.Diagnostics) != findings {
					b.Fatalf("%d findings, a fresh check finds %d", findings, len(want.Diagnostics))
				}
				b.ReportMetric(float64(findings), "findings")
			})
		}
	}
}
