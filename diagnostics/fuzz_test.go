package diagnostics_test

import (
	"context"
	"testing"
	"unicode/utf8"

	"github.com/valohai-ls/valohai-ls/completion"
	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/hover"
	"github.com/valohai-ls/valohai-ls/internal/hostile"
)

// seeds include valid files and the kinds of breakage typing produces.
var seeds = []string{
	"",
	"- endpoint:\n    name: predict\n    image: x\n    wsgi: a:b\n",
	"- endpoint:\n    name: predict\n    im",
	"- endpoint:\n    name: \"unclosed\n    image: x\n",
	"- endpoint:\n\tname: tab\n",
	"- endpoint: {name: [a, b\n",
	"- step:\n    name: a\n   image: b\n- pipeline:\n    nodes:\n      - name: x\n        type: \n",
	"- step: &s\n    name: a\n- step: *s\n- endpoint:\n    <<: *s\n",
	"endpoint:\n  name: x\n",
	"- - - -\n",
	"- endpoint:\n    name: é😀\r\n    image: \"\\u00e9\"\r\n",
	"---\n- step:\n    name: x\n...\n",
	"- endpoint:\n    port: 0x1F\n    files:\n      - name:\n        path: |\n          x\n",
	"- pipeline:\n    name: p\n    nodes: []\n    edges:\n      - [a.output.b, c.input.d]\n      - source: x\n",
	"|\n ",
	"- task:\n    name: t\n    step: s\n    parameters:\n      - name: lr\n        style: linear\n        rules: {start: 1, end: 2}\n",
}

// FuzzPipeline runs the whole document pipeline on arbitrary text: parse,
// diagnose, and complete and hover at many offsets. Nothing may panic, and
// every diagnostic span must lie inside the text.
func FuzzPipeline(f *testing.F) {
	for _, s := range append(seeds, hostile.YAML()...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 4096 {
			return
		}
		doc := document.New("file:///valohai.yaml", 1, text)
		ctx := context.Background()
		for _, d := range diagnostics.Diagnose(ctx, doc) {
			if d.Start < 0 || d.End > len(text) || d.Start > d.End {
				t.Fatalf("diagnostic span [%d,%d) outside text of %d bytes: %+v", d.Start, d.End, len(text), d)
			}
		}
		step := 1
		if len(text) > 256 {
			step = len(text) / 64
		}
		for off := 0; off <= len(text); off += step {
			for _, it := range completion.Complete(ctx, doc, off, completion.Options{Snippets: true}) {
				if it.Start < 0 || it.End > len(text) || it.Start > it.End {
					t.Fatalf("completion edit [%d,%d) outside text at %d", it.Start, it.End, off)
				}
			}
			if h := hover.At(doc, off); h != nil && (h.Start < 0 || h.End > len(text)) {
				t.Fatalf("hover span [%d,%d) outside text", h.Start, h.End)
			}
		}
		m := doc.Mapper()
		for _, enc := range []document.Encoding{document.UTF8, document.UTF16, document.UTF32} {
			for off := 0; off <= len(text); off += step {
				p := m.Position(off, enc)
				back := m.Offset(p, enc)
				if utf8.ValidString(text) && back > off {
					t.Fatalf("%v: offset %d -> %+v -> %d", enc, off, p, back)
				}
			}
		}
	})
}
