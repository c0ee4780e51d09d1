package completion

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/cursor"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/schema"
)

// index answers what names the file defines, from the model: the
// version's own once it is parsed, else one read from the items that
// parse on their own. Either way the item holding the cursor is left out,
// so that what is being typed is not offered back.
type index struct {
	m    *model.Model
	skip int // the cursor's offset
}

// newIndex returns the index of doc for a cursor at offset skip.
func newIndex(doc *document.Document, skip int) *index {
	if p := doc.ParsedIfReady(); p != nil && p.Root != nil {
		return &index{m: model.Of(doc), skip: skip}
	}
	return &index{m: model.FromItems(items(doc, skip)), skip: -1}
}

// names returns the names of the items of a kind, each once.
func (x *index) names(kind model.Kind) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range x.m.All(kind) {
		if s.Name == "" || s.Untextual || seen[s.Name] || x.skip >= 0 && x.skip >= s.Range.Start && x.skip < s.Range.End {
			continue
		}
		seen[s.Name] = true
		out = append(out, s.Name)
	}
	return out
}

// node is a pipeline node of the cursor's item as edges see it.
type node struct {
	name, typ string
	body      *yaml.Node
}

// pipelineNodes returns the named nodes of a pipeline, each name once:
// an edge names the last node of a name written twice, as the model
// resolves it (the duplicate has an error of its own).
func pipelineNodes(pipeline *yaml.Node) []node {
	var out []node
	at := map[string]int{}
	nodes := document.ValueOf(pipeline, schema.XNodes)
	if nodes == nil || nodes.Kind != yaml.SequenceNode {
		return nil
	}
	for _, n := range nodes.Content {
		n = document.Deref(n)
		name := document.Scalar(document.ValueOf(n, schema.XName))
		if name == "" || strings.Contains(name, cursor.Placeholder) {
			continue
		}
		nd := node{name: name, typ: document.Scalar(document.ValueOf(n, schema.XType)), body: n}
		if i, ok := at[name]; ok {
			out[i] = nd
			continue
		}
		at[name] = len(out)
		out = append(out, nd)
	}
	return out
}

// stepOf returns the step a node runs, by the model's rules, with its
// parameters, inputs and outputs read.
func (x *index) stepOf(n node) *model.Symbol {
	return x.stepOfBody(n.body, false)
}

// stepOfBody returns the step that the node (or, when task is set, the
// task blueprint) written as the mapping body runs, by the model's rules,
// with its parameters, inputs and outputs read.
func (x *index) stepOfBody(body *yaml.Node, task bool) *model.Symbol {
	of := x.m.StepOfNode
	if task {
		of = x.m.StepOfTask
	}
	st := x.m.Whole(of(body).Step)
	x.m.Expand(st)
	return st
}

// sockets lists `<node>.<type>.<key>` strings for nodes of a pipeline:
// sources (outputs, parameters, metadata) for a `source`, targets (inputs,
// parameters, files) for a `target`, and both otherwise.
func (x *index) sockets(nodes []node, key string) []string {
	var out []string
	wantSource, wantTarget := key != schema.XTarget, key != schema.XSource
	for _, n := range nodes {
		if n.typ == schema.NodeDeployment {
			if wantTarget {
				for _, ep := range listScalars(document.ValueOf(n.body, schema.XEndpoints)) {
					e := x.m.Lookup(model.KindEndpoint, ep)
					x.m.Expand(e)
					for _, f := range names(model.ChildNames(e, model.KindFile)) {
						out = append(out, n.name+"."+schema.SocketFile+"."+ep+"."+f)
					}
				}
			}
			continue
		}
		step := x.stepOf(n)
		if wantSource {
			for _, o := range names(model.ChildNames(step, model.KindOutput)) {
				out = append(out, n.name+"."+schema.SocketOutput+"."+o)
			}
			out = append(out, n.name+"."+schema.SocketOutput+".*")
		}
		if wantTarget {
			for _, in := range names(model.ChildNames(step, model.KindInput)) {
				out = append(out, n.name+"."+schema.SocketInput+"."+in)
			}
		}
		for _, p := range names(model.ChildNames(step, model.KindParameter)) {
			out = append(out, n.name+"."+schema.SocketParameter+"."+p)
		}
	}
	return out
}

// children returns the names of step's children of a kind (its
// parameters or inputs), each once.
func (x *index) children(step *model.Symbol, kind model.Kind) []string {
	return names(model.ChildNames(step, kind))
}

// paramTargets lists `<node>.parameter.<name>` for nodes of a pipeline.
func (x *index) paramTargets(nodes []node) []string {
	var out []string
	for _, n := range nodes {
		for _, p := range names(model.ChildNames(x.stepOf(n), model.KindParameter)) {
			out = append(out, n.name+"."+schema.SocketParameter+"."+p)
		}
	}
	return out
}

// names leaves out a name that holds the cursor's placeholder.
func names(in []string) []string {
	out := in[:0:0]
	for _, s := range in {
		if !strings.Contains(s, cursor.Placeholder) {
			out = append(out, s)
		}
	}
	return out
}

// listNames returns the `name` of each mapping in a list, leaving out
// names that YAML does not read as text (model.Symbol.Untextual).
func listNames(list *yaml.Node) []string {
	if list == nil || list.Kind != yaml.SequenceNode {
		return nil
	}
	var out []string
	for _, e := range list.Content {
		v := document.Deref(document.ValueOf(e, schema.XName))
		if s := document.Scalar(v); s != "" && document.Resolve11(v) == document.String && !strings.Contains(s, cursor.Placeholder) {
			out = append(out, s)
		}
	}
	return out
}

// listScalars returns the strings of a list (or a single string).
func listScalars(n *yaml.Node) []string {
	if n == nil {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		return []string{n.Value}
	}
	var out []string
	for _, e := range n.Content {
		if s := document.Scalar(document.Deref(e)); s != "" {
			out = append(out, s)
		}
	}
	return out
}
