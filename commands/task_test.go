package commands

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
)

// TestTaskPlan counts the executions of the tasks of testdata/tasks.yaml,
// lists their first combinations and builds the first one's commands.
func TestTaskPlan(t *testing.T) {
	text, err := os.ReadFile("testdata/tasks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	x := model.Of(document.New("file:///p/valohai.yaml", 1, string(text)))
	for _, tc := range []struct {
		task, title string
		// how is a part of How (or of Why, when the number is not known).
		how      string
		combos   []string
		commands []string
		// cmdErr is a part of the error building the commands.
		cmdErr string
	}{
		{"grid", "creates 6 executions", "every combination: 3 values of `epochs` × 2 values of `optimizer`",
			[]string{"epochs=5, optimizer=adam", "epochs=5, optimizer=sgd", "epochs=10, optimizer=adam"},
			[]string{"python train.py --lr=0.001 --epochs=5 --optimizer=adam"}, ""},
		{"grid with a single", "creates 1 execution", "1 value of `lr` × 1 value of `epochs`",
			[]string{"lr=0.1, epochs=1"}, []string{"python train.py --lr=0.1 --epochs=1 --optimizer=adam"}, ""},
		{"grid with logspace", "creates 10 executions", "5 values of `lr` × 2 values of `epochs`", nil, nil, ""},
		{"linear off the end", "creates 4 executions", "4 values of `lr`", nil, nil, ""},
		{"linear onto the end", "creates 9 or 10 executions", "9 or 10 values of `epochs`", nil, nil, ""},
		{"linear of one value", "creates 1 execution", "1 value of `epochs`",
			[]string{"epochs=25"}, []string{"python train.py --lr=0.001 --epochs=25 --optimizer=adam"}, ""},
		{"linear backwards", "executions: not known", "does not lead from start to end", nil, nil, ""},
		{"random", "creates 20 executions", "execution-count", nil, nil, ""},
		{"bayesian without a count", "executions: not known", "no execution-count", nil, nil, ""},
		{"distributed", "creates 4 executions", "execution-count",
			[]string{""}, []string{"python train.py --lr=0.001 --epochs=10 --optimizer=adam"}, ""},
		{"manual", "creates 2 executions", "2 parameter sets",
			[]string{"epochs=3, optimizer=sgd", "epochs=4, lr=0.5"}, []string{"python train.py --lr=0.001 --epochs=3 --optimizer=sgd"}, ""},
		{"manual without sets", "executions: not known", "it has none", nil, nil, ""},
		{"not a choice", "creates 1 execution", "1 parameter set", []string{"optimizer=rmsprop"}, nil, "not one of its choices"},
		{"unknown type", "executions: not known", "'exhaustive' is not a task type", nil, nil, ""},
		{"unknown style", "executions: not known", "'spiral' is not a style", nil, nil, ""},
		{"empty grid", "executions: not known", "no parameter varies", nil, nil, ""},
		{"grid and count disagree", "executions: not known", "the grid has 3 combinations", nil, nil, ""},
		{"elsewhere", "creates 2 executions", "2 values of `epochs`", []string{"epochs=1", "epochs=2"}, nil, "not in this file"},
	} {
		t.Run(tc.task, func(t *testing.T) {
			task := x.Lookup(model.KindTask, tc.task)
			p := TaskPlan(task)
			how := p.How
			if !p.Known() {
				how = p.Why
			}
			if p.Title() != tc.title || !strings.Contains(how, tc.how) {
				t.Errorf("%q (%s), want %q (%s)", p.Title(), how, tc.title, tc.how)
			}
			var combos []string
			for _, c := range p.Combos {
				combos = append(combos, c.String())
			}
			if !reflect.DeepEqual(combos, tc.combos) {
				t.Errorf("combinations %q, want %q", combos, tc.combos)
			}
			lines, err := p.Commands(x, task)
			if tc.cmdErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.cmdErr) {
					t.Errorf("commands %q (%v), want an error saying %q", lines, err, tc.cmdErr)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(lines, tc.commands) {
				t.Errorf("commands %q (%v), want %q", lines, err, tc.commands)
			}
		})
	}
}
