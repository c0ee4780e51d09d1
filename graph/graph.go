package graph

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/schema"
)

// Graph is one pipeline's nodes and edges.
type Graph struct {
	Pipeline string `json:"pipeline"`
	Nodes    []Node `json:"nodes"`
	Edges    []Edge `json:"edges"`
	// Range is where the pipeline is written.
	Range Range `json:"range"`
}

// Node is a pipeline node.
type Node struct {
	Name string `json:"name"`
	// Type is execution, task or deployment (as written; "" when absent).
	Type string `json:"type"`
	// Step is the step an execution or task node runs; Task the task
	// blueprint a task node uses.
	Step string `json:"step,omitempty"`
	Task string `json:"task,omitempty"`
	// Missing reports a node whose step (or task) the file does not define.
	Missing bool  `json:"missing,omitempty"`
	Range   Range `json:"range"`
}

// Edge is an edge from one node's socket to another's, each written
// `node.kind.name` (kind: output, metadata, parameter, input, file).
type Edge struct {
	Source string `json:"source"`
	Target string `json:"target"`
	// Broken reports an edge one of whose ends names no node of the
	// pipeline.
	Broken bool  `json:"broken,omitempty"`
	Range  Range `json:"range"`
}

// Range is a span of the document in LSP positions (UTF-16 characters).
type Range struct {
	Start Position `json:"start"`
	End   Position `json:"end"`
}

// Position is a zero-based line and UTF-16 character.
type Position struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

// Of returns the graph of every pipeline of the model, in file order,
// with ranges in UTF-16 characters (LSP's default).
func Of(x *model.Model) []Graph { return In(x, document.UTF16) }

// In is Of with ranges in the position encoding enc.
func In(x *model.Model, enc document.Encoding) []Graph {
	var out []Graph
	for _, it := range x.Items {
		if it.Kind != model.KindPipeline || it.Name == "" {
			continue
		}
		out = append(out, pipeline(x, it, enc))
	}
	return out
}

// Named returns the graph of the pipeline called name (the last of that
// name, as Valohai reads it).
func Named(x *model.Model, name string) (Graph, bool) {
	return Pick(Of(x), name)
}

// Pick returns the graph of the pipeline called name among graphs.
func Pick(graphs []Graph, name string) (Graph, bool) {
	for i := len(graphs) - 1; i >= 0; i-- {
		g := graphs[i]
		if g.Pipeline == name {
			return g, true
		}
	}
	return Graph{}, false
}

func pipeline(x *model.Model, p *model.Symbol, enc document.Encoding) Graph {
	p = x.Whole(p)
	x.Expand(p)
	m := x.Doc.Mapper()
	g := Graph{Pipeline: p.Name, Range: rangeOf(m, p.Range, enc), Nodes: []Node{}, Edges: []Edge{}}
	names := map[string]bool{}
	for _, c := range p.Children {
		if c.Kind == model.KindNode && c.Name != "" {
			names[c.Name] = true
			g.Nodes = append(g.Nodes, nodeOf(x, c, enc))
		}
	}
	for _, c := range p.Children {
		if c.Kind != model.KindEdge {
			continue
		}
		src, dst, _ := model.EdgeEnds(c.Body)
		edge := Edge{Source: text(src), Target: text(dst), Range: rangeOf(m, c.Range, enc)}
		if edge.Source == "" || edge.Target == "" {
			continue
		}
		edge.Broken = !names[NodeOf(edge.Source)] || !names[NodeOf(edge.Target)]
		g.Edges = append(g.Edges, edge)
	}
	return g
}

func nodeOf(x *model.Model, s *model.Symbol, enc document.Encoding) Node {
	n := s.Body
	node := Node{
		Name:  s.Name,
		Type:  text(document.ValueOf(n, schema.XType)),
		Step:  text(document.ValueOf(n, schema.XStep)),
		Task:  text(document.ValueOf(n, schema.XTask)),
		Range: rangeOf(x.Doc.Mapper(), s.Range, enc),
	}
	if node.Type != schema.NodeDeployment {
		st := x.StepOfNode(n)
		node.Missing = st.Status == model.StepMissing || st.TaskMissing
		if node.Step == "" {
			node.Step = st.Name
		}
	}
	return node
}

// NodeOf returns the node part of a socket written `node.kind.name`.
func NodeOf(socket string) string {
	name, _, _ := strings.Cut(socket, ".")
	return name
}

// Flow returns what an edge carries: the socket of its source without
// the node ("output.model*").
func Flow(e Edge) string {
	_, rest, _ := strings.Cut(e.Source, ".")
	return rest
}

// text returns a scalar's value ("" for null and non-scalars).
func text(n *yaml.Node) string {
	n = document.Deref(n)
	if n == nil || n.Kind != yaml.ScalarNode || document.Resolve11(n) == document.Null {
		return ""
	}
	return n.Value
}

func rangeOf(m *document.Mapper, sp document.Span, enc document.Encoding) Range {
	s, e := m.Position(sp.Start, enc), m.Position(sp.End, enc)
	return Range{Position{s.Line, s.Character}, Position{e.Line, e.Character}}
}
