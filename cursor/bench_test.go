package cursor

import (
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/benchdata"
)

// BenchmarkFind measures finding the context of a position of the
// 5,000-line file: in a step, and deep in its last item, a pipeline of
// about 740 lines, for completion (patched) and hover.
func BenchmarkFind(b *testing.B) {
	cases := []struct{ name, find string }{
		{"step", "    name: step-0040\n"},
		{"pipeline-node", "        step: step-0008\n"},
	}
	doc := document.New("file:///valohai.yaml", 1, benchdata.Big)
	for _, bc := range cases {
		off := strings.Index(benchdata.Big, bc.find) + strings.Index(bc.find, ":") - 2
		for _, patch := range []bool{true, false} {
			name := bc.name + "/hover"
			if patch {
				name = bc.name + "/complete"
			}
			b.Run(name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if c := Find(doc, off, patch); c.Where != Key {
						b.Fatalf("at %q: %v, want a key", bc.find, c.Where)
					}
				}
			})
		}
	}
}
