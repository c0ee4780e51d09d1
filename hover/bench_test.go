package hover

import (
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/benchdata"
	"github.com/valohai-ls/valohai-ls/model"
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
		{"step-command", "      - python run_1.py {parameters"},
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

// BenchmarkHoverRuns measures hover on a step's {parameters} and on a
// pipeline node's name, which show the commands that will run, on a
// version whose model is built (as the server's diagnostics build it
// right after each change): the first hover of each version (made
// outside the timing) and each later one.
func BenchmarkHoverRuns(b *testing.B) {
	for _, bc := range []struct{ name, find string }{
		{"step-command", "      - python run_1.py {param"},
		{"pipeline-node-name", "      - name: node-00"},
		{"pipeline-node-step", "        step: step-00"},
	} {
		off := strings.Index(benchdata.Big, bc.find) + len(bc.find)
		if off < len(bc.find) {
			b.Fatalf("%s: %q not in the benchmark file", bc.name, bc.find)
		}
		b.Run(bc.name+"/first", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				doc := document.New("file:///valohai.yaml", 2, benchdata.Big)
				model.Of(doc).Refs()
				b.StartTimer()
				if h := At(doc, off); h == nil || !strings.Contains(h.Markdown, "```shell") {
					b.Fatal("no commands")
				}
			}
		})
		b.Run(bc.name+"/again", func(b *testing.B) {
			doc := document.New("file:///valohai.yaml", 2, benchdata.Big)
			model.Of(doc)
			At(doc, off)
			b.ReportAllocs()
			for b.Loop() {
				if h := At(doc, off); h == nil || !strings.Contains(h.Markdown, "```shell") {
					b.Fatal("no commands")
				}
			}
		})
	}
}
