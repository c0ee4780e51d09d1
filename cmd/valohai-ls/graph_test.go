package main

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGraphCommand draws the fixture of a fan-out pipeline in every
// format, and refuses what it cannot draw.
func TestGraphCommand(t *testing.T) {
	dir := t.TempDir()
	text, err := os.ReadFile(filepath.Join("..", "..", "graph", "testdata", "fan-out.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "valohai.yaml", string(text))
	writeFile(t, dir, "steps.yaml", "- step:\n    name: s\n    image: x\n    command: y\n")
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string // in stdout (code 0) or stderr
	}{
		{"svg by default", []string{"graph"}, 0, `data-node="train-b"`},
		{"mermaid", []string{"graph", "--format", "mermaid"}, 0, "flowchart LR\n"},
		{"dot", []string{"graph", "--format", "dot", "--pipeline", "fan-out"}, 0, `digraph "fan-out" {`},
		{"unknown pipeline", []string{"graph", "--pipeline", "nope"}, 2, `no pipeline "nope" (the pipelines: fan-out)`},
		{"unknown format", []string{"graph", "--format", "png"}, 2, `unknown format "png"`},
		{"no pipelines", []string{"graph", "--config", "steps.yaml"}, 2, "has no pipeline"},
		{"an argument", []string{"graph", "valohai.yaml"}, 2, "given with --config"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errb := runIn(t, dir, tc.args...)
			got := out
			if tc.code != 0 {
				got = errb
			}
			if code != tc.code || !strings.Contains(got, tc.want) {
				t.Errorf("exit %d (want %d), want %q in:\n%s%s", code, tc.code, tc.want, out, errb)
			}
		})
	}
	code, out, _ := runIn(t, dir, "graph")
	if code == 0 {
		if err := xml.Unmarshal([]byte(out), new(struct{})); err != nil {
			t.Errorf("the SVG does not parse: %v", err)
		}
	}
	code, out, errb := runIn(t, dir, "graph", "--format", "json", "--pipeline", "fan-out")
	var g struct {
		Pipeline string
		Nodes    []struct{ Name, Type, Step string }
		Edges    []struct{ Source, Target string }
	}
	if err := json.Unmarshal([]byte(out), &g); code != 0 || err != nil {
		t.Fatalf("exit %d, %v: %s", code, err, errb)
	}
	if g.Pipeline != "fan-out" || len(g.Nodes) != 3 || len(g.Edges) != 2 ||
		g.Edges[1].Source != "prep.output.train.csv" || g.Edges[1].Target != "train-b.input.data" {
		t.Errorf("got %+v", g)
	}
}
