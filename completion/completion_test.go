package completion

import (
	"context"
	"slices"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/fixture"
)

// TestFixtures runs every case of testdata/*.txt: the labels listed under
// "want" must be offered at the marker, those under "absent" must not,
// those under "once" exactly once.
func TestFixtures(t *testing.T) {
	fixture.Run(t, "testdata/*.txt", func(t *testing.T, tc fixture.Case) {
		doc := document.New("file:///valohai.yaml", 1, tc.Text)
		items := Complete(context.Background(), doc, tc.Offset, Options{Snippets: true})
		var labels []string
		for _, it := range items {
			labels = append(labels, it.Label)
		}
		for _, w := range tc.List("want") {
			if !slices.Contains(labels, w) {
				t.Errorf("label %q not offered; got %v", w, labels)
			}
		}
		for _, w := range tc.List("once") {
			if n := count(labels, w); n != 1 {
				t.Errorf("label %q offered %d times, want once; got %v", w, n, labels)
			}
		}
		for _, a := range tc.List("absent") {
			if slices.Contains(labels, a) {
				t.Errorf("label %q offered but should not be; got %v", a, labels)
			}
		}
	})
}

func count(labels []string, l string) int {
	n := 0
	for _, s := range labels {
		if s == l {
			n++
		}
	}
	return n
}
