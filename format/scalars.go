package format

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// scalar notes the lines a block or quoted scalar spans: their text is
// the scalar's, so they move with the collection that holds it and keep
// their trailing white space.
func (p *planner) scalar(n *yaml.Node, parent *coll) {
	switch {
	case n.Kind != yaml.ScalarNode:
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		p.block(n, parent)
	case n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
		p.quoted(n, parent)
	}
}

// block notes a block scalar's content lines.
func (p *planner) block(n *yaml.Node, parent *coll) {
	h := n.Line - 1
	if h < 0 || h >= len(p.src.lines) {
		p.fail("a block scalar out of place")
		return
	}
	header := p.src.lines[h][byteIndex(p.src.lines[h], n.Column-1):]
	i := strings.IndexAny(header, "|>")
	if i < 0 {
		p.fail("a block scalar whose header was not found")
		return
	}
	keep, explicit := false, 0
	for _, r := range header[i+1:] {
		switch {
		case r == '+':
			keep = true
		case r >= '1' && r <= '9':
			explicit = int(r - '0')
		case r == '-':
		default:
			goto read
		}
	}
read:
	parentCol := -1
	if parent != nil {
		parentCol = parent.old
	}
	indent := p.contentIndent(h, parentCol, explicit)
	last := h
	for l := h + 1; l < len(p.src.lines); l++ {
		line := p.src.lines[l]
		if empty(line, indent) {
			continue
		}
		if spaces(line) < indent {
			break
		}
		last = l
	}
	end := last
	if keep {
		for end+1 < len(p.src.lines) && empty(p.src.lines[end+1], indent) {
			end++
		}
	}
	for l := h + 1; l <= end; l++ {
		if p.info[l].kind != kOther {
			p.fail("a block scalar over another line")
			return
		}
		p.info[l] = lineInfo{kind: kBlock, owner: parent, noStrip: true, keep: l > last, indent: indent}
	}
}

// contentIndent is the indentation of a block scalar's content: given by
// its header, else that of its first line that is not empty.
func (p *planner) contentIndent(h, parentCol, explicit int) int {
	if explicit > 0 {
		return max(parentCol, 0) + explicit
	}
	for l := h + 1; l < len(p.src.lines); l++ {
		line := p.src.lines[l]
		if strings.Trim(line, " ") == "" {
			continue
		}
		if n := spaces(line); n > parentCol {
			return n
		}
		break
	}
	return parentCol + 1
}

// empty reports whether a line of a block scalar is an empty line, one
// that adds only a line break.
func empty(line string, indent int) bool {
	return strings.Trim(line, " ") == "" && len(line) <= indent
}

// quoted notes the later lines of a quoted scalar that spans lines.
func (p *planner) quoted(n *yaml.Node, parent *coll) {
	l := n.Line - 1
	if l < 0 || l >= len(p.src.lines) {
		p.fail("a quoted scalar out of place")
		return
	}
	start := p.src.lineStart(l) + byteIndex(p.src.lines[l], n.Column-1)
	q := strings.IndexAny(p.text[start:], `"'`)
	if q < 0 {
		p.fail("a quoted scalar whose quote was not found")
		return
	}
	start += q
	end := closingQuote(p.text, start)
	if end < 0 {
		p.fail("a quoted scalar whose end was not found")
		return
	}
	last := l + strings.Count(p.text[start:end], "\n")
	for i := l; i <= last && i < len(p.info); i++ {
		if i < last {
			p.info[i].noStrip = true
		}
		if i > l {
			if p.info[i].kind != kOther {
				p.fail("a quoted scalar over another line")
				return
			}
			p.info[i].kind, p.info[i].owner = kQuoted, parent
		}
	}
}

// closingQuote returns the offset of the quote that closes the scalar
// opened at start, or -1.
func closingQuote(text string, start int) int {
	q := text[start]
	for i := start + 1; i < len(text); i++ {
		switch c := text[i]; {
		case q == '"' && c == '\\':
			i++
		case c == q && q == '\'' && i+1 < len(text) && text[i+1] == '\'':
			i++
		case c == q:
			return i
		}
	}
	return -1
}
