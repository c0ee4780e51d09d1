package diagnostics

import (
	"errors"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/commands"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/pyvalue"
	"github.com/valohai-ls/valohai-ls/schema"
)

// buildStep reports what keeps valohai-yaml from building a step's
// commands with its defaults (as a run started with every default gets
// them): a list default on a parameter that is not multiple, a list
// inside a repeated parameter's default, a pass-as template naming a
// field it does not fill in. Each is found by building the commands as
// valohai-yaml does, so a step whose commands build is never reported.
func buildStep(c *checker, m *model.Model, e *model.Symbol) {
	if e.Broken {
		return
	}
	spec, err := commands.Step(m, e)
	if err != nil {
		return // what valohai-yaml does not load: other rules say why
	}
	who := fmt.Sprintf("step %q", e.Name)
	for _, f := range failures(spec) {
		c.unbuildable(f, Warning, fmt.Sprintf("the commands of %s", who))
	}
}

// buildNodes reports, for each execution node of a pipeline, what keeps
// valohai-yaml from building its commands that its override brings (what
// the step brings is reported on the step). A list given in the override
// to a parameter that is not multiple is only a hint: Valohai may mean
// to run one execution per value.
func buildNodes(c *checker, m *model.Model, e *model.Symbol) {
	if e.Broken {
		return
	}
	for _, n := range e.Children {
		if n.Kind != model.KindNode || text(document.ValueOf(n.Body, schema.XType)) != schema.NodeExecution {
			continue
		}
		ov := document.Deref(document.ValueOf(n.Body, schema.XOverride))
		if ov == nil || ov.Kind != yaml.MappingNode || !m.StepOf(n).Checkable() {
			continue
		}
		spec, err := commands.Node(m, n)
		if err != nil {
			continue
		}
		own := map[*yaml.Node]bool{}
		for _, p := range model.Elements(document.ValueOf(ov, schema.XParameters)) {
			own[p] = true
		}
		who := fmt.Sprintf("the commands of node %q", n.Name)
		for _, f := range failures(spec) {
			if !own[f.param.Body] {
				continue
			}
			sev := Warning
			if f.err.Reason == commands.ReasonListValue {
				sev = Hint
			}
			c.unbuildable(f, sev, who)
		}
	}
}

// failure is one parameter that keeps the commands from being built.
type failure struct {
	param *commands.Param
	err   *commands.Error
}

// failures builds spec's commands with its defaults as valohai-yaml
// does, and lists every parameter that makes the build fail (each left
// out in turn to find the next).
func failures(spec *commands.Spec) []failure {
	values := spec.Defaults()
	var out []failure
	for range spec.Params {
		_, err := spec.Build(values)
		var e *commands.Error
		if !errors.As(err, &e) || e.Kind != commands.Unbuildable || e.Param == "" {
			return out
		}
		p := spec.Param(e.Param)
		if p == nil || p.Body == nil {
			return out
		}
		switch e.Reason {
		case commands.ReasonListValue, commands.ReasonNestedList, commands.ReasonUnknownField:
			out = append(out, failure{p, e})
		}
		values[e.Param] = pyvalue.Value{}
	}
	return out
}

// unbuildable reports one failure at the default or the template that
// causes it.
func (c *checker) unbuildable(f failure, sev Severity, what string) {
	p := f.param
	switch f.err.Reason {
	case commands.ReasonListValue:
		if sev == Hint {
			c.at(c.m.NodeSpan(document.ValueOf(p.Body, schema.XDefault)), sev, CodeUnbuildableCommand,
				fmt.Sprintf("valohai-yaml cannot build %s with this list: %q is not multiple; give one value, or make the node a task if each value is for an execution of its own", what, p.Name))
			return
		}
		c.at(c.m.NodeSpan(document.ValueOf(p.Body, schema.XDefault)), sev, CodeUnbuildableCommand,
			fmt.Sprintf("valohai-yaml cannot build %s with this default: parameter %q is not multiple, and a list is given; give one value, or set multiple: separate (or repeat)", what, p.Name))
	case commands.ReasonNestedList:
		c.at(c.m.NodeSpan(document.ValueOf(p.Body, schema.XDefault)), sev, CodeUnbuildableCommand,
			fmt.Sprintf("valohai-yaml cannot build %s with this default: repeated parameter %q takes a list of values, not a list inside it", what, p.Name))
	case commands.ReasonUnknownField:
		key, v := templateOf(p, f.err.Field)
		c.at(c.m.NodeSpan(v), sev, CodeUnbuildableCommand,
			fmt.Sprintf("valohai-yaml cannot build %s: the %s of parameter %q names {%s}, which it does not fill in; use {name}, {value} or {v}", what, key, p.Name, f.err.Field))
	}
}

// templateOf returns the template key of p that names field, and its
// value.
func templateOf(p *commands.Param, field string) (string, *yaml.Node) {
	for _, key := range []string{schema.XPassTrueAs, schema.XPassFalseAs, schema.XPassAs} {
		if v := document.ValueOf(p.Body, key); isString(v) && strings.Contains(v.Value, "{"+field) {
			return key, v
		}
	}
	return schema.XPassAs, document.ValueOf(p.Body, schema.XPassAs)
}
