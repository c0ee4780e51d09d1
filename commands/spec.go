package commands

import (
	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/pyvalue"
	"github.com/valohai-ls/valohai-ls/schema"
)

// Step returns what the commands of step (a step item of x) are built
// from: its command lines, its parameters (each name once, where it is
// first written, as the last one of that name defines it) and its
// source-path.
func Step(x *model.Model, step *model.Symbol) (*Spec, error) {
	if step == nil || step.Body == nil {
		return nil, unsupported("", "the step is not readable")
	}
	lines, err := commandLines(x, step.Body)
	if err != nil {
		return nil, err
	}
	s := &Spec{Lines: lines, SourcePath: pyvalue.Of(document.ValueOf(step.Body, schema.XSourcePath))}
	for _, name := range model.ChildNames(step, model.KindParameter) {
		p, err := ReadParam(name, model.Child(step, model.KindParameter, name).Body)
		if err != nil {
			return nil, err
		}
		s.Params = append(s.Params, p)
	}
	if err := unreadParams(step); err != nil {
		return nil, err
	}
	return s, nil
}

// unreadParams reports a parameter of step the model could not read as
// one: with no name, which valohai-yaml does not load; with a name YAML
// reads as no text (`- name: 5`), whose command valohai-yaml builds with
// that value where this package cannot tell it; not a mapping, which
// valohai-yaml does not load; or in a list that is not a list.
func unreadParams(step *model.Symbol) error {
	for _, c := range step.Children {
		if c.Kind != model.KindParameter {
			continue
		}
		switch {
		case c.Name == "":
			return unsupported("", "a parameter has no name")
		case c.Untextual:
			return unsupported("", "the name %s of a parameter is not text", c.Name)
		}
	}
	if !model.Unread(step, model.KindParameter) {
		return nil
	}
	if l := document.Deref(document.ValueOf(step.Body, schema.XParameters)); l != nil && l.Kind == yaml.SequenceNode {
		return unbuildable(ReasonOther, "", "a parameter is not a mapping")
	}
	// valohai-yaml iterates what it is given: an empty mapping or text
	// loads no parameter, others fail.
	return unsupported("", "the parameters are not a list")
}

// unnamedParams reports a parameter of an override (which the model does
// not read as children) without a name, which valohai-yaml does not load,
// or with a name YAML reads as no text, as unreadParams does for a step.
func unnamedParams(body *yaml.Node) error {
	for _, e := range model.Elements(document.ValueOf(body, schema.XParameters)) {
		if e == nil || e.Kind != yaml.MappingNode {
			return unbuildable(ReasonOther, "", "a parameter is not a mapping")
		}
		n := document.Deref(document.ValueOf(e, schema.XName))
		if n == nil || n.Kind != yaml.ScalarNode || n.Value == "" {
			return unsupported("", "a parameter has no name")
		}
		if document.Resolve11(n) != document.String {
			return unsupported("", "the name %s of a parameter is not text", n.Value)
		}
	}
	return nil
}

// commandLines returns the command lines under body's `command`: each
// must be text.
func commandLines(x *model.Model, body *yaml.Node) ([]string, error) {
	v := document.Deref(document.ValueOf(body, schema.XCommand))
	if v == nil {
		return nil, nil
	}
	if v.Kind == yaml.SequenceNode {
		for _, e := range model.Elements(v) {
			if e == nil || e.Kind != yaml.ScalarNode || document.Resolve11(e) != document.String {
				return nil, unbuildable(ReasonOther, "", "a command is not text")
			}
		}
	} else if v.Kind != yaml.ScalarNode || document.Resolve11(v) != document.String {
		return nil, unbuildable(ReasonOther, "", "the command is not text")
	}
	cmds := model.Commands(x.Mapper(), body, schema.XCommand)
	out := make([]string, len(cmds))
	for i, c := range cmds {
		out[i] = c.Text
	}
	return out, nil
}

// Node returns what the commands of a pipeline node (a node symbol of
// x) are built from: its step merged with its override as valohai-yaml
// merges them. An override parameter replaces the step's parameter of
// its name whole (what it does not write takes the defaults of a
// parameter, not the step's), where the step declares it; the others
// follow the step's. A command in the override replaces the step's.
func Node(x *model.Model, node *model.Symbol) (*Spec, error) {
	st := x.StepOf(node)
	if !st.Checkable() {
		return nil, unsupported("", "the node's step is not in this file")
	}
	s, err := Step(x, x.Whole(st.Step))
	if err != nil {
		return nil, err
	}
	ov := document.Deref(document.ValueOf(node.Body, schema.XOverride))
	if ov == nil || ov.Kind != yaml.MappingNode {
		return s, nil
	}
	if c := pyvalue.Of(document.ValueOf(ov, schema.XCommand)); c.Truthy() {
		if s.Lines, err = commandLines(x, ov); err != nil {
			return nil, err
		}
	}
	if err := unnamedParams(ov); err != nil {
		return nil, err
	}
	for _, e := range model.Elements(document.ValueOf(ov, schema.XParameters)) {
		name := document.Deref(document.ValueOf(e, schema.XName)).Value
		p, err := ReadParam(name, e)
		if err != nil {
			return nil, err
		}
		s.put(p)
	}
	return s, nil
}

// put replaces the parameter of p's name with p, or adds p.
func (s *Spec) put(p *Param) {
	for i, q := range s.Params {
		if q.Name == p.Name {
			s.Params[i] = p
			return
		}
	}
	s.Params = append(s.Params, p)
}
