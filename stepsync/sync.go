package stepsync

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/project"
	"github.com/valohai-ls/valohai-ls/python"
	"github.com/valohai-ls/valohai-ls/pyvalue"
	"github.com/valohai-ls/valohai-ls/schema"
	"github.com/valohai-ls/valohai-ls/scripts"
)

// Action is a change of valohai.yaml: its title, and its edits.
type Action struct {
	Title string
	// Step is the step's name, Script the script's path relative to the
	// directory of valohai.yaml.
	Step, Script string
	Edits        []Edit
	// Refused lists the changes left out because the text is written in
	// a way that is not edited safely (flow collections, anchors).
	Refused []string
}

// Run is a script of a step, read.
type Run struct {
	project.Run
	Script *python.Script
}

// Runs reads the scripts that step st runs (each once), in order.
func Runs(x *model.Model, st *model.Symbol, dir string, r *project.Reader) []Run {
	var out []Run
	for _, sr := range project.StepRuns(x, st, project.Options{Dir: dir}, r) {
		if sr.File != nil {
			out = append(out, Run{Run: sr.Run, Script: sr.File.Script})
		}
	}
	return out
}

// Sync returns, for each script that step st of doc runs (doc's file is
// in dir), the action that brings the step in line with it; scripts that
// agree with the step give none.
func Sync(doc *document.Document, st *model.Symbol, dir string, r *project.Reader) []Action {
	if dir == "" || st == nil || st.Body == nil {
		return nil
	}
	x := model.Of(doc)
	var out []Action
	for _, rn := range Runs(x, st, dir, r) {
		e := newEditor(doc.Mapper())
		syncRun(e, st, rn)
		if len(e.edits) == 0 {
			continue
		}
		out = append(out, Action{
			Title:  fmt.Sprintf("Sync step %q with %s", st.Name, filepath.Base(filepath.FromSlash(rn.Rel))),
			Step:   st.Name,
			Script: rn.Rel,
			Edits:  merged(e.edits), Refused: e.refused,
		})
	}
	return out
}

// SyncPrepare returns the edits that bring step st in line with a
// prepare() call alone (for `valohai-ls step`).
func SyncPrepare(doc *document.Document, st *model.Symbol, p *python.Prepare) ([]Edit, []string) {
	e := newEditor(doc.Mapper())
	s := newStepState(st)
	syncPrepare(e, s, p)
	s.flush(e)
	return merged(e.edits), e.refused
}

// stepState is what a step declares, and what the action adds to it.
type stepState struct {
	st                       *model.Symbol
	params, inputs           map[string]*yaml.Node
	paramOrder               []string
	doubtful                 map[model.Kind]map[string]bool
	newParams, newInputs     []Item
	addedParams, addedInputs map[string]bool
}

func newStepState(st *model.Symbol) *stepState {
	s := &stepState{st: st, addedParams: map[string]bool{}, addedInputs: map[string]bool{}}
	s.paramOrder, s.params = scripts.Declared(st, model.KindParameter)
	_, s.inputs = scripts.Declared(st, model.KindInput)
	s.doubtful = map[model.Kind]map[string]bool{}
	for _, c := range st.Children {
		if c.Untextual && c.Name != "" {
			if s.doubtful[c.Kind] == nil {
				s.doubtful[c.Kind] = map[string]bool{}
			}
			s.doubtful[c.Kind][c.Name] = true
		}
	}
	return s
}

// hasParam reports whether the step declares a parameter called name, or
// one is added, or one is written as that text YAML reads as no text
// (`- name: 5`): that one is not a name, and is not edited, but a second
// item written alike would only repeat its error.
func (s *stepState) hasParam(name string) bool {
	return s.params[name] != nil || s.addedParams[name] || s.doubtful[model.KindParameter][name]
}

func (s *stepState) addParam(it Item) {
	if s.hasParam(it.Name) {
		return
	}
	s.addedParams[it.Name] = true
	s.newParams = append(s.newParams, it)
}

func (s *stepState) addInput(it Item) {
	if s.inputs[it.Name] != nil || s.addedInputs[it.Name] || s.doubtful[model.KindInput][it.Name] {
		return
	}
	s.addedInputs[it.Name] = true
	s.newInputs = append(s.newInputs, it)
}

// flush writes the added items.
// Items joining an existing list come first: a new key goes after the
// step's last line, which may be where that list ends.
func (s *stepState) flush(e *editor) {
	lists := []struct {
		key   string
		items []Item
	}{{schema.XParameters, s.newParams}, {schema.XInputs, s.newInputs}}
	for _, existing := range []bool{true, false} {
		for _, l := range lists {
			if (document.KeyOf(s.st.Body, l.key) != nil) == existing {
				e.addItems(s.st.Body, s.st.Name, l.key, l.items)
			}
		}
	}
}

// syncRun collects the edits for one script.
func syncRun(e *editor, st *model.Symbol, rn Run) {
	s := newStepState(st)
	if rn.Script.Prepare != nil {
		syncPrepare(e, s, rn.Script.Prepare)
	}
	syncArgparse(e, s, rn)
	s.flush(e)
}

