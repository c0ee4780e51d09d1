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
`

// TestEndToEndCommandHover hovers, over stdio, on {parameters} and on a
// pipeline node's name: each shows the commands valohai-yaml builds.
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
	s.shutdown(t)
}
