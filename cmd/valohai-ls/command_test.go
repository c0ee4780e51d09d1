package main

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

const commandYAML = `- step:
    name: train
    image: python:3.12
    command:
      - pip install -r requirements.txt
      - python train.py {parameters}
    parameters:
      - name: lr
        type: float
        default: 0.001
      - name: epochs
        type: integer
        default: 10
      - name: title
        default: two words
      - name: augment
        type: flag
        default: true
      - name: sizes
        type: integer
        multiple: separate
        default: [1, 2]
- step:
    name: pick
    image: python:3.12
    command: python pick.py {parameters}
    parameters:
      - name: optimizer
        default: adam
        choices: [adam, sgd]
      - name: layers
        type: integer
        default: 2
        choices: [2, 4]
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
      - name: bad
        type: execution
        step: train
        override:
          parameters:
            - name: title
              default: [a, b]
      - name: pinned
        type: execution
        step: train
        commit: abc123
    edges: []
`

// TestCommandCommand prints built commands and refuses what Valohai
// would refuse, with exit status 2.
func TestCommandCommand(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "valohai.yaml", commandYAML)
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"defaults", []string{"command", "train"}, 0,
			"pip install -r requirements.txt\npython train.py --lr=0.001 --epochs=10 '--title=two words' --augment --sizes=1,2\n", ""},
		{"values", []string{"command", "train", "--values", `{"lr": 1e-5, "title": "it's", "augment": false, "sizes": [3], "epochs": null}`}, 0,
			"pip install -r requirements.txt\npython train.py --lr=1e-05 '--title=it'\"'\"'s' --sizes=3\n", ""},
		{"node", []string{"command", "--pipeline", "p", "--node", "fit", "--config", "valohai.yaml"}, 0,
			"pip install -r requirements.txt\npython train.py --lr=0.001 --epochs=3 '--title=two words' --augment --sizes=1,2\n", ""},
		{"unknown step", []string{"command", "nope"}, 2, "", `no step "nope" (the steps: train, pick)`},
		{"unknown node", []string{"command", "--pipeline", "p", "--node", "x"}, 2, "", `no node "x" (the nodes: fit, bad, pinned)`},
		{"node without pipeline", []string{"command", "--node", "x"}, 2, "", "--pipeline and --node go together"},
		{"pinned node", []string{"command", "--pipeline", "p", "--node", "pinned"}, 2, "", "pinned to a commit"},
		{"wrong type", []string{"command", "train", "--values", `{"epochs": 1.5}`}, 2, "", `"epochs" is an integer: 1.5 is not one`},
		{"list for a single parameter", []string{"command", "train", "--values", `{"lr": [1, 2]}`}, 2, "", `"lr" is not multiple`},
		{"choice", []string{"command", "pick", "--values", `{"optimizer": "sgd", "layers": "4"}`}, 0,
			"python pick.py --optimizer=sgd --layers=4\n", ""},
		{"not a choice", []string{"command", "pick", "--values", `{"optimizer": "rmsprop"}`}, 2, "",
			`--values: parameter "optimizer": 'rmsprop' is not one of its choices ('adam', 'sgd')`},
		{"not an integer choice", []string{"command", "pick", "--values", `{"layers": 3}`}, 2, "",
			`parameter "layers": 3 is not one of its choices (2, 4)`},
		{"wrong type for a flag", []string{"command", "train", "--values", `{"augment": "yes"}`}, 2, "", `"augment" is a flag: give true or false, not 'yes'`},
		{"unknown parameter", []string{"command", "train", "--values", `{"lrr": 1}`}, 2, "", `no parameter "lrr"`},
		{"not an object", []string{"command", "train", "--values", `[1]`}, 2, "", "must be a JSON object"},
		{"unbuildable node", []string{"command", "--pipeline", "p", "--node", "bad"}, 2, "", `valohai-yaml cannot build these commands: parameter "title" is not multiple`},
		{"no step named", []string{"command"}, 2, "", "name one step"},
		{"bad format", []string{"command", "train", "--format", "xml"}, 2, "", `unknown --format "xml"`},
		{"missing file", []string{"command", "train", "--config", "none.yaml"}, 2, "", "none.yaml"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errb := runIn(t, dir, tc.args...)
			if code != tc.code || out != tc.stdout || !strings.Contains(errb, tc.stderr) {
				t.Errorf("exit %d (want %d)\nstdout:\n%s\nwant:\n%s\nstderr: %s", code, tc.code, out, tc.stdout, errb)
			}
		})
	}
}

// TestCommandJSON prints the step and its commands as JSON.
func TestCommandJSON(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "valohai.yaml", commandYAML)
	code, out, errb := runIn(t, dir, "command", "--pipeline", "p", "--node", "fit", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	var got commandOutput
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	want := commandOutput{Step: "train", Pipeline: "p", Node: "fit", Commands: []string{
		"pip install -r requirements.txt",
		"python train.py --lr=0.001 --epochs=3 '--title=two words' --augment --sizes=1,2",
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}
