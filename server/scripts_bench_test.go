package server

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/uri"

	"github.com/valohai-ls/valohai-ls/internal/corpus"
)

// benchScript is a script of the generated files' steps: it declares a few
// options, so that the steps that run it are compared with it.
const benchScript = `import argparse
p = argparse.ArgumentParser()
p.add_argument("--learning-rate", type=float, default=0.01)
p.add_argument("--epochs", type=int, default=10)
p.add_argument("--verbose", action="store_true")
args = p.parse_known_args()
`

// generated writes the file that ../shared/tools/gen_big_valohai.py makes
// of lines lines into a new directory, with half the scripts its steps run
// (run_0.py to run_8.py; run_9.py to run_16.py are missing), and returns
// the file. It skips without the generator.
func generated(b *testing.B, lines int) string {
	b.Helper()
	gen := filepath.Join(filepath.Dir(corpus.Dir(b)), "tools", "gen_big_valohai.py")
	if _, err := os.Stat(gen); err != nil {
		b.Skipf("no generator at %s (../shared beside the repository): %v", gen, err)
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		b.Skip("no python3 to run the generator")
	}
	dir := b.TempDir()
	path := filepath.Join(dir, "valohai.yaml")
	if out, err := exec.Command(py, gen, fmt.Sprint(lines), "-o", path).CombinedOutput(); err != nil {
		b.Fatalf("generating %d lines: %v\n%s", lines, err, out)
	}
	for i := 0; i <= 8; i++ {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("run_%d.py", i)), []byte(benchScript), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return path
}

// BenchmarkEditScriptChecks measures an edit inside one step of generated
// files of 5,000 and 50,000 lines until its diagnostics, script findings
// included, are published, over LSP; and the same with the script checks
// off, to compare. Most steps run a script that is missing or that
// declares options the step lacks, so that every step has script findings.
func BenchmarkEditScriptChecks(b *testing.B) {
	for _, bc := range []struct {
		lines   int
		scripts bool
	}{{5000, true}, {50000, true}, {5000, false}, {50000, false}} {
		b.Run(fmt.Sprintf("lines=%d/scripts=%v", bc.lines, bc.scripts), func(b *testing.B) {
			lines := bc.lines
			path := generated(b, lines)
			data, err := os.ReadFile(path)
			if err != nil {
				b.Fatal(err)
			}
			text := string(data)
			u := string(uri.File(path))
			c := start(b, Options{})
			c.SetOnRequest(func(string, json.RawMessage) any { return nil })
			opts := map[string]any{"valohai-ls": map[string]any{"scriptChecks": bc.scripts}}
			if err := c.Call("initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": map[string]any{}, "initializationOptions": opts}, nil); err != nil {
				b.Fatal(err)
			}
			_ = c.Notify("initialized", map[string]any{})
			_ = c.Notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
				"uri": u, "languageId": "yaml", "version": 1, "text": text}})
			d, err := c.WaitDiagnostics(u, 1)
			if err != nil {
				b.Fatal(err)
			}
			scriptFindings := 0
			for _, x := range d.Diagnostics {
				if strings.HasPrefix(x.Code, "script-") {
					scriptFindings++
				}
			}
			if (scriptFindings > 0) != bc.scripts {
				b.Fatalf("%d script findings with the script checks on=%v", scriptFindings, bc.scripts)
			}
			// The lines that name a step: each edit appends a comment to
			// one of them, or removes it again.
			var names []int
			for i, l := range strings.Split(text, "\n") {
				if strings.HasPrefix(l, "    name: step-") {
					names = append(names, i)
				}
			}
			lens := strings.Split(text, "\n")
			version, line := 1, 0
			for b.Loop() {
				version++
				edit := " #e"
				if version%2 == 0 {
					line = names[(version*37)%len(names)]
				}
				from, to := len(lens[line]), len(lens[line])
				if version%2 == 1 {
					edit, to = "", from+3
				}
				_ = c.Notify("textDocument/didChange", map[string]any{
					"textDocument": map[string]any{"uri": u, "version": version},
					"contentChanges": []any{map[string]any{"range": map[string]any{
						"start": map[string]any{"line": line, "character": from},
						"end":   map[string]any{"line": line, "character": to}}, "text": edit}}})
				if _, err := c.WaitDiagnostics(u, version); err != nil {
					b.Fatal(err)
				}
				c.Forget()
			}
			b.ReportMetric(float64(scriptFindings), "script-findings")
		})
	}
}
