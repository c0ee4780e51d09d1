package completion

import (
	"context"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/fixture"
)

// TestInsertText checks the text a completion writes, and where.
func TestInsertText(t *testing.T) {
	tests := []struct {
		name, text, label string
		snippets          bool
		insert, replaced  string // replaced: the text of the range replaced
		snippet           bool
	}{
		{"block key", "- endpoint:\n    name: a\n    po<|>\n", "port", true, "port: ${1:8000}", "po", true},
		{"block key, no snippets", "- endpoint:\n    name: a\n    po<|>\n", "port", false, "port: 8000", "po", false},
		{"key with its colon", "- endpoint:\n    name: a\n    po<|>: 1\n", "port", true, "port", "po", false},
		{"flow key", "- endpoint: {name: a, po<|>}\n", "port", true, "port: ", "po", false},
		{"flow key after a comma", "- endpoint: {name: a,<|>}\n", "image", true, "image: ", "", false},
		{"value after a space", "- endpoint:\n    tolerations:\n      - operator: <|>\n", "Exists", true, "Exists", "", false},
		{"value right after the colon", "- endpoint:\n    tolerations:\n      - operator:<|>\n", "Exists", true, " Exists", "", false},
		{"value being typed", "- endpoint:\n    tolerations:\n      - operator: Ex<|>\n", "Exists", true, "Exists", "Ex", false},
		{"value in quotes", "- endpoint:\n    tolerations:\n      - operator: \"Ex<|>\n", "Exists", true, "Exists", "Ex", false},
		{"value in a flow", "- endpoint:\n    tolerations: [{operator: Eq<|>}]\n", "Equal", true, "Equal", "Eq", false},
		{"CRLF lines", "- endpoint:\r\n    name: a\r\n    po<|>\r\n    image: x\r\n", "port", true, "port: ${1:8000}", "po", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			off := strings.Index(tc.text, fixture.Marker)
			text := strings.Replace(tc.text, fixture.Marker, "", 1)
			doc := document.New("file:///valohai.yaml", 1, text)
			for _, it := range Complete(context.Background(), doc, off, Options{Snippets: tc.snippets}) {
				if it.Label != tc.label {
					continue
				}
				if it.Insert != tc.insert || it.Snippet != tc.snippet {
					t.Errorf("insert %q (snippet %v), want %q (snippet %v)", it.Insert, it.Snippet, tc.insert, tc.snippet)
				}
				if got := text[it.Start:it.End]; got != tc.replaced {
					t.Errorf("replaces %q, want %q", got, tc.replaced)
				}
				return
			}
			t.Fatalf("%q not offered", tc.label)
		})
	}
}
