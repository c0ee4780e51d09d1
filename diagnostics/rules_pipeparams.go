package diagnostics

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/schema"
)

// pipelineParameters checks each pipeline parameter's targets.
func (c *checker) pipelineParameters(p *pipe) {
	for _, pp := range children(p.sym, model.KindPipelineParameter) {
		who := fmt.Sprintf("pipeline parameter %q", text(document.ValueOf(pp, schema.XName)))
		if has(pp, schema.XTarget) && has(pp, schema.XTargets) {
			c.at(c.m.NodeSpan(document.KeyOf(pp, schema.XTarget)), Error, CodeTargetConflict,
				fmt.Sprintf("%s has both target and targets; list every target under targets", who))
			continue
		}
		targets := listify(document.ValueOf(pp, schema.XTargets))
		if has(pp, schema.XTarget) {
			targets = listify(document.ValueOf(pp, schema.XTarget))
		}
		if len(targets) == 0 && has(pp, schema.XName) {
			c.at(c.m.NodeSpan(document.KeyOf(pp, schema.XName)), Warning, CodeNoTargets,
				fmt.Sprintf("%s of %s has no targets, so it sets no node parameter; add targets: [<node>.parameter.<name>]", who, p.who))
		}
		for _, t := range targets {
			if isString(t) {
				c.paramTarget(p, t, who)
			}
		}
	}
}

// paramTarget checks one `<node>.parameter.<name>` target.
func (c *checker) paramTarget(p *pipe, t *yaml.Node, who string) {
	ps := model.ParseSocket(t.Value)
	if ps.Parts < 3 {
		c.at(c.m.NodeSpan(t), Error, CodeMalformedSocket,
			fmt.Sprintf("target %q of %s must be written <node>.parameter.<name>", t.Value, who))
		return
	}
	node, typ, param := ps.Node, ps.Type, ps.Key
	if !strings.HasPrefix(typ, schema.SocketParameter) {
		msg := fmt.Sprintf("target %q of %s must point at a parameter, <node>.parameter.<name>, not %s %s", t.Value, who, article(typ), typ)
		c.at(c.m.NodeSpan(t), Error, CodeSocketType, msg, node+"."+schema.SocketParameter+"."+param)
	} else if typ != schema.SocketParameter {
		c.at(c.m.NodeSpan(t), Hint, CodeSocketType, looseTargetType(t.Value, typ), node+"."+schema.SocketParameter+"."+param)
	}
	n := p.named[node]
	if n == nil && !p.unresolved.has(t, model.KindNode, node) {
		return
	}
	if n == nil {
		msg := fmt.Sprintf("target %q of %s refers to node %q, which is not defined in %s", t.Value, who, node, p.who)
		c.withFix(t, Error, CodeUnknownNode, msg, node, p.nodeNames(), func(s string) string { return s + "." + typ + "." + param })
		return
	}
	sev := Error
	switch text(document.ValueOf(n, schema.XType)) {
	case schema.NodeExecution:
	case schema.NodeTask:
		sev = Information // not checked officially, and the task may add parameters
	default:
		return
	}
	if sev == Error && model.Pinned(n) {
		c.at(c.m.NodeSpan(t), Error, CodeUncheckableTarget,
			fmt.Sprintf("target %q of %s is on node %q, whose step is from another commit: Valohai cannot read that; target a node whose step is in this file", t.Value, who, node))
		return
	}
	// A node's unknown step is reported on the node: its parameters are
	// not known, and the model says so.
	if p.unresolved.has(t, model.KindParameter, param) {
		st := p.m.StepOf(p.m.SymbolOf(n))
		have := stepNames(st.Step, schema.XParameters)
		msg := fmt.Sprintf("target %q of %s names parameter %q, which step %q does not have", t.Value, who, param, st.Name)
		c.withFix(t, sev, CodeUnknownParameter, msg, param, mapKeys(have), func(s string) string { return node + "." + typ + "." + s })
	}
}
