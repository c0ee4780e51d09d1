package document

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// NodeStart returns the byte offset where n starts. For an aliased or
// tagged node the position is the one yaml.v3 reports.
func (m *Mapper) NodeStart(n *yaml.Node) int {
	if n == nil || n.Line == 0 {
		return 0
	}
	return m.OffsetOfLineCol(n.Line, n.Column)
}

// NodeSpan returns the byte span of n's own text. For scalars that is the
// value as written (quotes included; block scalars: the indicator line);
// for mappings and sequences, their first line; for aliases, the alias.
func (m *Mapper) NodeSpan(n *yaml.Node) Span {
	start := m.NodeStart(n)
	if n == nil {
		return Span{start, start}
	}
	line := m.LineOf(start)
	lineEnd := m.LineEnd(line)
	text := m.text
	// Skip a tag or an anchor written before the value.
	for start < lineEnd && (text[start] == '!' || text[start] == '&') {
		i := strings.IndexAny(text[start:lineEnd], " \t")
		if i < 0 {
			return Span{start, lineEnd}
		}
		start += i
		for start < lineEnd && (text[start] == ' ' || text[start] == '\t') {
			start++
		}
	}
	switch {
	case n.Kind == yaml.AliasNode:
		return Span{start, wordEnd(text, start, lineEnd)}
	case n.Kind != yaml.ScalarNode:
		return Span{start, trimComment(text, start, lineEnd)}
	case n.Style&yaml.DoubleQuotedStyle != 0:
		return Span{start, quotedEnd(text, start, '"')}
	case n.Style&yaml.SingleQuotedStyle != 0:
		return Span{start, quotedEnd(text, start, '\'')}
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return Span{start, trimComment(text, start, lineEnd)}
	}
	return Span{start, plainEnd(text, start, lineEnd, n.Value)}
}

// wordEnd returns the end of the token that starts at start.
func wordEnd(text string, start, limit int) int {
	i := start
	for i < limit && strings.IndexByte(" \t,]}", text[i]) < 0 {
		i++
	}
	return i
}

// quotedEnd returns the offset just past the closing quote of the quoted
// scalar starting at start (which may span lines).
func quotedEnd(text string, start int, q byte) int {
	for i := start + 1; i < len(text); i++ {
		switch c := text[i]; {
		case q == '"' && c == '\\':
			i++
		case q == '\'' && c == '\'' && i+1 < len(text) && text[i+1] == '\'':
			i++
		case c == q:
			return i + 1
		}
	}
	return len(text)
}

// plainEnd returns the end of a plain scalar on its first line: up to a
// comment, a flow indicator when in flow context, or the end of the line.
func plainEnd(text string, start, lineEnd int, value string) int {
	if !strings.ContainsAny(value, "\n") && start+len(value) <= lineEnd && text[start:start+len(value)] == value {
		return start + len(value)
	}
	return trimComment(text, start, lineEnd)
}

// trimComment returns the end of the content between start and lineEnd
// without a trailing comment or spaces.
func trimComment(text string, start, lineEnd int) int {
	end := lineEnd
	for i := start; i < lineEnd; i++ {
		if text[i] == '#' && i > start && (text[i-1] == ' ' || text[i-1] == '\t') {
			end = i
			break
		}
	}
	for end > start && (text[end-1] == ' ' || text[end-1] == '\t') {
		end--
	}
	return end
}
