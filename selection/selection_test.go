package selection

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/corpus"
	"github.com/valohai-ls/valohai-ls/internal/fixture"
)

// TestFixtures checks the chain at the marker of every case of
// testdata/*.txt: each "# select: TEXT [+N]" is one span, innermost first,
// given by its first line (trimmed) and how many more lines it covers.
func TestFixtures(t *testing.T) {
	fixture.Run(t, "testdata/*.txt", func(t *testing.T, tc fixture.Case) {
		doc := document.New("file:///p/valohai.yaml", 1, tc.Text)
		got := describe(doc.Mapper(), At(doc, tc.Offset))
		want := tc.Expect["select"]
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("chain:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
		}
	})
}

// describe writes spans as the fixtures do.
func describe(m *document.Mapper, spans []document.Span) []string {
	out := make([]string, 0, len(spans))
	for _, sp := range spans {
		text := m.Text()[sp.Start:sp.End]
		first, _, _ := strings.Cut(text, "\n")
		s := strings.TrimSpace(first)
		if n := strings.Count(text, "\n"); n > 0 {
			s += fmt.Sprintf(" [+%d]", n)
		}
		out = append(out, s)
	}
	return out
}

// TestCorpusChains asks for the chain at every line start and every
// seventh byte of each corpus file, broken ones included: each span holds
// the position and is strictly inside the next, and the last is the file.
func TestCorpusChains(t *testing.T) {
	dir := corpus.Dir(t)
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.y*ml"))
	if len(files) == 0 {
		t.Skipf("no corpus files under %s", dir)
	}
	asked := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc := document.New("file:///p/valohai.yaml", 1, string(data))
		for off := 0; off <= len(data); off += 7 {
			asked++
			spans := At(doc, off)
			for i, sp := range spans {
				if sp.Start > off || off > sp.End {
					t.Fatalf("%s at %d: span %v does not hold the position", f, off, sp)
				}
				if i > 0 {
					prev := spans[i-1]
					if sp.Start > prev.Start || sp.End < prev.End || sp == prev {
						t.Fatalf("%s at %d: span %v is not strictly inside %v", f, off, prev, sp)
					}
				}
			}
			if last := spans[len(spans)-1]; last != (document.Span{Start: 0, End: len(data)}) {
				t.Fatalf("%s at %d: the last span is %v, not the file", f, off, last)
			}
		}
	}
	t.Logf("%d chains in %d files", asked, len(files))
}
