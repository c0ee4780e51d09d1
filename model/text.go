package model

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
)

// Elements returns the items of a sequence (aliases followed).
func Elements(n *yaml.Node) []*yaml.Node {
	n = document.Deref(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	out := make([]*yaml.Node, 0, len(n.Content))
	for _, e := range n.Content {
		out = append(out, document.Deref(e))
	}
	return out
}

// Scalars returns a scalar, or the scalar items of a sequence.
func Scalars(n *yaml.Node) []*yaml.Node {
	n = document.Deref(n)
	switch {
	case n == nil:
		return nil
	case n.Kind == yaml.ScalarNode:
		return []*yaml.Node{n}
	}
	var out []*yaml.Node
	for _, e := range Elements(n) {
		if e.Kind == yaml.ScalarNode {
			out = append(out, e)
		}
	}
	return out
}

// ValueText locates the text of a single-line scalar whose characters are
// written as they are (plain, or quoted without escapes). inner is the
// value's text without quotes, whole the scalar as written.
func ValueText(m *document.Mapper, n *yaml.Node) (inner, whole document.Span, ok bool) {
	if n == nil || n.Kind != yaml.ScalarNode || n.Line == 0 || n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return
	}
	whole = m.NodeSpan(n)
	inner = whole
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		if whole.End-whole.Start < 2 {
			return
		}
		inner = document.Span{Start: whole.Start + 1, End: whole.End - 1}
	}
	text := m.Text()
	if inner.End > len(text) || inner.Start > inner.End || text[inner.Start:inner.End] != n.Value {
		return document.Span{}, document.Span{}, false
	}
	return inner, whole, true
}

// Region returns the text span of a scalar that may cover several lines
// (a block scalar, a folded plain scalar), whose parent key or list dash
// is at column parentCol.
func Region(m *document.Mapper, n *yaml.Node, parentCol int) document.Span {
	sp := m.NodeSpan(n)
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		return sp // NodeSpan follows quoted scalars over lines
	}
	line := m.LineOf(sp.Start)
	end := sp.End
	for l := line + 1; l < m.LineCount(); l++ {
		s := m.Line(l)
		t := strings.TrimLeft(s, " ")
		if t == "" {
			continue
		}
		if len(s)-len(t) <= parentCol {
			break
		}
		end = m.LineStart(l) + len(strings.TrimRight(s, " \t"))
	}
	return document.Span{Start: sp.Start, End: end}
}

// Column returns the zero-based column of a node.
func Column(n *yaml.Node) int {
	if n == nil || n.Column == 0 {
		return 0
	}
	return n.Column - 1
}

// extent returns the span of all the text of node n.
func extent(m *document.Mapper, n *yaml.Node) document.Span {
	return m.NodeExtent(document.Deref(n))
}

// withDash widens a list item's span to include its dash.
func withDash(m *document.Mapper, sp document.Span) document.Span {
	text := m.Text()
	i := sp.Start - 1
	for i >= 0 && (text[i] == ' ' || text[i] == '\t') {
		i--
	}
	if i >= 0 && text[i] == '-' {
		sp.Start = i
	}
	return sp
}

// Contains reports whether off is in sp, its end included (a cursor just
// after a word is on it).
func Contains(sp document.Span, off int) bool {
	return sp.Start <= off && off <= sp.End
}
