package navigation

import (
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/benchdata"
	"github.com/valohai-ls/valohai-ls/model"
)

// BenchmarkIndex measures indexing the 5,000-line file (parsed once) and
// computing its code lenses.
func BenchmarkIndex(b *testing.B) {
	doc := document.New("file:///x/valohai.yaml", 1, benchdata.Big)
	doc.Parsed()
	for b.Loop() {
		x := model.Of(doc)
		_ = Lenses(x)
	}
}
