package hover

import (
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/fixture"
)

func TestFixtures(t *testing.T) {
	fixture.Run(t, "testdata/*.txt", func(t *testing.T, tc fixture.Case) {
		doc := document.New("file:///valohai.yaml", 1, tc.Text)
		doc.Parsed() // as the server has, once diagnostics ran
		h := At(doc, tc.Offset)
		if len(tc.Expect["none"]) > 0 {
			if h != nil {
				t.Fatalf("want no hover, got %q", h.Markdown)
			}
			return
		}
		if h == nil {
			t.Fatal("no hover")
		}
		if h.Start > tc.Offset || h.End < tc.Offset {
			t.Errorf("hover span [%d,%d) does not hold the cursor %d", h.Start, h.End, tc.Offset)
		}
		// A "line" is a whole line of the hover, commas and all.
		for _, want := range tc.Expect["line"] {
			if !strings.Contains("\n"+h.Markdown+"\n", "\n"+want+"\n") {
				t.Errorf("hover lacks the line %q:\n%s", want, h.Markdown)
			}
		}
		for _, want := range tc.List("absent") {
			if strings.Contains(h.Markdown, want) {
				t.Errorf("hover has %q:\n%s", want, h.Markdown)
			}
		}
		for _, want := range tc.List("contains") {
			if !strings.Contains(h.Markdown, want) {
				t.Errorf("hover lacks %q:\n%s", want, h.Markdown)
			}
		}
	})
}
