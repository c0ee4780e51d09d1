// Package selection finds the ranges that "expand selection" grows
// through at a position of a valohai.yaml: the name or placeholder at the
// position, the scalar, its key/value pair, the mapping, the list item
// that holds it, the list, and so on out to the top-level item and the
// whole file.
//
// The ranges come from the yaml.v3 tree of the position's top-level item.
// An item with a syntax error is read as far as its lines allow (the
// lines that break it lose their value, or are blanked: document.Repair);
// on a line that did not make it into the tree, the line itself (and its
// value, for a `key: value` line) is the innermost range.
//
// Names inside scalars (a socket's node, a {parameter:NAME} placeholder's
// NAME) are the model's references. Positions are byte offsets.
package selection

import (
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
)

// At returns the spans around offset off, innermost first; each holds the
// one before it and is larger. The last is the whole text.
func At(doc *document.Document, off int) []document.Span {
	m := doc.Mapper()
	text := m.Text()
	off = max(0, min(off, len(text)))
	c := &chain{m: m}
	c.add(document.Span{Start: 0, End: len(text)})
	item, node := itemAt(doc, off)
	if item.End > item.Start {
		c.add(trimSpan(text, item))
	}
	if node != nil {
		c.descend(node, off, -1)
	}
	if node == nil || c.collectionOnly {
		c.innerLine(off)
	}
	return c.result(doc, off)
}

// chain collects spans, outermost first, as the tree is walked down.
type chain struct {
	m     *document.Mapper
	spans []document.Span // innermost last
	// collectionOnly reports that the deepest node holding the position
	// is a mapping or a list: the position is on no scalar of the tree.
	collectionOnly bool
	// scalar reports that the innermost span is a scalar's.
	scalar bool
}

// add records a span inside the ones recorded so far.
func (c *chain) add(sp document.Span) { c.spans, c.scalar = append(c.spans, sp), false }

// addScalar records the span of a scalar.
func (c *chain) addScalar(sp document.Span) { c.add(sp); c.scalar = true }

// itemAt returns the span of the top-level item holding off and its node:
// the parsed one, or the one repaired from its lines.
func itemAt(doc *document.Document, off int) (document.Span, *yaml.Node) {
	m := doc.Mapper()
	spans := doc.ItemSpans()
	i := sort.Search(len(spans), func(i int) bool { return spans[i].End > off })
	if i >= len(spans) {
		i = len(spans) - 1 // the end of the text
	}
	if i < 0 || off < spans[i].Start {
		return document.Span{}, nil
	}
	sp := spans[i]
	p := doc.Parsed()
	for _, it := range p.Items {
		if it.Start >= sp.Start && it.Start < sp.End {
			return sp, it.Node
		}
	}
	if p.Root != nil && len(p.Root.Content) > 0 && p.Root.Content[0].Kind != yaml.SequenceNode {
		return sp, p.Root.Content[0] // a file that is not a list of items
	}
	last := m.LineOf(max(sp.End-1, sp.Start))
	return sp, document.Repair(m, m.LineOf(sp.Start), last)
}

// descend records the spans of n and of the nodes inside it that hold off,
// outermost first. col is the column of the key or dash n is the value
// of, -1 for an item.
func (c *chain) descend(n *yaml.Node, off, col int) {
	m := c.m
	switch n.Kind {
	case yaml.MappingNode:
		c.add(m.NodeExtent(n))
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			pair := c.pair(k, v)
			if !model.Contains(pair, off) {
				continue
			}
			c.add(pair)
			if ks := m.NodeSpan(k); model.Contains(ks, off) && (off < ks.End || !model.Contains(c.valueSpan(v, model.Column(k)), off)) {
				c.addScalar(ks)
				return
			}
			if model.Contains(c.valueSpan(v, model.Column(k)), off) {
				c.descend(v, off, model.Column(k))
				return
			}
			c.collectionOnly = true
			return
		}
		c.collectionOnly = true
	case yaml.SequenceNode:
		c.add(m.NodeExtent(n))
		for _, e := range n.Content {
			entry := withDash(m, c.valueSpan(e, model.Column(n)))
			if !model.Contains(entry, off) {
				continue
			}
			c.add(entry)
			c.descend(e, off, model.Column(n))
			return
		}
		c.collectionOnly = true
	default:
		c.addScalar(c.valueSpan(n, col))
	}
}

// pair returns the span of a key and its value.
func (c *chain) pair(k, v *yaml.Node) document.Span {
	sp := c.m.NodeSpan(k)
	if v != nil && v.Line > 0 && !(v.Kind == yaml.ScalarNode && v.Tag == "!!null" && v.Value == "") {
		sp.End = max(sp.End, c.valueSpan(v, model.Column(k)).End)
	}
	text := c.m.Text()
	if sp.End < len(text) && text[sp.End] == ':' {
		sp.End++
	}
	return sp
}

