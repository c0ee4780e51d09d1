package hover

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/fixture"
)

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
				for _, want := range tc.List("contains") {
					if !strings.Contains(h.Markdown, want) {
						t.Errorf("hover lacks %q:\n%s", want, h.Markdown)
					}
				}
			})
		}
	}
}
