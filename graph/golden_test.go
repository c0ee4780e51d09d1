package graph

import (
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
)

var update = flag.Bool("update", false, "rewrite the golden pictures under testdata/")

// TestGolden draws each fixture under testdata/ and compares the SVG,
// Mermaid and dot text with the files next to it (go test -update writes
// them). Every picture must also be well-formed XML naming every node.
func TestGolden(t *testing.T) {
	fixtures, err := filepath.Glob(filepath.Join("testdata", "*.yaml"))
	if err != nil || len(fixtures) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, f := range fixtures {
		t.Run(filepath.Base(f), func(t *testing.T) {
			text, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			graphs := Of(model.Of(document.New("file:///"+f, 1, string(text))))
			if len(graphs) != 1 {
				t.Fatalf("%d pipelines, want 1", len(graphs))
			}
			svg := SVG(graphs...)
			wellFormed(t, svg)
			for _, n := range graphs[0].Nodes {
				if !bytes.Contains(svg, []byte(`data-node="`+n.Name+`"`)) {
					t.Errorf("the SVG does not draw node %q", n.Name)
				}
			}
			if !bytes.Equal(svg, SVG(graphs...)) {
				t.Error("two drawings of one graph differ")
			}
			base := strings.TrimSuffix(f, ".yaml")
			golden(t, base+".svg", svg)
			golden(t, base+".mmd", []byte(Mermaid(graphs[0])))
			golden(t, base+".dot", []byte(Dot(graphs[0])))
		})
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./graph -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs:\n got:\n%s\nwant:\n%s", path, got, want)
	}
}

func wellFormed(t *testing.T, svg []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed XML: %v", err)
		}
	}
}
