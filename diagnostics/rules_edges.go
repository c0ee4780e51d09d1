package diagnostics

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/diagnostics/expr"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/schema"
	"github.com/valohai-ls/valohai-ls/suggest"
)

// socket is a parsed `<node>.<type>.<key>` string.
type socket struct {
	node, typ, key string
	v              *yaml.Node
	target         *yaml.Node // the node mapping it names
}

// edges checks the pipeline's edges: their form, the nodes and socket
// types they name, and (for information) the keys of their sockets.
func (c *checker) edges(p *pipe) {
	list := document.Deref(document.ValueOf(p.body, schema.XEdges))
	if list == nil || list.Kind != yaml.SequenceNode {
		return
	}
	for _, it := range list.Content {
		var src, tgt *yaml.Node
		switch it = document.Deref(it); it.Kind {
		case yaml.SequenceNode:
			if len(it.Content) < 2 {
				c.at(c.m.NodeSpan(it), Error, CodeMalformedEdge,
					fmt.Sprintf("an edge of %s written as a list needs two sockets, [source, target]; this one has %d", p.who, len(it.Content)))
				continue
			}
			src, tgt = it.Content[0], it.Content[1]
		case yaml.MappingNode:
			src, tgt = document.ValueOf(it, schema.XSource), document.ValueOf(it, schema.XTarget)
		default:
			continue
		}
		s := c.socket(p, src, "source")
		t := c.socket(p, tgt, "target")
		for _, sk := range []*socket{s, t} {
			if sk != nil {
				c.socketKey(p, sk)
			}
		}
	}
}

// socket parses and checks one edge end; nil when it is not usable.
func (c *checker) socket(p *pipe, v *yaml.Node, side string) *socket {
	if !isString(v) {
		return nil
	}
	ps := model.ParseSocket(v.Value)
	if ps.Parts < 3 {
		lacks := "the type and the key after the node name are missing"
		if ps.Parts == 2 {
			lacks = fmt.Sprintf("the key after %q is missing", ps.String())
		}
		c.at(c.m.NodeSpan(v), Error, CodeMalformedSocket,
			fmt.Sprintf("edge %s %q must be written <node>.<type>.<key>: %s", side, v.Value, lacks))
		return nil
	}
	s := &socket{node: ps.Node, typ: ps.Type, key: ps.Key, v: v, target: p.named[ps.Node]}
	if s.target == nil && p.unresolved.has(v, model.KindNode, s.node) {
		msg := fmt.Sprintf("edge %s %q refers to node %q, which is not defined in %s", side, v.Value, s.node, p.who)
		c.withFix(v, Error, CodeUnknownNode, msg, s.node, p.nodeNames(), func(n string) string { return n + "." + s.typ + "." + s.key })
	}
	if !model.KnownType(s.typ) {
		msg := fmt.Sprintf("edge %s %q has socket type %q, which Valohai does not know", side, v.Value, s.typ)
		if suggest.Closest(s.typ, model.SocketTypes) == "" {
			msg += "; the usual types are output, input and parameter"
		}
		c.withFix(v, Error, CodeSocketType, msg, s.typ, model.SocketTypes, func(t string) string { return s.node + "." + t + "." + s.key })
		return nil
	}
	if s.target == nil {
		return nil
	}
	return s
}

// withFix reports msg, adding a did-you-mean built by fix when a name
// near got exists.
func (c *checker) withFix(v *yaml.Node, sev Severity, code, msg, got string, names []string, fix func(string) string) {
	var sugg []string
	if s := suggest.Closest(got, names); s != "" && s != got {
		msg += fmt.Sprintf("; did you mean %q?", s)
		sugg = []string{fix(s)}
	}
	c.at(c.m.NodeSpan(v), sev, code, msg, sugg...)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// socketKey checks that an input or parameter socket names an input or
// parameter of the node's step (a warning: the official checker lets such
// an edge through, and what it carries reaches nothing the step reads),
// and, for information, that a file socket names a file of one of the
// deployment's endpoints.
func (c *checker) socketKey(p *pipe, s *socket) {
	if model.IsWildcard(s.key) {
		return
	}
	if s.typ == schema.SocketFile && text(document.ValueOf(s.target, schema.XType)) == schema.NodeDeployment {
		c.fileSocket(p, s)
		return
	}
	var list, code, what string
	var kind model.Kind
	switch s.typ {
	case schema.SocketInput:
		list, code, what, kind = schema.XInputs, CodeUnknownInput, "input", model.KindInput
	case schema.SocketParameter:
		list, code, what, kind = schema.XParameters, CodeUnknownParameter, "parameter", model.KindParameter
	default:
		return
	}
	if !p.unresolved.has(s.v, kind, s.key) {
		return
	}
	st := p.m.StepOf(p.m.SymbolOf(s.target))
	have := stepNames(st.Step, list)
	msg := fmt.Sprintf("node %q runs step %q, which has no %s %q", s.node, st.Name, what, s.key)
	c.withFix(s.v, Warning, code, msg, s.key, mapKeys(have), func(k string) string { return s.node + "." + s.typ + "." + k })
}

// fileSocket checks `<node>.file.<endpoint>.<file>` against the endpoints.
func (c *checker) fileSocket(p *pipe, s *socket) {
	ep, file, ok := model.FileKey(s.key)
	if !ok {
		c.at(c.m.NodeSpan(s.v), Information, CodeFileSocketForm,
			fmt.Sprintf("a file socket is written <node>.file.<endpoint>.<file>; %q names no file", s.v.Value))
		return
	}
	if !p.unresolved.has(s.v, model.KindFile, file) {
		return // a file of the endpoint, or an endpoint reported with the node's endpoints or defined in the project
	}
	files := model.ChildNames(p.m.Lookup(model.KindEndpoint, ep), model.KindFile)
	msg := fmt.Sprintf("endpoint %q has no file %q", ep, file)
	c.withFix(s.v, Information, CodeUnknownFile, msg, file, files, func(f string) string { return s.node + ".file." + ep + "." + f })
}

// nodeAction warns about when/then values the validator does not know
// and, for information, checks the `if` conditions.
func (c *checker) nodeAction(a *yaml.Node, who string) {
	for _, v := range listify(document.ValueOf(a, schema.XWhen)) {
		if isString(v) && !contains(schema.KnownWhen, strings.ToLower(v.Value)) {
			c.withFix(v, Warning, CodeUnknownActionValue,
				fmt.Sprintf("when %q is not a moment Valohai knows (%s), so the action might never run", v.Value, strings.Join(schema.KnownWhen, ", ")),
				v.Value, schema.KnownWhen, func(s string) string { return s })
		}
	}
	for _, v := range listify(document.ValueOf(a, schema.XThen)) {
		if isString(v) && !contains(schema.KnownThen, v.Value) {
			msg := fmt.Sprintf("then %q is not an outcome Valohai knows (%s), so the action might do nothing", v.Value, strings.Join(schema.KnownThen, ", "))
			c.withFix(v, Warning, CodeUnknownActionValue, msg, v.Value, schema.KnownThen, func(s string) string { return s })
		}
	}
	for _, v := range listify(document.ValueOf(a, schema.XIf)) {
		if !isString(v) {
			continue
		}
		if err := expr.Check(v.Value); err != nil {
			c.at(c.m.NodeSpan(v), Information, CodeInvalidExpression,
				fmt.Sprintf("the if condition of an action of %s is not an expression Valohai can evaluate: %s", who, exprMessage(v.Value, err)))
		}
	}
}
