package commands

import (
	"fmt"
	"strings"

	"github.com/valohai-ls/valohai-ls/pytext"

	"github.com/valohai-ls/valohai-ls/pyvalue"
	"github.com/valohai-ls/valohai-ls/schema"
)

// Check reports the first of values (in the order of names) that Valohai
// would not accept as the value of its parameter, as valohai-yaml's
// Parameter.validate judges it: a name that is no parameter, a list for
// a parameter that is not multiple, a value an integer or float
// parameter cannot read, a flag's value that is not true or false, a value not among the
// parameter's choices. None
// is accepted: it leaves the parameter out.
func (s *Spec) Check(values map[string]pyvalue.Value, names []string) error {
	for _, name := range names {
		v := values[name]
		p := s.Param(name)
		if p == nil {
			return fmt.Errorf("there is no parameter %q (the parameters: %s)", name, s.paramNames())
		}
		if v.IsNone() {
			continue
		}
		if v.Kind == pyvalue.List && p.Multiple == Single {
			return fmt.Errorf("parameter %q is not multiple: give one value, not a list", name)
		}
		for _, a := range listify(v).Items {
			if err := p.checkAtom(a); err != nil {
				return err
			}
			if !p.allowed(a) {
				return p.choiceError(a)
			}
		}
	}
	return nil
}

// checkAtom checks one value of p.
func (p *Param) checkAtom(a pyvalue.Value) error {
	if a.Kind == pyvalue.List {
		return fmt.Errorf("parameter %q: a list inside a list is not a value", p.Name)
	}
	str, ok := a.Str()
	if !ok {
		return fmt.Errorf("parameter %q: %s is not a value", p.Name, a.DescribeRepr())
	}
	switch p.Type {
	case schema.ParamInteger:
		if a.Kind == pyvalue.Bool || !pytext.IntOK(str) {
			return fmt.Errorf("parameter %q is an integer: %s is not one", p.Name, a.DescribeRepr())
		}
	case schema.ParamFloat:
		if a.Kind == pyvalue.Bool || !pytext.FloatOK(str) {
			return fmt.Errorf("parameter %q is a float: %s is not a number", p.Name, a.DescribeRepr())
		}
	case schema.ParamFlag:
		ok := a.Kind == pyvalue.Bool ||
			(a.Kind == pyvalue.Int || a.Kind == pyvalue.Float) && (pyvalue.Equal(a, pyvalue.NewInt(0)) || pyvalue.Equal(a, pyvalue.NewInt(1)))
		if !ok {
			return fmt.Errorf("parameter %q is a flag: give true or false, not %s", p.Name, a.DescribeRepr())
		}
	}
	return nil
}

func (s *Spec) paramNames() string {
	if len(s.Params) == 0 {
		return "none"
	}
	names := make([]string, len(s.Params))
	for i, p := range s.Params {
		names[i] = p.Name
	}
	return strings.Join(names, ", ")
}
