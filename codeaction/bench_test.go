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
// the 5,000-line file, as first asked of a version: each candidate repair
// is checked by finding what the whole file then says (a version keeps
// them, so later requests cost nothing; see BenchmarkSyntaxFixAgain).
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
	for v := int32(2); b.Loop(); v++ {
		doc := document.New("file:///valohai.yaml", v, text)
		if as := Actions(doc, syntax[0].Start, syntax[0].Start, syntax, Options{}); len(as) == 0 {
			b.Fatal("no fix")
		}
	}
}

// BenchmarkSyntaxFixAgain measures the same quick fixes asked again of
// the same version, as an editor does on every cursor move.
func BenchmarkSyntaxFixAgain(b *testing.B) {
	text := strings.Replace(benchdata.Big, "\n    name: step-0050\n", "\n\tname: step-0050\n", 1)
	doc := document.New("file:///valohai.yaml", 1, text)
	var syntax []diagnostics.Diagnostic
	for _, d := range diagnostics.Diagnose(context.Background(), doc) {
		if d.Code == diagnostics.CodeSyntax {
			syntax = append(syntax, d)
		}
	}
	if len(syntax) != 1 {
		b.Fatalf("%d syntax errors", len(syntax))
	}
	Actions(doc, syntax[0].Start, syntax[0].Start, syntax, Options{})
	b.ReportAllocs()
	for b.Loop() {
		if as := Actions(doc, syntax[0].Start, syntax[0].Start, syntax, Options{}); len(as) == 0 {
			b.Fatal("no fix")
		}
	}
}
