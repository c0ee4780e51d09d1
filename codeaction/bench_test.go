package codeaction

import (
	"context"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/benchdata"
)

// BenchmarkSyntaxFix measures the quick fixes of a tab in one item of
// the 5,000-line file: each candidate repair is checked by finding what
// the whole file then says.
func BenchmarkSyntaxFix(b *testing.B) {
	text := strings.Replace(benchdata.Big, "\n    name: step-0050\n", "\n\tname: step-0050\n", 1)
	doc := document.New("file:///valohai.yaml", 1, text)
	diags := diagnostics.Diagnose(context.Background(), doc)
	var syntax []diagnostics.Diagnostic
	for _, d := range diags {
		if d.Code == diagnostics.CodeSyntax {
			syntax = append(syntax, d)
		}
	}
	if len(syntax) != 1 {
		b.Fatalf("%d syntax errors", len(syntax))
	}
	b.ReportAllocs()
	for b.Loop() {
		if as := Actions(doc, syntax[0].Start, syntax[0].Start, syntax, Options{}); len(as) == 0 {
			b.Fatal("no fix")
		}
	}
}
