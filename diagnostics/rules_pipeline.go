package diagnostics

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/schema"
)

// pipe is one pipeline as its rules see it.
type pipe struct {
	m     *model
	who   string                // `pipeline "main"`
	body  *yaml.Node            // the pipeline's mapping
	nodes []*yaml.Node          // the node mappings, in order
	named map[string]*yaml.Node // node name → the last node of that name
}

func newPipe(m *model, e *entry) *pipe {
	p := &pipe{m: m, who: fmt.Sprintf("%s %q", e.kind.Name, e.name), body: e.body, named: map[string]*yaml.Node{}}
	p.nodes = mappings(document.ValueOf(e.body, schema.XNodes))
	for _, n := range p.nodes {
		if name, ok := scalarText(document.ValueOf(n, schema.XName)); ok {
			p.named[name] = n
		}
	}
	return p
}

// nodeNames returns the names of the pipeline's nodes.
func (p *pipe) nodeNames() []string { return mapKeys(p.named) }

// pipelineRules checks each pipeline (and blueprint): node names, the
// steps and tasks that nodes name, their overrides and actions, the edges
// and the pipeline parameters.
func pipelineRules(c *checker, m *model) {
	for _, e := range m.kept(schema.PipelineKind.Name) {
		if c.ctx.Err() != nil {
			return
		}
		p := newPipe(m, e)
		c.nodeNames(p)
		for _, n := range p.nodes {
			c.node(p, n)
		}
		c.edges(p)
		c.pipelineParameters(p)
	}
	c.pipelineCollisions(m)
}

// nodeNames reports duplicate, empty and dotted node names.
func (c *checker) nodeNames(p *pipe) {
	seen := map[string]int{}
	for _, n := range p.nodes {
		v := document.ValueOf(n, schema.XName)
		if text(document.ValueOf(n, schema.XType)) == schema.NodeDeployment && has(n, schema.XName) && text(v) == "" {
			c.at(c.m.NodeSpan(document.KeyOf(n, schema.XName)), Error, CodeEmptyName, fmt.Sprintf("a deployment node of %s has an empty name", p.who))
		}
		name, ok := scalarText(v)
		if !ok {
			continue
		}
		seen[name]++
		if seen[name] == 2 {
			c.at(c.m.NodeSpan(v), Error, CodeDuplicateNode,
				fmt.Sprintf("%s has more than one node named %q; node names must be unique", p.who, name))
		}
		if seen[name] == 1 && strings.Contains(name, ".") {
			c.at(c.m.NodeSpan(v), Information, CodeDottedNodeName,
				fmt.Sprintf("node name %q contains a dot, so edges and parameter targets cannot refer to it", name))
		}
	}
}

// node checks one node: what it runs, its override and its actions.
func (c *checker) node(p *pipe, n *yaml.Node) {
	who := fmt.Sprintf("node %q of %s", text(document.ValueOf(n, schema.XName)), p.who)
	for _, a := range mappings(document.ValueOf(n, schema.XActions)) {
		c.nodeAction(a, who)
	}
	switch text(document.ValueOf(n, schema.XType)) {
	case schema.NodeDeployment:
		c.deploymentEndpoints(p.m, n, who)
		return
	case schema.NodeExecution, schema.NodeTask:
	default:
		return
	}
	override := document.ValueOf(n, schema.XOverride)
	c.overrideFlags(override, who)
	c.presetNeedsEnvironment(override, "the override of "+who, "the override")
	if truthy(document.ValueOf(n, schema.XCommit)) {
		return
	}
	step, stepName := c.nodeStep(p, n, who)
	if step == nil {
		return
	}
	c.overrideNames(override, step, stepName, who)
	c.placeholders(document.ValueOf(override, schema.XCommand), step.body, fmt.Sprintf("step %q", stepName))
}

