package completion

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/fixture"
)

// TestFixtures runs every case of testdata/*.txt: the labels listed under
// "want" must be offered at the marker, those under "absent" must not.
func TestFixtures(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, file := range files {
		cases, err := fixture.Read(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range cases {
			t.Run(filepath.Base(file)+"/"+tc.Name, func(t *testing.T) {
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
				for _, a := range tc.List("absent") {
					if slices.Contains(labels, a) {
						t.Errorf("label %q offered but should not be; got %v", a, labels)
					}
				}
			})
		}
	}
}
