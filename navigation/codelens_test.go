package navigation

import (
	"reflect"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
)

// TestLenses checks every kind of lens: where it stands, its title and
// what clicking it does, in the order the server sends them (steps,
// pipelines, tasks).
func TestLenses(t *testing.T) {
	text := `- step:
    name: train
    image: python:3.12
    command: python train.py
- step:
    name: unused
    image: python:3.12
    command: python x.py
- pipeline:
    name: flow
    nodes:
      - name: a
        type: execution
        step: train
      - name: b
        type: execution
        step: train
    edges: []
- task:
    name: grid
    step: train
    parameters:
      - name: epochs
        style: multiple
        rules: {items: [5, 10, 20]}
- task:
    step: train
`
	type lens struct {
		At, Title string
		Action    LensAction
		Nodes     int
	}
	want := []lens{
		{"train", "used by 2 pipeline nodes", LensReferences, 2},
		{"unused", "no pipeline node uses this step", LensReferences, 0},
		{"flow", "show pipeline graph", LensGraph, 0},
		{"grid", "creates 3 executions", LensInfo, 0},
		{"task", "executions: not known", LensInfo, 0},
	}
	x := model.Of(document.New("file:///valohai.yaml", 1, text))
	var got []lens
	for _, l := range Lenses(x) {
		got = append(got, lens{text[l.Span.Start:l.Span.End], l.Title, l.Action, len(l.Nodes)})
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}