// syncPrepare adds the parameters and inputs of default_parameters and
// default_inputs, and updates the types and defaults of those the step
// has.
func syncPrepare(e *editor, s *stepState, p *python.Prepare) {
	if d := p.DefaultParameters; d != nil && d.Literal {
		for _, en := range d.Entries {
			it, ok := PrepareParameter(en.Key, en.Value)
			if !ok {
				continue
			}
			node := s.params[en.Key]
			if node == nil {
				s.addParam(it)
				continue
			}
			what := fmt.Sprintf("parameter %q", en.Key)
			if want := scripts.ValueType(en.Value); want != "" {
				got := scripts.ParamType(node)
				if got != want && !(got == schema.ParamFloat && want == schema.ParamInteger) {
					e.set(node, what, schema.XType, want)
				}
			}
			if en.Value.Kind != python.DictV {
				if def, ok := it.get(schema.XDefault); ok && !scripts.SameDefault(document.ValueOf(node, schema.XDefault), en.Value) {
					e.set(node, what, schema.XDefault, def)
				}
			}
		}
	}
	if d := p.DefaultInputs; d != nil && d.Literal {
		for _, en := range d.Entries {
			it, ok := PrepareInput(en.Key, en.Value)
			if !ok {
				continue
			}
			node := s.inputs[en.Key]
			if node == nil {
				s.addInput(it)
				continue
			}
			def, ok := it.get(schema.XDefault)
			if !ok || en.Value.Kind == python.DictV {
				continue
			}
			urls := def.([]any)
			if sameURLs(document.Deref(document.ValueOf(node, schema.XDefault)), urls) {
				continue
			}
			var v any = urls
			if old := document.Deref(document.ValueOf(node, schema.XDefault)); len(urls) == 1 && (old == nil || old.Kind == yaml.ScalarNode) {
				v = urls[0]
			}
			e.set(node, fmt.Sprintf("input %q", en.Key), schema.XDefault, v)
		}
	}
}

// sameURLs reports whether an input's default holds urls.
func sameURLs(def *yaml.Node, urls []any) bool {
	y := pyvalue.Of(def)
	var have []string
	switch y.Kind {
	case pyvalue.Str:
		have = []string{y.Text}
	case pyvalue.List:
		for _, it := range y.Items {
			have = append(have, it.Text)
		}
	}
	if len(have) != len(urls) {
		return false
	}
	for i := range have {
		if have[i] != urls[i] {
			return false
		}
	}
	return true
}

// syncArgparse adds a parameter for each option the step neither declares
// nor writes (when the command passes {parameters}), and makes flags
// passed to options that expect a value pass one.
func syncArgparse(e *editor, s *stepState, rn Run) {
	args := rn.Script.Arguments
	if len(args) == 0 || rn.Args == nil {
		return
	}
	passes, refs := false, map[string]bool{}
	for _, w := range rn.Args {
		if strings.Contains(w.Text, "{parameters}") || strings.Contains(w.Text, "{params}") {
			passes = true
		}
		for _, p := range model.Placeholders(w.Text) {
			refs[p.Name] = true
		}
	}
	used := map[int]bool{}
	for _, name := range s.paramOrder {
		p := s.params[name]
		opt, alone := scripts.PassOption(p, name)
		if !strings.HasPrefix(opt, "-") {
			continue
		}
		i := scripts.FindOption(args, opt)
		if i < 0 {
			continue
		}
		used[i] = true
		if (passes || refs[name]) && scripts.ParamType(p) == schema.ParamFlag && alone && scripts.ExpectsValue(args[i]) {
			what := fmt.Sprintf("parameter %q", name)
			trueAs, falseAs := valueForms(args[i], opt)
			e.set(p, what, schema.XPassTrueAs, trueAs)
			if document.ValueOf(p, schema.XPassFalseAs) == nil {
				e.set(p, what, schema.XPassFalseAs, falseAs)
			}
		}
	}
	if !passes {
		return
	}
	for i, a := range args {
		if used[i] || len(a.Options) == 0 || !strings.HasPrefix(a.Options[0], "-") || written(rn, a) {
			continue
		}
		if it, ok := ArgumentParameter(a); ok {
			s.addParam(it)
		}
	}
}

// valueForms are the pass-true-as and pass-false-as that pass a flag to
// option opt of a, which wants a value, so that the script reads what
// the flag means: with type=bool, which makes any text but "" True, false
// is passed as the empty value (`--x=`), not as "false".
func valueForms(a python.Argument, opt string) (trueAs, falseAs string) {
	if a.Type == "bool" {
		return opt + "=true", opt + "="
	}
	return opt + "=true", opt + "=false"
}

// written reports whether the command writes one of the argument's
// options itself.
func written(rn Run, a python.Argument) bool {
	for _, w := range rn.Args {
		for _, opt := range a.Options {
			if w.Text == opt || strings.HasPrefix(w.Text, opt+"=") {
				return true
			}
		}
	}
	return false
}

