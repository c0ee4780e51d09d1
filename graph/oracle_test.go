package graph

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/corpus"
	"github.com/valohai-ls/valohai-ls/model"
)

// TestOracle compares every pipeline's nodes and edges with what
// valohai-yaml 0.57 parses (graph-oracle.json): nodes as [name, type,
// step], edges as [source, target].
func TestOracle(t *testing.T) {
	dir := corpus.Dir(t)
	data, err := os.ReadFile(filepath.Join(dir, "graph-oracle.json"))
	if err != nil {
		t.Fatalf("read the oracle: %v", err)
	}
	var oracle map[string]map[string]struct {
		Nodes [][]*string `json:"nodes"`
		Edges [][]string  `json:"edges"`
	}
	if err := json.Unmarshal(data, &oracle); err != nil {
		t.Fatal(err)
	}
	files := make([]string, 0, len(oracle))
	for f := range oracle {
		files = append(files, f)
	}
	sort.Strings(files)
	var pipelines int
	for _, f := range files {
		text, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		x := model.Of(document.New("file:///"+f, 1, string(text)))
		got := map[string]bool{}
		for _, g := range Of(x) {
			got[g.Pipeline] = true
		}
		for name, want := range oracle[f] {
			pipelines++
			g, ok := Named(x, name)
			if !ok {
				t.Errorf("%s: no pipeline %q (have %v)", f, name, got)
				continue
			}
			var nodes [][]*string
			for _, n := range g.Nodes {
				row := []*string{str(n.Name), str(n.Type), nil}
				switch {
				case n.Task != "":
					row[2] = str(n.Task) // a task node written with its blueprint
				case n.Type != "deployment":
					row[2] = str(n.Step)
				}
				nodes = append(nodes, row)
			}
			if !reflect.DeepEqual(deref(nodes), deref(want.Nodes)) {
				t.Errorf("%s %q nodes:\n got %v\nwant %v", f, name, deref(nodes), deref(want.Nodes))
			}
			edges := [][]string{}
			for _, e := range g.Edges {
				edges = append(edges, []string{e.Source, e.Target})
			}
			if want.Edges == nil {
				want.Edges = [][]string{}
			}
			pictures(t, f, g)
			if !reflect.DeepEqual(edges, want.Edges) {
				t.Errorf("%s %q edges:\n got %v\nwant %v", f, name, edges, want.Edges)
			}
		}
		if len(got) != len(oracle[f]) {
			t.Errorf("%s: %d pipelines, the oracle has %d", f, len(got), len(oracle[f]))
		}
	}
	t.Logf("%d pipelines of %d files compared", pipelines, len(files))
}

func str(s string) *string { return &s }

func deref(rows [][]*string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		for _, c := range r {
			if c == nil {
				out[i] = append(out[i], "<None>")
			} else {
				out[i] = append(out[i], *c)
			}
		}
	}
	return out
}

// pictures checks that the SVG of g is well-formed and draws every node,
// and that the Mermaid text is a flowchart naming every node.
func pictures(t *testing.T, file string, g Graph) {
	t.Helper()
	svg := SVG(g)
	wellFormed(t, svg)
	mmd := Mermaid(g)
	if !strings.Contains(mmd, "\nflowchart LR\n") {
		t.Errorf("%s %q: the Mermaid text is not a flowchart", file, g.Pipeline)
	}
	for _, n := range g.Nodes {
		if !bytes.Contains(svg, []byte(`data-node="`+esc(n.Name)+`"`)) {
			t.Errorf("%s %q: the SVG does not draw node %q", file, g.Pipeline, n.Name)
		}
		if !strings.Contains(mmd, `"`+mermaidText(n.Name)+"<br/>") {
			t.Errorf("%s %q: the Mermaid text does not name node %q", file, g.Pipeline, n.Name)
		}
	}
}
