package diagnostics

import (
	"context"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
)

// pipelineUsingTrain runs step "train" and refers to its parameter, input
// and output in every way a pipeline can.
const pipelineUsingTrain = `- pipeline:
    name: p
    nodes:
      - name: t
        type: execution
        step: train
        override:
          parameters:
            - name: lr
          inputs:
            - name: data
          command: python train.py {parameter:lr}
      - name: u
        type: execution
        step: train
      - name: d
        type: deployment
        deployment: prod
        endpoints: [predict]
    edges:
      - [t.output.model, u.input.data]
      - [t.parameter.lr, u.parameter.lr]
      - [t.output.model, d.file.predict.model]
    parameters:
      - name: plr
        targets: [t.parameter.lr]
- task:
    name: sweep
    step: train
    parameters:
      - name: lr
        style: single
        rules: {value: 1}
`

// TestNoCascadeFromBrokenItem checks that a syntax error inside an item
// is reported where it is, and that nothing that refers to the broken
// item is reported as unknown (the intact file has no finding of a name).
func TestNoCascadeFromBrokenItem(t *testing.T) {
	train := `- step:
    name: train
    image: python
    command:
      - python train.py
    parameters:
      - name: lr
        type: float
    inputs:
      - name: data
`
	predict := `- endpoint:
    name: predict
    image: python
    server-command: python serve.py
    files:
      - name: model
        path: model.pkl
`
	cases := []struct {
		name, broken string
	}{
		{"intact", train},
		{"no space after a colon", strings.Replace(train, "image: python", "image:python", 1)},
		{"bad indentation in the command list", strings.Replace(train, "      - python train.py\n", "      - python train.py\n     - python more.py\n", 1)},
		{"the name cannot be read", strings.Replace(train, "name: train", "name: \"train", 1)},
		{"a tab in the parameters", strings.Replace(train, "      - name: lr", "\t- name: lr", 1)},
		{"a broken endpoint", train + strings.Replace(predict, "image: python", "image:python", 1)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text := c.broken + pipelineUsingTrain
			if !strings.Contains(c.broken, "endpoint") {
				text += predict
			}
			diags := Diagnose(context.Background(), document.New("file:///w/valohai.yaml", 1, text))
			syntax := 0
			for _, d := range diags {
				switch {
				case d.Code == CodeSyntax:
					syntax++
				case unknownCodes[d.Code]:
					t.Errorf("cascade: %s %q", d.Code, d.Message)
				}
			}
			if (syntax == 0) != (c.name == "intact") {
				t.Errorf("%d syntax errors reported in %v", syntax, diags)
			}
		})
	}
}
