package server

import (
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
)

// FuzzDidChange reads fuzzed didChange params as the connection does and
// applies them: nothing panics, and the server's copy is either the text
// the changes give (read as LSP says, by the client's own reckoning) or
// known to be out of step.
func FuzzDidChange(f *testing.F) {
	for _, s := range []string{
		`{"textDocument":{"uri":"file:///w/valohai.yaml","version":2},"contentChanges":[{"range":{"start":{"line":0,"character":2},"end":{"line":0,"character":4}},"text":"é"}]}`,
		`{"textDocument":{"uri":"file:///w/valohai.yaml","version":0},"contentChanges":[{"range":{"start":{"line":1,"character":0},"end":{"line":9,"character":0}},"text":"x\r\n"}]}`,
		`{"textDocument":{"uri":"file:///w/valohai.yaml","version":2},"contentChanges":[{"range":{"start":{"line":-1,"character":0},"end":{"line":0,"character":3}},"text":"x"}]}`,
		`{"textDocument":{"uri":"file:///w/valohai.yaml","version":2},"contentChanges":[{"range":{"start":{"line":0,"character":-5},"end":{"line":0,"character":0}},"text":"x"},{"text":"- step:\n"}]}`,
		`{"textDocument":{"uri":"file:///w/valohai.yaml","version":2},"contentChanges":[{"range":{"start":{"line":1.5,"character":0},"end":{"line":2,"character":0}},"text":"x"}]}`,
		`{"textDocument":{"uri":"file:///w/valohai.yaml","version":2},"contentChanges":[{"range":{"start":{"line":3,"character":4},"end":{"line":1,"character":0}},"text":"x"}]}`,
		`{"textDocument":{"uri":"file:///w/valohai.yaml","version":2},"contentChanges":[{"range":null,"text":"x"},{"range":"here","text":"x"},{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}}}]}`,
		`{"textDocument":{"uri":"file:///w/valohai.yaml","version":1e40},"contentChanges":[{"range":{"start":{"line":4294967296,"character":99999999999},"end":{"line":4294967297,"character":0}},"text":"😀"}]}`,
		`{"textDocument":7}`,
	} {
		f.Add(s, "- step:\n    name: tr\u00e4in 😀\r\n    image: x\n")
	}
	f.Fuzz(func(t *testing.T, params, text string) {
		dc, err := decodeDidChange([]byte(params))
		if err != nil {
			return
		}
		for _, enc := range []document.Encoding{document.UTF16, document.UTF8, document.UTF32} {
			st := newStore()
			st.open(dc.uri, LanguageID, 1, text)
			res, err := st.change(dc.uri, dc.version, dc.changes, enc)
			if err != nil {
				t.Fatal(err)
			}
			want, lost := text, false
			for _, c := range dc.changes {
				switch {
				case c.whole:
					want, lost = c.text, false
				case lost:
				case c.bad != "":
					lost = true
				default:
					a, b := refOffset(want, c.start, enc), refOffset(want, c.end, enc)
					want = want[:a] + c.text + want[b:]
				}
			}
			if lost != (res.lost != "") {
				t.Fatalf("%s: out of step %v, want %v (%s)", enc, res.lost != "", lost, res.lost)
			}
			if !lost && res.doc.Text != want {
				t.Fatalf("%s: the server holds %q, the changes give %q", enc, res.doc.Text, want)
			}
		}
	})
}
