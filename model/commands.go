package model

import (
	"strconv"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
)

// Command is one command of a step as Valohai runs it: the value of one
// scalar of its `command` (a list item, or the value alone) as YAML reads
// it, whatever its style. A plain scalar over several lines and a folded
// `>` block are their lines joined by spaces; a literal `|` block keeps
// its line breaks, so each of its lines is a command of the shell; quoted
// scalars have their escapes read. Each byte of Text keeps the place in
// the source it comes from, for ranges.
type Command struct {
	Node *yaml.Node
	Text string
	// at[i] is the source offset of Text[i]; at[len(Text)] is the end of
	// the scalar. end[i] is where what writes Text[i] ends in the source:
	// after the byte, or after the escape (`\u00e4` writes two bytes).
	at, end []int
}

// Commands returns the commands under key of a step's body (`command`),
// in order: the scalar items of its list, or its single scalar.
func Commands(m *document.Mapper, body *yaml.Node, key string) []Command {
	k := document.KeyOf(body, key)
	v := document.Deref(document.ValueOf(body, key))
	if k == nil || v == nil {
		return nil
	}
	lines, parentCol := []*yaml.Node{v}, Column(k)
	if v.Kind == yaml.SequenceNode {
		lines, parentCol = Scalars(v), Column(v)
	}
	var out []Command
	for _, l := range lines {
		if l.Kind != yaml.ScalarNode {
			continue
		}
		out = append(out, ReadCommand(m, l, parentCol))
	}
	return out
}

// ReadCommand maps the value of scalar n, whose parent key or list dash
// is at column parentCol, back to the source.
func ReadCommand(m *document.Mapper, n *yaml.Node, parentCol int) Command {
	c := Command{Node: n, Text: n.Value, at: make([]int, len(n.Value)+1), end: make([]int, len(n.Value))}
	region := Region(m, n, parentCol)
	src := m.Text()
	p, end := region.Start, min(region.End, len(src))
	if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		// The content starts on the line after the header (`|-  # note`).
		for p < end && src[p] != '\n' {
			p++
		}
	}
	dq := n.Style&yaml.DoubleQuotedStyle != 0
	for i := 0; i < len(c.Text); i++ {
		q, next := align(src, p, end, c.Text[i], dq)
		if q < 0 {
			// Not found (a value the source does not hold as such): the
			// rest is placed at the end of what was matched.
			for ; i < len(c.Text); i++ {
				c.at[i], c.end[i] = min(p, end), min(p, end)
			}
			break
		}
		// An escape writes a whole character, of one or more bytes.
		for w := escapeWidth(src, q, next, dq); w > 1 && i+1 < len(c.Text); w-- {
			c.at[i], c.end[i] = q, next
			i++
		}
		c.at[i], c.end[i], p = q, next, next
	}
	c.at[len(c.Text)] = max(min(p, end), region.Start)
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) == 0 && len(c.Text) > 0 {
		c.at[len(c.Text)] = c.at[len(c.Text)-1] + 1
	}
	return c
}

// align finds, from source offset p, the source byte that value byte b
// comes from: itself, the line break a space or line break was folded
// from, or the escape of a double-quoted scalar that writes it. It
// returns where that is and where the next byte's search starts, or -1.
func align(src string, p, end int, b byte, dq bool) (int, int) {
	for q := p; q < end; q++ {
		s := src[q]
		switch {
		case dq && s == '\\':
			if q+1 < end && (src[q+1] == '\n' || src[q+1] == '\r') {
				q++ // an escaped line break writes nothing
				continue
			}
			return q, q + escapeLen(src, q, end)
		case s == b:
			return q, q + 1
		case (b == ' ' || b == '\n') && (s == '\n' || s == '\r'):
			return q, q + 1
		}
	}
	return -1, p
}

// escapeLen is the length of the double-quoted escape at q: `\n`, `\x41`,
// `\u00e9`, `\U0001f600`.
func escapeLen(src string, q, end int) int {
	if q+1 >= end {
		return 1
	}
	n := 2
	switch src[q+1] {
	case 'x':
		n = 4
	case 'u':
		n = 6
	case 'U':
		n = 10
	}
	return min(n, end-q)
}

// escapeWidth is how many bytes of the value the source from q to next
// writes: one, or the UTF-8 length of the character a double-quoted
// escape stands for (YAML's `\xXX`, `\uXXXX` and `\UXXXXXXXX` are code
// points; `\N` and `\_` are two bytes, `\L` and `\P` three).
func escapeWidth(src string, q, next int, dq bool) int {
	if !dq || next-q < 2 || src[q] != '\\' {
		return 1
	}
	switch src[q+1] {
	case 'N', '_':
		return 2
	case 'L', 'P':
		return 3
	case 'x', 'u', 'U':
		r, err := strconv.ParseUint(src[q+2:next], 16, 32)
		if err != nil || r > utf8.MaxRune {
			return 1
		}
		return max(utf8.RuneLen(rune(r)), 1)
	}
	return 1
}

// Span returns the source span of Text[i:j]: from the first byte's place
// to just after the last byte's.
func (c Command) Span(i, j int) document.Span {
	i, j = max(0, min(i, len(c.Text))), max(0, min(j, len(c.Text)))
	if j <= i {
		return document.Span{Start: c.at[i], End: c.at[i]}
	}
	return document.Span{Start: c.at[i], End: c.end[j-1]}
}

// Offset returns the source offset of Text[i] (the scalar's end for
// len(Text)).
func (c Command) Offset(i int) int {
	return c.at[max(0, min(i, len(c.Text)))]
}
