package server

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/internal/benchdata"
	"github.com/valohai-ls/valohai-ls/internal/lsptest"
)

// BenchmarkEditToDiagnostics measures an incremental edit of the
// 5,000-line file until its diagnostics are published, over LSP.
func BenchmarkEditToDiagnostics(b *testing.B) {
	c := start(b, Options{})
	initializeB(b, c)
	openB(b, c, benchdata.Big)
	lines := strings.Split(benchdata.Big, "\n")
	if _, err := c.WaitDiagnostics(testURI, 1); err != nil {
		b.Fatal(err)
	}
	version, line := 1, 0
	for b.Loop() {
		version++
		if version%2 == 0 {
			line = (version * 37) % (len(lines) - 1)
		}
		toggleEdit(b, c, testURI, version, line, len(lines[line]))
	}
}

// toggleEdit sends the edit of a benchmark's version and waits for its
// diagnostics: an even version appends " #e" to the line (of length
// bytes), the next odd one removes it again.
func toggleEdit(b *testing.B, c *lsptest.Client, u string, version, line, length int) {
	b.Helper()
	text, start, end := " #e", length, length
	if version%2 == 1 {
		text, end = "", start+3
	}
	_ = c.Notify("textDocument/didChange", map[string]any{
		"textDocument": map[string]any{"uri": u, "version": version},
		"contentChanges": []any{map[string]any{"range": map[string]any{
			"start": map[string]any{"line": line, "character": start},
			"end":   map[string]any{"line": line, "character": end}}, "text": text}}})
	if _, err := c.WaitDiagnostics(u, version); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkCompletionOverLSP measures a completion request in a step of
// the 5,000-line file, over LSP.
func BenchmarkCompletionOverLSP(b *testing.B) {
	c := start(b, Options{})
	initializeB(b, c)
	openB(b, c, benchdata.Big)
	line := strings.Count(benchdata.Big[:strings.Index(benchdata.Big, "- endpoint:")], "\n") + 2
	for b.Loop() {
		var raw json.RawMessage
		if err := c.Call("textDocument/completion", pos(testURI, line, 4), &raw); err != nil {
			b.Fatal(err)
		}
	}
}

func initializeB(b *testing.B, c interface {
	Call(string, any, any) error
	Notify(string, any) error
}) {
	if err := c.Call("initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": map[string]any{}}, nil); err != nil {
		b.Fatal(err)
	}
	_ = c.Notify("initialized", map[string]any{})
}

func openB(b *testing.B, c interface {
	Notify(string, any) error
}, text string) {
	_ = c.Notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": testURI, "languageId": "yaml", "version": 1, "text": text}})
}
