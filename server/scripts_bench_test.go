package server

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"go.lsp.dev/uri"

	"github.com/valohai-ls/valohai-ls/internal/benchdata"
)

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
			path, text := benchdata.Generated(b, lines)
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
				if version%2 == 0 {
					line = names[(version*37)%len(names)]
				}
				toggleEdit(b, c, u, version, line, len(lens[line]))
				c.Forget()
			}
			b.ReportMetric(float64(scriptFindings), "script-findings")
		})
	}
}
