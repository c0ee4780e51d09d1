package hover

import (
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/benchdata"
)

// BenchmarkHover measures hover on a fresh version of the 5,000-line file,
// as after a keystroke: each operation gets a new document (made outside
// the timing, as the server makes it when the change arrives). The cursor
// is in the middle of the word after the first occurrence of find.
func BenchmarkHover(b *testing.B) {
	cases := []struct{ name, find string }{
		{"step-key", "    time-limit:"},
		{"enum-value", "        type: integer"},
		{"endpoint-key", "    wsgi: predict:app"},
		{"pipeline-node-key", "        step: step-0008"},
		{"pipeline-edge", "      - [node-0018.output.model*"},
	}
	for _, bc := range cases {
		at := strings.Index(benchdata.Big, bc.find)
		if at < 0 {
			b.Fatalf("%s: %q not in the benchmark file", bc.name, bc.find)
		}
		trimmed := strings.TrimLeft(bc.find, " -[")
		off := at + len(bc.find) - len(trimmed) + 2
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				doc := document.New("file:///valohai.yaml", 2, benchdata.Big)
				b.StartTimer()
				if At(doc, off) == nil {
					b.Fatal("no hover")
				}
			}
		})
	}
}