// nodeStep returns the step a node runs, directly or through its task
// blueprint, reporting a step or blueprint that does not exist.
func (c *checker) nodeStep(p *pipe, n *yaml.Node, who string) (*entry, string) {
	if tv := document.ValueOf(n, schema.XTask); !isNull(tv) && text(document.ValueOf(n, schema.XType)) == schema.NodeTask {
		task, ok := scalarText(tv)
		if !ok {
			return nil, ""
		}
		bp := p.m.lookup(schema.TaskKind.Name, task)
		if bp == nil {
			c.unknownRef(tv, Error, CodeUnknownTask, fmt.Sprintf("%s uses task %q, which is not defined", who, task), p.m.names(schema.TaskKind.Name))
			return nil, ""
		}
		sv := document.ValueOf(bp.body, schema.XStep)
		step, _ := scalarText(sv)
		e := p.m.lookup(schema.StepKind.Name, step)
		if e == nil {
			c.at(c.m.NodeSpan(tv), Error, CodeUnknownStep, fmt.Sprintf("%s uses task %q, whose step %q is not defined", who, task, step))
		}
		return e, step
	}
	sv := document.ValueOf(n, schema.XStep)
	step, ok := scalarText(sv)
	if !ok {
		return nil, ""
	}
	e := p.m.lookup(schema.StepKind.Name, step)
	if e == nil {
		c.unknownRef(sv, Error, CodeUnknownStep, fmt.Sprintf("%s runs step %q, which is not defined", who, step), p.m.names(schema.StepKind.Name))
	}
	return e, step
}

// unknownRef reports a name that refers to nothing, suggesting the
// nearest of the names that exist.
func (c *checker) unknownRef(v *yaml.Node, sev Severity, code, msg string, names []string) {
	var sugg []string
	if s := closest(text(v), names); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
		sugg = []string{s}
	}
	c.at(c.m.NodeSpan(v), sev, code, msg, sugg...)
}

// overrideNames reports overridden inputs and parameters that the step
// does not have.
func (c *checker) overrideNames(override *yaml.Node, step *entry, stepName, who string) {
	for _, kind := range []struct{ key, code, what string }{
		{schema.XInputs, CodeUnknownInput, "input"},
		{schema.XParameters, CodeUnknownParameter, "parameter"},
	} {
		items := mappings(document.ValueOf(override, kind.key))
		if len(items) == 0 {
			continue
		}
		have := nameSet(document.ValueOf(step.body, kind.key))
		for _, it := range items {
			v := document.ValueOf(it, schema.XName)
			name, ok := scalarText(v)
			if !ok || have[name] {
				continue
			}
			c.unknownRef(v, Error, kind.code,
				fmt.Sprintf("the override of %s names %s %q, which step %q does not have", who, kind.what, name, stepName), mapKeys(have))
		}
	}
}

// overrideFlags reports overridden flag parameters with multiple values.
func (c *checker) overrideFlags(override *yaml.Node, who string) {
	for _, it := range mappings(document.ValueOf(override, schema.XParameters)) {
		if typ := parameterType(it); typ != "" {
			c.flagMultiple(it, typ, fmt.Sprintf("parameter %q in the override of %s", text(document.ValueOf(it, schema.XName)), who))
		}
	}
}

// pipelineCollisions reports a pipeline and a blueprint that share a
// name: one silently replaces the other.
func (c *checker) pipelineCollisions(m *model) {
	seen := map[string]*entry{}
	for _, e := range m.entries {
		if collection(e.kind.Name) != schema.PipelineKind.Name || e.nameKey == nil {
			continue
		}
		if prev, ok := seen[e.name]; ok && prev.kind != e.kind {
			c.at(c.m.NodeSpan(e.nameKey), Information, CodeNameCollision,
				fmt.Sprintf("%s %q replaces the %s of the same name on line %d", e.kind.Name, e.name, prev.kind.Name, c.m.LineOf(c.m.NodeStart(prev.nameKey))+1))
		}
		seen[e.name] = e
	}
}
