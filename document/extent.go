package document

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// NodeExtent returns the span of all the text of node n: for a block
// mapping or sequence, from its start to the end of its last line (trailing
// blank and comment lines left out); for a flow collection, up to its
// closing bracket; for a scalar, the scalar as NodeSpan gives it.
func (m *Mapper) NodeExtent(n *yaml.Node) Span {
	if n != nil && n.Kind == yaml.AliasNode {
		return m.NodeSpan(n)
	}
	start := m.NodeStart(n)
	if n == nil {
		return Span{start, start}
	}
	text := m.text
	switch {
	case n.Kind == yaml.ScalarNode:
		return Span{start, m.NodeSpan(n).End}
	case n.Style&yaml.FlowStyle != 0 || (start < len(text) && (text[start] == '[' || text[start] == '{')):
		return Span{start, flowEnd(text, start)}
	}
	line := m.LineOf(start)
	col := blockColumn(n)
	end := m.contentEnd(line)
	for l := line + 1; l < m.LineCount(); l++ {
		s := m.Line(l)
		t := strings.TrimLeft(s, " ")
		if t == "" || t[0] == '#' {
			continue
		}
		ind := len(s) - len(t)
		dash := t == "-" || strings.HasPrefix(t, "- ")
		if ind > col || (ind == col && (n.Kind == yaml.MappingNode || dash)) {
			end = m.contentEnd(l)
			continue
		}
		break
	}
	return Span{start, end}
}

// blockColumn returns the column a block collection's lines are indented
// to: its own, or for an anchored one (whose position is its anchor's) its
// first key's, or its first item's dash.
func blockColumn(n *yaml.Node) int {
	if n.Anchor == "" || len(n.Content) == 0 {
		return n.Column - 1
	}
	if n.Kind == yaml.SequenceNode {
		return max(n.Content[0].Column-3, 0)
	}
	return n.Content[0].Column - 1
}

// contentEnd is the end of line l without trailing blanks.
func (m *Mapper) contentEnd(l int) int {
	return m.LineStart(l) + len(strings.TrimRight(m.Line(l), " \t"))
}

// flowEnd returns the offset just past the bracket that closes the flow
// collection opening at start (the end of text when it is not closed).
func flowEnd(text string, start int) int {
	depth := 0
	var quote byte
	for i := start; i < len(text); i++ {
		c := text[i]
		switch {
		case quote != 0:
			switch {
			case quote == '"' && c == '\\':
				i++
			case c == quote && quote == '\'' && i+1 < len(text) && text[i+1] == '\'':
				i++
			case c == quote:
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			depth--
			if depth == 0 {
				return i + 1
			}
		case c == '#' && i > 0 && (text[i-1] == ' ' || text[i-1] == '\t'):
			for i < len(text) && text[i] != '\n' {
				i++
			}
		}
	}
	return len(text)
}