// ArgumentParameter is the parameter that passes an argparse option:
// named after its `--` option (else its single-dash option, passed with
// pass-as), typed from its type or action, with its default and choices.
func ArgumentParameter(a python.Argument) (Item, bool) {
	opt, long := "", false
	for _, o := range a.Options {
		if strings.HasPrefix(o, "--") && len(o) > 2 {
			opt, long = o, true
			break
		}
	}
	if !long {
		opt = a.Options[0]
	}
	name := strings.TrimLeft(opt, "-")
	if name == "" || name == "h" || name == "help" {
		return Item{}, false
	}
	it := Item{Name: name}
	def, hasDef := any(nil), false
	if a.HasDefault {
		def, hasDef = literal(a.Default)
		if _, isList := def.([]any); isList {
			hasDef = false
		}
	}
	switch a.Action {
	case "store_true":
		b, _ := def.(bool)
		it.Fields = append(it.Fields, Field{schema.XDefault, b}, Field{schema.XType, schema.ParamFlag})
		if !long {
			it.Fields = append(it.Fields, Field{schema.XPassTrueAs, opt})
		}
		it.Fields = sorted(it.Fields)
		return it, true
	case "", "store":
	default:
		return Item{}, false
	}
	if a.ActionExpr != "" {
		return Item{}, false
	}
	t := scripts.ArgType(a)
	if t == schema.ParamFlag {
		trueAs, falseAs := valueForms(a, opt)
		it.Fields = append(it.Fields, Field{schema.XType, schema.ParamFlag},
			Field{schema.XPassTrueAs, trueAs}, Field{schema.XPassFalseAs, falseAs})
		if b, ok := def.(bool); ok {
			it.Fields = append(it.Fields, Field{schema.XDefault, b})
		}
		it.Fields = sorted(it.Fields)
		return it, true
	}
	if t == "" {
		t = schema.ParamString
	}
	it.Fields = append(it.Fields, Field{schema.XType, t})
	if hasDef {
		if v, ok := asType(def, t); ok {
			it.Fields = append(it.Fields, Field{schema.XDefault, v})
		} else {
			hasDef = false
		}
	}
	if !hasDef && !a.Required {
		it.Fields = append(it.Fields, Field{schema.XOptional, true})
	}
	if a.Choices != nil {
		if cs, ok := literal(*a.Choices); ok {
			var list []any
			for _, c := range cs.([]any) {
				if v, ok := asType(c, t); ok {
					list = append(list, v)
				}
			}
			if len(list) > 0 && len(list) == len(cs.([]any)) {
				it.Fields = append(it.Fields, Field{schema.XChoices, list})
			}
		}
	}
	if !long {
		it.Fields = append(it.Fields, Field{schema.XPassAs, opt + " {v}"})
	}
	it.Fields = sorted(it.Fields)
	return it, true
}

// asType converts a default to a parameter's type, when it can be.
func asType(v any, t string) (any, bool) {
	switch t {
	case schema.ParamInteger:
		switch x := v.(type) {
		case int64:
			return x, true
		case string:
			n, err := strconv.ParseInt(strings.TrimSpace(x), 10, 64)
			return n, err == nil
		}
		return nil, false
	case schema.ParamFloat:
		switch x := v.(type) {
		case Float:
			return x, true
		case int64:
			return x, true
		case string:
			f, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
			if err != nil {
				return nil, false
			}
			return floatOf(f), true
		}
		return nil, false
	}
	switch x := v.(type) {
	case string:
		return x, true
	case bool, int64, Float:
		return x, true
	}
	return nil, false
}

// Removal returns the action that deletes the parameter a finding of
// script-unknown-option is about (the finding's range is its name).
func Removal(doc *document.Document, d diagnostics.Diagnostic) (Action, bool) {
	if d.Code != diagnostics.CodeScriptUnknownOption {
		return Action{}, false
	}
	x := model.Of(doc)
	for _, st := range x.Kept(model.KindStep) {
		if st.Body == nil || d.Start < st.Range.Start || d.Start > st.Range.End {
			continue
		}
		order, params := scripts.Declared(st, model.KindParameter)
		for _, name := range order {
			p := params[name]
			nv := document.ValueOf(p, schema.XName)
			if nv == nil || doc.Mapper().NodeSpan(nv).Start > d.Start || doc.Mapper().NodeSpan(nv).End < d.End {
				continue
			}
			e := newEditor(doc.Mapper())
			e.remove(st.Body, schema.XParameters, p, fmt.Sprintf("parameter %q", name))
			if len(e.edits) == 0 {
				return Action{}, false
			}
			return Action{Title: fmt.Sprintf("Remove parameter %q from step %q (the script has no such option)", name, st.Name),
				Step: st.Name, Edits: merged(e.edits)}, true
		}
	}
	return Action{}, false
}
