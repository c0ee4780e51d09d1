package diagnostics

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/schema"
	"github.com/valohai-ls/valohai-ls/suggest"
)

// pipe is one pipeline as its rules see it.
type pipe struct {
	m     *model.Model
	sym   *model.Symbol         // the pipeline
	who   string                // `pipeline "main"`
	body  *yaml.Node            // the pipeline's mapping
	nodes []*yaml.Node          // the node mappings, in order
	named map[string]*yaml.Node // node name → the last node of that name
	// unresolved are the pipeline's references that the model cannot
	// resolve.
	unresolved unresolved
}

func newPipe(m *model.Model, e *model.Symbol) *pipe {
	p := &pipe{m: m, sym: e, who: fmt.Sprintf("%s %q", e.Key.Name, e.Name), body: e.Body, named: map[string]*yaml.Node{}, unresolved: unresolvedOf(m, e)}
	p.nodes = mappings(document.ValueOf(e.Body, schema.XNodes))
	for _, n := range p.nodes {
		v := document.ValueOf(n, schema.XName)
		if untextual(v) {
			continue // not a name an edge or target can write
		}
		if name, ok := scalarText(v); ok {
			p.named[name] = n
		}
	}
	return p
}

// nodeNames returns the names of the pipeline's nodes.
func (p *pipe) nodeNames() []string { return mapKeys(p.named) }

// pipelineRule checks a pipeline (or blueprint): node names, the steps
// and tasks that nodes name, their overrides and actions, the edges and
// the pipeline parameters.
func pipelineRule(c *checker, m *model.Model, e *model.Symbol) {
	p := newPipe(m, e)
	c.nodeNames(p)
	for _, n := range p.nodes {
		c.node(p, n)
	}
	c.edges(p)
	c.pipelineParameters(p)
}

// nodeNames reports duplicate, empty and dotted node names.
func (c *checker) nodeNames(p *pipe) {
	seen := map[string]int{}
	first := map[string]*yaml.Node{}
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
		if seen[name] == 1 {
			first[name] = v
		}
		if seen[name] == 2 {
			c.fixed(c.m.NodeSpan(v), Error, CodeDuplicateNode,
				fmt.Sprintf("%s has more than one node named %q; node names must be unique", p.who, name),
				c.renameFix(name, first[name], func(n string) bool { return p.named[n] != nil }))
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
		c.deploymentEndpoints(p, n, who)
		return
	case schema.NodeExecution, schema.NodeTask:
	default:
		return
	}
	override := document.ValueOf(n, schema.XOverride)
	c.overrideFlags(override, who)
	c.presetNeedsEnvironment(override, "the override of "+who, "the override")
	st := p.m.StepOf(p.m.SymbolOf(n))
	if st.Status == model.StepElsewhere {
		return
	}
	c.nodeStep(p, n, st, who)
	if !st.Checkable() {
		return
	}
	c.overrideNames(p, override, st.Step, st.Name, who)
	if cmd := document.ValueOf(override, schema.XCommand); cmd != nil {
		step := p.m.Whole(st.Step)
		c.placeholders(p.unresolved, cmd, step, fmt.Sprintf("step %q", st.Name))
		c.commandLines(cmd, step, fmt.Sprintf("step %q", st.Name))
	}
}

// nodeStep reports a step or task blueprint that a node names and the
// file does not define (nothing when a broken item may define it).
func (c *checker) nodeStep(p *pipe, n *yaml.Node, st model.StepOf, who string) {
	if st.Status != model.StepMissing {
		return
	}
	tv := document.ValueOf(n, schema.XTask)
	switch {
	case st.TaskMissing:
		if p.unresolved.has(tv, model.KindTask, "") {
			c.unknownRef(tv, Error, CodeUnknownTask, fmt.Sprintf("%s uses task %q, which is not defined", who, st.TaskName), p.m.Names(model.KindTask))
		}
	case st.Task != nil:
		// The blueprint's step, reported on the node too: it is what the
		// node runs. A blueprint without a step names none.
		sv := document.ValueOf(st.Task.Body, schema.XStep)
		if st.Name == "" || unresolvedOf(p.m, st.Task).has(sv, model.KindStep, "") {
			c.at(c.m.NodeSpan(tv), Error, CodeUnknownStep, fmt.Sprintf("%s uses task %q, whose step %q is not defined", who, st.TaskName, st.Name))
		}
	default:
		if sv := document.ValueOf(n, schema.XStep); p.unresolved.has(sv, model.KindStep, "") {
			c.unknownRef(sv, Error, CodeUnknownStep, fmt.Sprintf("%s runs step %q, which is not defined", who, st.Name), p.m.Names(model.KindStep))
		}
	}
}

// unknownRef reports a name that refers to nothing, suggesting the
// nearest of the names that exist.
func (c *checker) unknownRef(v *yaml.Node, sev Severity, code, msg string, names []string) {
	var sugg []string
	if s := suggest.Closest(text(v), names); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
		sugg = []string{s}
	}
	c.at(c.m.NodeSpan(v), sev, code, msg, sugg...)
}

// overrideNames reports overridden inputs and parameters that the step
// does not have.
func (c *checker) overrideNames(p *pipe, override *yaml.Node, step *model.Symbol, stepName, who string) {
	for _, kind := range []struct {
		key, code, what string
		kind            model.Kind
	}{
		{schema.XInputs, CodeUnknownInput, "input", model.KindInput},
		{schema.XParameters, CodeUnknownParameter, "parameter", model.KindParameter},
	} {
		for _, it := range mappings(document.ValueOf(override, kind.key)) {
			v := document.ValueOf(it, schema.XName)
			name, ok := scalarText(v)
			if !ok || !p.unresolved.has(v, kind.kind, name) {
				continue
			}
			c.unknownRef(v, Error, kind.code,
				fmt.Sprintf("the override of %s names %s %q, which step %q does not have", who, kind.what, name, stepName), mapKeys(stepNames(step, kind.key)))
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
func pipelineCollisions(c *checker, m *model.Model) {
	seen := map[string]*model.Symbol{}
	for _, e := range m.All(model.KindPipeline) {
		if e.NameNode == nil || e.Broken {
			continue
		}
		if prev, ok := seen[e.Name]; ok && prev.Key != e.Key {
			c.at(c.m.NodeSpan(e.NameNode), Information, CodeNameCollision,
				fmt.Sprintf("%s %q replaces the %s of the same name on line %d", e.Key.Name, e.Name, prev.Key.Name, c.m.LineOf(c.m.NodeStart(prev.NameNode))+1))
		}
		seen[e.Name] = e
	}
}