// valueSpan returns the span of all the text of n, a value whose key or
// dash is at column col.
func (c *chain) valueSpan(n *yaml.Node, col int) document.Span {
	if n.Kind == yaml.ScalarNode && n.Line > 0 {
		return model.Region(c.m, n, max(col, 0))
	}
	return c.m.NodeExtent(n)
}

// innerLine records, for a position on a line the tree does not cover
// (a broken line, a blank value), the line's content and its value.
func (c *chain) innerLine(off int) {
	m := c.m
	l := m.LineOf(off)
	s := m.Line(l)
	start := m.LineStart(l)
	t := strings.TrimLeft(s, " \t")
	if t == "" || t[0] == '#' {
		return
	}
	from := start + len(s) - len(t)
	end := start + len(strings.TrimRight(s, " \t"))
	if i := strings.Index(s[from-start:], " #"); i >= 0 {
		end = from + i
	}
	if !model.Contains(document.Span{Start: from, End: end}, off) {
		return
	}
	line := document.Span{Start: from, End: end}
	if strings.HasPrefix(t, "- ") {
		c.add(line)
		line.Start = from + 2 + len(t[2:]) - len(strings.TrimLeft(t[2:], " "))
	}
	c.add(line)
	text := m.Text()
	if i := strings.Index(text[line.Start:line.End], ": "); i >= 0 {
		v := document.Span{Start: line.Start + i + 2, End: line.End}
		for v.Start < v.End && text[v.Start] == ' ' {
			v.Start++
		}
		if v.Start < v.End && model.Contains(v, off) {
			c.addScalar(v)
		}
	}
}

// withDash widens a list entry's span to its dash.
func withDash(m *document.Mapper, sp document.Span) document.Span {
	text := m.Text()
	i := sp.Start - 1
	for i >= 0 && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r') {
		i--
	}
	if i >= 0 && text[i] == '-' {
		sp.Start = i
	}
	return sp
}

// trimSpan drops the blank space at the end of sp.
func trimSpan(text string, sp document.Span) document.Span {
	for sp.End > sp.Start && strings.IndexByte(" \t\r\n", text[sp.End-1]) >= 0 {
		sp.End--
	}
	return sp
}

// result orders the spans innermost first, adds the names and
// placeholders inside the innermost scalar, and keeps each span only when
// it is larger than the one before, widened to hold it.
func (c *chain) result(doc *document.Document, off int) []document.Span {
	in := make([]document.Span, 0, len(c.spans)+3)
	if c.scalar {
		in = append(in, inner(doc, c.m, off, c.spans[len(c.spans)-1])...)
	}
	for i := len(c.spans) - 1; i >= 0; i-- {
		in = append(in, c.spans[i])
	}
	out := make([]document.Span, 0, len(in))
	for _, sp := range in {
		if sp.End < sp.Start || !model.Contains(sp, off) {
			continue
		}
		if n := len(out); n > 0 {
			prev := out[n-1]
			sp.Start, sp.End = min(sp.Start, prev.Start), max(sp.End, prev.End)
			if sp == prev {
				continue
			}
		}
		out = append(out, sp)
	}
	return out
}

// inner returns the spans inside the scalar sp, innermost first: the name
// a reference writes there, the {…} placeholder around it, and the line
// of a scalar written over several lines.
func inner(doc *document.Document, m *document.Mapper, off int, sp document.Span) []document.Span {
	if !model.Contains(sp, off) {
		return nil
	}
	var out []document.Span
	if _, r := model.Of(doc).At(off); r != nil && r.Span.Start >= sp.Start && r.Span.End <= sp.End {
		out = append(out, r.Span)
	}
	text := m.Text()
	l := m.LineOf(off)
	ls, le := max(m.LineStart(l), sp.Start), min(m.LineEnd(l), sp.End)
	if ls > le {
		return out
	}
	if ph, ok := placeholderAt(text, ls, le, off); ok {
		out = append(out, ph)
	}
	if m.LineOf(sp.Start) != m.LineOf(sp.End) {
		line := trimSpan(text, document.Span{Start: ls, End: le})
		for line.Start < line.End && text[line.Start] == ' ' {
			line.Start++
		}
		out = append(out, line)
	}
	return out
}

// placeholderAt returns the placeholder around off on the line [ls, le).
func placeholderAt(text string, ls, le, off int) (document.Span, bool) {
	for _, ph := range model.AllPlaceholders(text[ls:le]) {
		sp := document.Span{Start: ls + ph.Start, End: ls + ph.End}
		if model.Contains(sp, off) {
			return sp, true
		}
	}
	return document.Span{}, false
}
