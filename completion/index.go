package completion

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/schema"
)

// index is the names a file defines, read from the items that parse.
type index struct {
	items map[string][]*yaml.Node // kind → item bodies
}

// newIndex indexes the items of doc but the one holding offset skip.
func newIndex(doc *document.Document, skip int) *index {
	idx := &index{items: map[string][]*yaml.Node{}}
	for _, it := range items(doc, skip) {
		n := document.Deref(it)
		if n == nil || n.Kind != yaml.MappingNode {
			continue
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := schema.KindNamed(n.Content[i].Value); k != nil {
				if body := document.Deref(n.Content[i+1]); body != nil && body.Kind == yaml.MappingNode {
					idx.items[k.Name] = append(idx.items[k.Name], body)
				}
				break
			}
		}
	}
	return idx
}

// names returns the names of the items of a kind, without duplicates.
func (x *index) names(kind string) []string {
	var out []string
	seen := map[string]bool{}
	for _, body := range x.items[kind] {
		if v := document.ValueOf(body, schema.XName); v != nil && v.Kind == yaml.ScalarNode && v.Value != "" && !seen[v.Value] {
			seen[v.Value] = true
			out = append(out, v.Value)
		}
	}
	return out
}

// item returns the body of the item of kind called name.
func (x *index) item(kind, name string) *yaml.Node {
	var found *yaml.Node
	for _, body := range x.items[kind] {
		if v := document.ValueOf(body, schema.XName); v != nil && v.Value == name {
			found = body
		}
	}
	return found
}

// node is a pipeline node as edges see it.
type node struct {
	name, typ string
	body      *yaml.Node
}

func pipelineNodes(pipeline *yaml.Node) []node {
	var out []node
	nodes := document.ValueOf(pipeline, schema.XNodes)
	if nodes == nil || nodes.Kind != yaml.SequenceNode {
		return nil
	}
	for _, n := range nodes.Content {
		n = document.Deref(n)
		name := document.Scalar(document.ValueOf(n, schema.XName))
		if name == "" || strings.Contains(name, placeholderText) {
			continue
		}
		out = append(out, node{name: name, typ: document.Scalar(document.ValueOf(n, schema.XType)), body: n})
	}
	return out
}

// stepOf returns the step a node runs (through its task blueprint if need be).
func (x *index) stepOf(n node) *yaml.Node {
	step := document.Scalar(document.ValueOf(n.body, schema.XStep))
	if step == "" {
		if t := x.item(schema.TaskKind.Name, document.Scalar(document.ValueOf(n.body, schema.XTask))); t != nil {
			step = document.Scalar(document.ValueOf(t, schema.XStep))
		}
	}
	return x.item(schema.StepKind.Name, step)
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
					for _, f := range listNames(document.ValueOf(x.item(schema.EndpointKind.Name, ep), schema.XFiles)) {
						out = append(out, n.name+"."+schema.SocketFile+"."+ep+"."+f)
					}
				}
			}
			continue
		}
		step := x.stepOf(n)
		if wantSource {
			for _, o := range listNames(document.ValueOf(step, schema.XOutputs)) {
				out = append(out, n.name+"."+schema.SocketOutput+"."+o)
			}
			out = append(out, n.name+"."+schema.SocketOutput+".*")
		}
		if wantTarget {
			for _, in := range listNames(document.ValueOf(step, schema.XInputs)) {
				out = append(out, n.name+"."+schema.SocketInput+"."+in)
			}
		}
		for _, p := range listNames(document.ValueOf(step, schema.XParameters)) {
			out = append(out, n.name+"."+schema.SocketParameter+"."+p)
		}
	}
	return out
}

// paramTargets lists `<node>.parameter.<name>` for nodes of a pipeline.
func (x *index) paramTargets(nodes []node) []string {
	var out []string
	for _, n := range nodes {
		for _, p := range listNames(document.ValueOf(x.stepOf(n), schema.XParameters)) {
			out = append(out, n.name+"."+schema.SocketParameter+"."+p)
		}
	}
	return out
}

const placeholderText = "vls__cursor__"

// listNames returns the `name` of each mapping in a list.
func listNames(list *yaml.Node) []string {
	if list == nil || list.Kind != yaml.SequenceNode {
		return nil
	}
	var out []string
	for _, e := range list.Content {
		if s := document.Scalar(document.ValueOf(e, schema.XName)); s != "" && !strings.Contains(s, placeholderText) {
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
