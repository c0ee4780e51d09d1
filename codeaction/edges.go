package codeaction

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/schema"
)

// edgeForms offers, on an edge, to rewrite it in the other form:
//
//   - [train.output.model, eval.input.model]
//
// and
//
//   - source: train.output.model
//     target: eval.input.model
func edgeForms(c *ctx, start, end int) []Action {
	x := model.Of(c.doc)
	var out []Action
	for _, p := range x.Items {
		if p.Kind != model.KindPipeline {
			continue
		}
		for _, e := range p.Children {
			if e.Kind != model.KindEdge || e.Range.End < start || e.Range.Start > end {
				continue
			}
			if a, ok := c.convertEdge(e.Body); ok {
				out = append(out, a)
			}
		}
	}
	return out
}

// convertEdge rewrites one edge.
func (c *ctx) convertEdge(n *yaml.Node) (Action, bool) {
	sp := c.m.NodeExtent(n)
	switch n.Kind {
	case yaml.SequenceNode:
		if len(n.Content) != 2 || !isScalar(n.Content[0]) || !isScalar(n.Content[1]) {
			return Action{}, false
		}
		indent := strings.Repeat(" ", max(n.Column-1, 0))
		text := schema.XSource + ": " + c.blockValue(n.Content[0]) + "\n" + indent + schema.XTarget + ": " + c.blockValue(n.Content[1])
		return Action{Title: "Convert edge to source/target form", Edits: []Edit{{Start: sp.Start, End: sp.End, Text: text}}}, true
	case yaml.MappingNode:
		if len(n.Content) != 4 {
			return Action{}, false // other keys (configuration) need the full form
		}
		src, dst := document.ValueOf(n, schema.XSource), document.ValueOf(n, schema.XTarget)
		if !isScalar(src) || !isScalar(dst) {
			return Action{}, false
		}
		text := "[" + c.flowValue(src) + ", " + c.flowValue(dst) + "]"
		return Action{Title: "Convert edge to [source, target] shorthand", Edits: []Edit{{Start: sp.Start, End: sp.End, Text: text}}}, true
	}
	return Action{}, false
}

func isScalar(n *yaml.Node) bool {
	return n != nil && n.Kind == yaml.ScalarNode && n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0
}

// written is a scalar as written in the text.
func (c *ctx) written(n *yaml.Node) string {
	sp := c.m.NodeSpan(n)
	return c.doc.Text[sp.Start:sp.End]
}

// flowValue is a scalar as it can be written in a flow sequence.
func (c *ctx) flowValue(n *yaml.Node) string {
	w := c.written(n)
	if n.Style == 0 && strings.ContainsAny(w, ",[]{}") {
		return quote(n.Value)
	}
	return w
}

// blockValue is a scalar as it can be written after `key: `.
func (c *ctx) blockValue(n *yaml.Node) string {
	w := c.written(n)
	if strings.Contains(w, "\n") {
		return quote(n.Value)
	}
	return w
}

func quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
