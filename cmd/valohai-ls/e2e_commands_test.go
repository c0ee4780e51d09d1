package main

import (
	"strings"
	"testing"
)

// commandsE2E is a step with float, integer, string-with-space and flag
// parameters, and a pipeline node that overrides two of them.
const commandsE2E = `- step:
    name: train
    image: python:3.12
    command:
      - pip install -r requirements.txt
      - python train.py {parameters}
    parameters:
      - name: learning_rate
        type: float
        default: 0.00001
      - name: epochs
        type: integer
        default: 100
      - name: title
        type: string
        default: "first run, it's"
      - name: augment
        type: flag
        default: true
        pass-true-as: --augment=yes
      - name: verbose
        type: flag
        default: false
- pipeline:
    name: p
    nodes:
      - name: fit
        type: execution
        step: train
        override:
          parameters:
            - name: epochs
              default: 3
            - name: verbose
              type: flag
              default: true
    edges: []
- task:
    name: sweep
    step: train
    parameters:
      - name: epochs
        style: multiple
        rules: {items: [5, 10]}
      - name: title
        style: multiple
        rules: {items: [a b, c]}
`

// TestEndToEndCommandHover hovers, over stdio, on {parameters} and on a
// pipeline node's name: each shows the commands valohai-yaml builds; on
// a task's name, how many executions it creates and what the first runs.
func TestEndToEndCommandHover(t *testing.T) {
	s := startBinary(t)
	s.initialize(t)
	_ = s.Notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": e2eURI, "languageId": "yaml", "version": 1, "text": commandsE2E}})
	if _, err := s.WaitDiagnostics(e2eURI, 1); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(commandsE2E, "\n")
	pos := func(find string) (int, int) {
		for i, l := range lines {
			if j := strings.Index(l, find); j >= 0 {
				return i, j + 2
			}
		}
		t.Fatalf("%q not in the file", find)
		return 0, 0
	}
	for _, tc := range []struct {
		name, at string
		want     string
	}{
		{"step", "{parameters}", "```shell\npip install -r requirements.txt\n" +
			`python train.py --learning_rate=1e-05 --epochs=100 '--title=first run, it'"'"'s' --augment=yes` + "\n```"},
		{"node", "fit", "```shell\npip install -r requirements.txt\n" +
			`python train.py --learning_rate=1e-05 --epochs=3 '--title=first run, it'"'"'s' --augment=yes --verbose` + "\n```"},
		{"task", "sweep", "**Creates 4 executions** (grid search: every combination: 2 values of `epochs` × 2 values of `title`)."},
		{"task's first execution", "sweep", "The execution with `epochs=5, title=a b` runs:\n\n```shell\n" +
			"pip install -r requirements.txt\npython train.py --learning_rate=1e-05 --epochs=5 '--title=a b' --augment=yes\n```"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			line, char := pos(tc.at)
			var hover struct {
				Contents struct{ Kind, Value string } `json:"contents"`
			}
			if err := s.Call("textDocument/hover", at(line, char), &hover); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(hover.Contents.Value, tc.want) {
				t.Errorf("hover lacks\n%s\ngot:\n%s", tc.want, hover.Contents.Value)
			}
		})
	}

	// The task's code lens counts its executions.
	var lenses []struct {
		Range   lspRange               `json:"range"`
		Command struct{ Title string } `json:"command"`
	}
	if err := s.Call("textDocument/codeLens", map[string]any{"textDocument": map[string]any{"uri": e2eURI}}, &lenses); err != nil {
		t.Fatal(err)
	}
	line, _ := pos("sweep")
	last := lenses[len(lenses)-1]
	if last.Command.Title != "creates 4 executions" || last.Range.Start.Line != line {
		t.Errorf("task lens: %+v (want line %d)", lenses, line)
	}
	s.shutdown(t)
}
