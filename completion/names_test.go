package completion

import (
	"context"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
)

// TestNamesNotTextAreQuoted checks that a name which YAML would read
// unquoted as something other than text is inserted in quotes where the
// user has not opened any, and as it is inside quotes.
func TestNamesNotTextAreQuoted(t *testing.T) {
	const steps = "- step:\n    name: \"5\"\n    image: x\n    command: c\n- step:\n    name: train\n    image: x\n    command: c\n"
	for _, tc := range []struct {
		name, text, label, insert string
	}{
		{"plain value, number", steps + "- task:\n    name: t\n    step: <|>\n", "5", `"5"`},
		{"plain value, text", steps + "- task:\n    name: t\n    step: <|>\n", "train", "train"},
		{"in quotes", steps + "- task:\n    name: t\n    step: \"<|>\"\n", "5", "5"},
		{"override parameter", "- step:\n    name: s\n    image: x\n    command: c\n    parameters:\n      - name: \"null\"\n        default: \"1\"\n" +
			"- pipeline:\n    name: p\n    nodes:\n      - name: a\n        type: execution\n        step: s\n        override:\n          parameters:\n            - name: <|>\n    edges: []\n", "null", `"null"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			off := strings.Index(tc.text, "<|>")
			text := strings.Replace(tc.text, "<|>", "", 1)
			items := Complete(context.Background(), document.New("file:///valohai.yaml", 1, text), off, Options{})
			for _, it := range items {
				if it.Label == tc.label {
					if it.Insert != tc.insert {
						t.Errorf("%q inserts %q, want %q", it.Label, it.Insert, tc.insert)
					}
					return
				}
			}
			t.Errorf("%q not offered", tc.label)
		})
	}
}
