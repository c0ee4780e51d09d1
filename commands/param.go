package commands

import (
	"strings"

	"github.com/valohai-ls/valohai-ls/pytext"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/pyvalue"
	"github.com/valohai-ls/valohai-ls/schema"
)

// Multiple is how a parameter passes several values.
type Multiple int

// Multiple modes.
const (
	Single Multiple = iota
	Repeat
	Separate
)

// Param is a parameter as valohai-yaml holds it for building commands.
type Param struct {
	Name string
	// Type is the value of `type` ("string" when it is not written).
	Type     string
	Multiple Multiple
	// Separator joins the values of a separate-style parameter.
	Separator                   string
	PassAs, PassTrue, PassFalse pyvalue.Value
	// Default is the default value, a list for a multiple parameter.
	Default pyvalue.Value
	// Choices are the values the parameter allows (none: any value).
	Choices []pyvalue.Value
	// Body is the parameter's mapping, when it is read from YAML.
	Body *yaml.Node
}

// Flag reports a flag parameter.
func (p *Param) Flag() bool { return p.Type == schema.ParamFlag }

// ReadParam reads the parameter written as mapping body, as valohai-yaml
// reads it: a `type` missing is "string", a `multiple` that is empty or
// "none" is single, the separator "," unless set, a multiple parameter's
// default a list. An Unbuildable error is a parameter valohai-yaml does
// not load.
func ReadParam(name string, body *yaml.Node) (*Param, error) {
	p := &Param{Name: name, Type: schema.ParamString, Separator: ",", Body: body}
	if t := pyvalue.Of(document.ValueOf(body, schema.XType)); !t.IsNone() {
		s, ok := t.Str()
		if !ok {
			return nil, unsupported(name, "parameter %q has a type valohai-ls does not read", name)
		}
		p.Type = s
	}
	if m := pyvalue.Of(document.ValueOf(body, schema.XMultiple)); m.Truthy() {
		s, _ := m.Str()
		switch strings.ToLower(s) {
		case schema.MultipleNone:
		case schema.MultipleRepeat:
			p.Multiple = Repeat
		case schema.MultipleSeparate:
			p.Multiple = Separate
		default:
			return nil, unbuildable(ReasonOther, name, "parameter %q: %s is not a multiple mode", name, m.DescribeRepr())
		}
	}
	if p.Multiple != Single && p.Flag() {
		return nil, unbuildable(ReasonOther, name, "parameter %q: a flag cannot be multiple", name)
	}
	if sep := pyvalue.Of(document.ValueOf(body, schema.XMultipleSeparator)); sep.Truthy() {
		s, ok := sep.Str()
		if !ok {
			return nil, unsupported(name, "the multiple-separator of parameter %q is not previewed", name)
		}
		p.Separator = s
	}
	p.PassAs = pyvalue.Of(document.ValueOf(body, schema.XPassAs))
	if p.Flag() {
		p.PassTrue = pyvalue.Of(document.ValueOf(body, schema.XPassTrueAs))
		p.PassFalse = pyvalue.Of(document.ValueOf(body, schema.XPassFalseAs))
	}
	p.Default = pyvalue.Of(document.ValueOf(body, schema.XDefault))
	if ch := pyvalue.Of(document.ValueOf(body, schema.XChoices)); ch.Kind == pyvalue.List && !p.Flag() {
		p.Choices = ch.Items
	}
	if p.Multiple != Single {
		p.Default = listify(p.Default)
	}
	return p, nil
}

// listify is a value as a list: None is empty, a list itself, anything
// else a list of one.
func listify(v pyvalue.Value) pyvalue.Value {
	switch v.Kind {
	case pyvalue.None:
		return pyvalue.Value{Kind: pyvalue.List}
	case pyvalue.List:
		return v
	}
	return pyvalue.NewList(v)
}

// template returns the pass-as template for value, "" when the parameter
// is left out.
func (p *Param) template(v pyvalue.Value) (string, error) {
	if p.Flag() {
		if p.PassTrue.Truthy() || p.PassFalse.Truthy() {
			t := p.PassFalse
			if v.Truthy() {
				t = p.PassTrue
			}
			if !t.Truthy() {
				return "", nil
			}
			if t.Kind != pyvalue.Str {
				return "", unbuildable(ReasonOther, p.Name, "the pass-true-as / pass-false-as of flag %q is not text", p.Name)
			}
			return t.Text, nil
		}
		if !v.Truthy() {
			return "", nil
		}
	}
	if v.IsNone() {
		return "", nil
	}
	if p.PassAs.Truthy() {
		s, ok := p.PassAs.Str()
		if !ok {
			return "", unsupported(p.Name, "the pass-as of parameter %q is not previewed", p.Name)
		}
		return s, nil
	}
	if p.Flag() {
		return "--{name}", nil
	}
	return "--{name}={value}", nil
}

// Args returns the command-line arguments of the parameter with value v,
// not quoted: nil when it is left out. A *formatError is a template
// Python's str.format rejects.
func (p *Param) Args(v pyvalue.Value) ([]string, error) {
	tmpl, err := p.template(v)
	if err != nil || tmpl == "" {
		return nil, err
	}
	bits := strings.FieldsFunc(tmpl, pytext.Space)
	atom := func(a pyvalue.Value) ([]string, error) {
		e := func(key string) (pyvalue.Value, bool) {
			switch key {
			case "name":
				return pyvalue.NewStr(p.Name), true
			case "value", "v":
				return a, true
			}
			return pyvalue.Value{}, false
		}
		out := make([]string, 0, len(bits))
		for _, bit := range bits {
			s, err := format(bit, p.Name, e)
			if err != nil {
				return nil, err
			}
			out = append(out, s)
		}
		return out, nil
	}
	switch p.Multiple {
	case Repeat:
		var out []string
		for _, a := range listify(v).Items {
			if a.Kind == pyvalue.List {
				return nil, unbuildable(ReasonNestedList, p.Name, "a list inside the values of repeated parameter %q", p.Name)
			}
			args, err := atom(a)
			if err != nil {
				return nil, err
			}
			out = append(out, args...)
		}
		return out, nil
	case Separate:
		items := listify(v).Items
		if len(items) == 0 {
			return nil, nil
		}
		parts := make([]string, len(items))
		for i, a := range items {
			s, ok := a.Str()
			if !ok {
				return nil, unsupported(p.Name, "a value of parameter %q is not previewed", p.Name)
			}
			parts[i] = s
		}
		return atom(pyvalue.NewStr(strings.Join(parts, p.Separator)))
	}
	if v.Kind == pyvalue.List {
		return nil, unbuildable(ReasonListValue, p.Name, "parameter %q is not multiple but its value is a list", p.Name)
	}
	return atom(v)
}
