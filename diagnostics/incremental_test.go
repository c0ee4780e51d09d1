package diagnostics

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/editgen"
	"github.com/valohai-ls/valohai-ls/model"
)

const editBase = `- step:
    name: train
    image: x
    command: python train.py {parameter:lr} {parameter:missing}
    parameters:
      - name: lr
        type: flaot
      - name: lr
        type: float
    inputs:
      - name: data
- step:
    name: prep
    image: python:3.12
    command: python prep.py
    time-limit: 1.0
    outputs:
      - name: clean
- endpoint:
    name: Predict
    wsgi: a:b
    prot: 80
    files:
      - name: model
        path: model.pkl
- task:
    name: sweep
    step: train
    type: grid_search
- pipeline:
    name: p
    nodes:
      - name: n
        type: execution
        step: trian
      - name: m
        type: execution
        step: prep
        override:
          inputs:
            - name: nope
      - name: t
        type: task
        task: sweep
    edges:
      - [m.output.clean, n.input.data]
      - [m.output.x, t.parameter.lr]
    parameters:
      - name: rate
        targets: [t.parameter.lr, n.parameter.zz]
- step:
    name: last
    image: x
    command: run {parameter:a}
    parameters:
      - name: a
        type: string
        choices: [yes, no]
`

// TestIncrementalDiagnosticsMatchFresh edits a file version after version
// (valid, breaking, repairing and random edits) and checks that each
// version's diagnostics and model, which reuse the per-item results of
// the items the edit did not touch, equal those of a fresh analysis, and
// that the results of untouched items were reused.
func TestIncrementalDiagnosticsMatchFresh(t *testing.T) {
	ctx := context.Background()
	g := editgen.New(7, editBase)
	prev := document.New("u", 1, editBase)
	g.Parses = func(string) bool { return prev.Parsed().Root != nil }
	diagnose(ctx, prev)
	var reused, made Stats
	checked := 0
	for k := 0; k < 1500; k++ {
		e := g.Next(prev.Text)
		d := document.NewVersion(prev, int32(k+2), e.Text)
		got, st := diagnose(ctx, d)
		fresh := document.New("u", 1, e.Text)
		want, _ := diagnose(ctx, fresh)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("edit %d (%v): diagnostics differ for\n%s\ngot  %+v\nwant %+v", k, e.Kind, e.Text, got, want)
		}
		if g, w := dumpModel(model.Of(d)), dumpModel(model.Of(fresh)); g != w {
			t.Fatalf("edit %d (%v): models differ for\n%s\ngot\n%s\nwant\n%s", k, e.Kind, e.Text, g, w)
		}
		p := d.Parsed()
		sumReused, _ := model.Of(d).Summaries()
		if sumReused != p.Reused() || st.SchemaReused != p.Reused() {
			t.Fatalf("edit %d (%v): %d item trees reused, but %d summaries and %d schema findings", k, e.Kind, p.Reused(), sumReused, st.SchemaReused)
		}
		if prev.Parsed().Root == nil && (p.Reused() != 0 || st.RulesReused != 0) {
			t.Fatalf("edit %d (%v): results reused across a version that does not parse", k, e.Kind)
		}
		if e.Untouched >= 0 && prev.Parsed().Root != nil && p.Root != nil {
			if p.Reused() != e.Untouched {
				t.Fatalf("edit %d (%v): %d items reused, want %d", k, e.Kind, p.Reused(), e.Untouched)
			}
			// Only the rules on the items the edit touched (at most three
			// of a kind), and those on pipelines and tasks (which read
			// other items), may run again.
			touched := 1
			if e.Kind == editgen.Remove {
				touched = 0
			}
			x := model.Of(d)
			limit := 3*touched + 3*len(x.Kept(model.KindPipeline)) + 2*len(x.Kept(model.KindTask))
			if st.RulesMade > limit {
				t.Fatalf("edit %d (%v): %d item rules run again (%d reused), want at most %d", k, e.Kind, st.RulesMade, st.RulesReused, limit)
			}
			checked++
		}
		reused.SchemaReused += st.SchemaReused
		reused.RulesReused += st.RulesReused
		made.SchemaMade += st.SchemaMade
		made.RulesMade += st.RulesMade
		prev = d
	}
	t.Logf("%d edits checked; schema findings reused %d, made %d; rule findings reused %d, made %d",
		checked, reused.SchemaReused, made.SchemaMade, reused.RulesReused, made.RulesMade)
	if checked < 500 || reused.SchemaReused < made.SchemaMade || reused.RulesReused < made.RulesMade {
		t.Errorf("%d edits checked; schema findings reused %d, made %d; rule findings reused %d, made %d",
			checked, reused.SchemaReused, made.SchemaMade, reused.RulesReused, made.RulesMade)
	}
}

// dumpModel writes what a model says of the file: its symbols, what the
// references resolve to and the step each node runs.
func dumpModel(x *model.Model) string {
	var b strings.Builder
	title := func(s *model.Symbol) string {
		if s == nil {
			return "-"
		}
		return fmt.Sprintf("%s %q @%d", s.Kind, s.Name, s.Range.Start)
	}
	for _, s := range x.Symbols() {
		fmt.Fprintf(&b, "sym %s %s named=%v %v %v %v broken=%v flow=%v parent=%s", title(s), s.Detail, s.Named, s.NameSpan, s.Value, s.Range, s.Broken, s.Flow, title(s.Parent))
		if s.NameNode != nil {
			fmt.Fprintf(&b, " name@%d:%d", s.NameNode.Line, s.NameNode.Column)
		}
		if s.Body != nil {
			fmt.Fprintf(&b, " body@%d:%d", s.Body.Line, s.Body.Column)
		}
		if s.Kind == model.KindNode {
			st := x.StepOf(s)
			fmt.Fprintf(&b, " runs %d %q %s", st.Status, st.Name, title(st.Step))
		}
		b.WriteByte('\n')
	}
	for _, s := range x.Items {
		fmt.Fprintf(&b, "item %s children %d\n", title(s), len(s.Children))
		for _, c := range s.Children {
			fmt.Fprintf(&b, "  %s %v\n", title(c), c.NameSpan)
		}
	}
	for _, r := range x.Refs() {
		fmt.Fprintf(&b, "ref %v %s %q -> %s from %s loose=%v unsure=%v role=%d node@%d:%d\n", r.Span, r.Kind, r.Name, title(r.Target), title(r.From), r.Loose, r.Unsure, r.Role, r.Node.Line, r.Node.Column)
	}
	return b.String()
}
