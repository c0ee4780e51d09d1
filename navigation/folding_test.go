package navigation

import (
	"reflect"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
)

func TestFolds(t *testing.T) {
	text := `- step:
    name: train
    command:
      - a
      - b
    parameters:
      - name: lr
        type: float
- endpoint: {name: e, image: x, wsgi: a:b}
- pipeline:
    name: p
    edges: [[a.output.b, c.input.d]]
`
	got := Folds(document.New("file:///valohai.yaml", 1, text))
	want := []Fold{
		{0, 7},  // the step item (and its step: key)
		{2, 4},  // command
		{5, 7},  // parameters
		{6, 7},  // the parameter
		{9, 11}, // the pipeline item
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Folds = %v, want %v", got, want)
	}
}
