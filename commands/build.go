package commands

import (
	"errors"
	"regexp"
	"strings"

	"github.com/valohai-ls/valohai-ls/pytext"

	"github.com/valohai-ls/valohai-ls/pyvalue"
	"github.com/valohai-ls/valohai-ls/schema"
)

// Spec is what a step's (or a node's) commands are built from.
type Spec struct {
	// Lines are the commands as written (each a scalar's value).
	Lines []string
	// Params are the parameters in declaration order, each name once.
	Params []*Param
	// SourcePath is the step's source-path, None when it has none.
	SourcePath pyvalue.Value
}

// Param returns the parameter called name, or nil.
func (s *Spec) Param(name string) *Param {
	for _, p := range s.Params {
		if p.Name == name {
			return p
		}
	}
	return nil
}

// Defaults returns the parameters' defaults that are set, flags included
// (what a run started with every default gets).
func (s *Spec) Defaults() map[string]pyvalue.Value {
	out := make(map[string]pyvalue.Value, len(s.Params))
	for _, p := range s.Params {
		if !p.Default.IsNone() {
			out[p.Name] = p.Default
		}
	}
	return out
}

// WithDefaults returns the defaults replaced by values where values has
// a name.
func (s *Spec) WithDefaults(values map[string]pyvalue.Value) map[string]pyvalue.Value {
	out := s.Defaults()
	for k, v := range values {
		out[k] = v
	}
	return out
}

// interpolable matches what valohai-yaml tries to fill in: the shortest
// {…} on one line.
var interpolable = regexp.MustCompile(`\{(.+?)\}`)

// Build builds the commands with the given values (a name mapped to None
// counts as given, with no value), as valohai-yaml does: placeholders
// filled in, each command stripped. A command line whose pass-as
// template Python cannot format is kept as written.
func (s *Spec) Build(values map[string]pyvalue.Value) ([]string, error) {
	out := make([]string, 0, len(s.Lines))
	for _, line := range s.Lines {
		built, err := s.line(line, values)
		var fe *formatError
		switch {
		case errors.As(err, &fe):
			built = line
		case err != nil:
			return nil, err
		}
		out = append(out, strings.TrimFunc(built, pytext.Space))
	}
	return out, nil
}

// line fills in the placeholders of one command line.
func (s *Spec) line(line string, values map[string]pyvalue.Value) (string, error) {
	if !strings.Contains(line, "{") {
		return line, nil
	}
	var b strings.Builder
	last := 0
	for _, m := range interpolable.FindAllStringSubmatchIndex(line, -1) {
		r, err := s.replace(line[m[2]:m[3]], line[m[0]:m[1]], values)
		if err != nil {
			return "", err
		}
		b.WriteString(line[last:m[0]])
		b.WriteString(r)
		last = m[1]
	}
	b.WriteString(line[last:])
	return b.String(), nil
}

// replace returns what the placeholder whole (inner between its braces)
// becomes.
func (s *Spec) replace(inner, whole string, values map[string]pyvalue.Value) (string, error) {
	if inner == placeholderWord(schema.PlaceholderSourcePath) && !s.SourcePath.IsNone() {
		if s.SourcePath.Kind != pyvalue.Str {
			return "", unbuildable(ReasonOther, "", "the step's %s is not text", schema.XSourcePath)
		}
		return Quote(s.SourcePath.Text), nil
	}
	switch {
	case inner == placeholderWord(schema.PlaceholderParameters), inner == placeholderWord(schema.PlaceholderParams):
		var args []string
		for _, p := range s.Params {
			a, err := s.args(p, values)
			if err != nil {
				return "", err
			}
			args = append(args, a...)
		}
		return quoteAll(args), nil
	}
	if name, ok := strings.CutPrefix(inner, namedPrefix(schema.PlaceholderParameter)); ok {
		if p := s.Param(name); p != nil {
			a, err := s.args(p, values)
			if err != nil {
				return "", err
			}
			return quoteAll(a), nil
		}
	}
	if name, ok := strings.CutPrefix(inner, namedPrefix(schema.PlaceholderParameterValue)); ok {
		if v, ok := values[name]; ok {
			str, ok := v.Str()
			if !ok {
				return "", unsupported(name, "the value of %q is not previewed", name)
			}
			return Quote(str), nil
		}
	}
	return whole, nil
}

// args returns the arguments of p with its value in values.
func (s *Spec) args(p *Param, values map[string]pyvalue.Value) ([]string, error) {
	v, ok := values[p.Name]
	if !ok || v.IsNone() {
		return nil, nil
	}
	return p.Args(v)
}

// placeholderWord returns a placeholder's word without braces.
func placeholderWord(p string) string { return strings.Trim(p, "{}") }

// namedPrefix returns "parameter:" of "{parameter:NAME}".
func namedPrefix(p string) string {
	before, _, _ := strings.Cut(strings.TrimPrefix(p, "{"), "NAME")
	return before
}
