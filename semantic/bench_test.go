package semantic

import (
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/benchdata"
	"github.com/valohai-ls/valohai-ls/model"
)

// BenchmarkTokens5000 finds the tokens of the generated 5,000-line file,
// its model built as an open document's is before the first request.
func BenchmarkTokens5000(b *testing.B) {
	_, text := benchdata.Generated(b, 5000)
	doc := document.New("file:///valohai.yaml", 1, text)
	x := model.Of(doc)
	b.ReportAllocs()
	for b.Loop() {
		if len(Tokens(x)) == 0 {
			b.Fatal("no tokens")
		}
	}
}

// BenchmarkTokensNewVersion5000 is the first request on a new version:
// the parse, the model, its references and the tokens.
func BenchmarkTokensNewVersion5000(b *testing.B) {
	_, text := benchdata.Generated(b, 5000)
	b.ReportAllocs()
	for b.Loop() {
		if len(Of(document.New("file:///valohai.yaml", 1, text))) == 0 {
			b.Fatal("no tokens")
		}
	}
}
