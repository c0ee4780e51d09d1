package cursor

import (
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
)

// TestPruned checks which lines of an item the cursor's context keeps.
// In each text, the cursor line ends with "<|", and the lines to keep end
// with "  #k" (a comment, which changes nothing).
func TestPruned(t *testing.T) {
	tests := []struct{ name, text string }{
		{"key in a pipeline node", `
- pipeline:  #k
    name: p  #k
    nodes:  #k
      - name: a
        type: execution
        step: a
      - name: b  #k
        type: execution  #k
        on-error: stop-all<|
        override:  #k
          image: x
      - name: c
        step: c
    edges:  #k
      - [a.output.x, b.input.y]
`},
		{"dash line of a list item keeps the item's keys", `
- endpoint:  #k
    name: e  #k
    files:  #k
      - name: a
        path: a
      - <|
        path: b  #k
        description: x  #k
    image: x  #k
`},
		{"continuation lines go with their line", `
- step:  #k
    name: s  #k
    description: "a long  #k
      text"  #k
    command: |  #k
      echo hi  #k
    parameters:  #k
      - name: p  #k
        default: 1<|
    inputs:  #k
      - name: i
        default: [a,
          b]
`},
		{"children of the cursor line are left out", `
- step:  #k
    name: s  #k
    in<|
      - name: a
        default: x
    image: x  #k
`},
		{"indentless list under its key", `
- pipeline:  #k
    name: p  #k
    edges:  #k
    - source: a  #k
      target: b<|
    - source: c
      target: d
`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := strings.TrimPrefix(tc.text, "\n")
			var want []string
			cursorLine := -1
			for i, l := range strings.Split(text, "\n") {
				if strings.HasSuffix(l, "<|") {
					cursorLine = i
				}
				if strings.HasSuffix(l, "<|") || strings.HasSuffix(l, "  #k") {
					want = append(want, strings.TrimSuffix(l, "<|"))
				}
			}
			text = strings.Replace(text, "<|", "", 1)
			m := document.NewMapper(text)
			it := newItem(m, 0, m.LineCount()-1, cursorLine)
			got := it.pruned().Lines
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("kept:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}
