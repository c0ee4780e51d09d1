package completion

import (
	"context"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/benchdata"
)

// benchCase is a cursor position in a variant of the 5,000-line file: the
// line holding the first occurrence of find is replaced by line, and the
// cursor goes where "|" is written in it.
type benchCase struct {
	name, find, line string
}

var benchCases = []benchCase{
	{"step-empty-line", "    name: step-0040\n", "    |"},
	{"step-mid-key", "    name: step-0040\n", "    na|"},
	{"step-value", "        type: integer\n", "        type: |"},
	{"endpoint-key", "    name: endpoint-010\n", "    |"},
	{"pipeline-node-key", "        step: step-0008\n", "        |"},
	{"pipeline-step-name", "        step: step-0008\n", "        step: st|"},
	{"pipeline-edge-value", "      - [node-0018.output.model*, node-0184.input.input-0]\n", "      - source: node-0018.|"},
}

// text returns the benchmark text and the cursor's offset.
func (bc benchCase) text(tb testing.TB) (string, int) {
	at := strings.Index(benchdata.Big, bc.find)
	if at < 0 {
		tb.Fatalf("%s: %q not in the benchmark file", bc.name, bc.find)
	}
	cur := strings.Index(bc.line, "|")
	line := strings.Replace(bc.line, "|", "", 1)
	text := benchdata.Big[:at] + line + "\n" + benchdata.Big[at+len(bc.find):]
	return text, at + cur
}

// BenchmarkComplete measures completion on a new version of the
// 5,000-line file, as right after a keystroke: each operation gets a new
// document, made from the previous version outside the timing as the
// server makes it when the change arrives, and not parsed yet.
func BenchmarkComplete(b *testing.B) {
	for _, bc := range benchCases {
		text, off := bc.text(b)
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			prev := document.New("file:///valohai.yaml", 1, benchdata.Big)
			prev.Parsed()
			for b.Loop() {
				b.StopTimer()
				doc := document.NewVersion(prev, 2, text)
				b.StartTimer()
				Complete(context.Background(), doc, off, Options{Snippets: true})
			}
		})
	}
}
