package document

import (
	"gopkg.in/yaml.v3"
)

// NewVersion returns the next version of prev with text. When prev has
// been parsed without errors and the edit stays inside one top-level item,
// only that item is parsed again; the other items' trees are reused (copied
// with moved line numbers when the edit added or removed lines).
func NewVersion(prev *Document, version int32, text string) *Document {
	d := New(prev.URI, version, text)
	d.trees = prev.trees
	if p := prev.ParsedIfReady(); p != nil && p.Root != nil && !p.anchors {
		d.prev = prev
	}
	return d
}

// ParsedIfReady returns the parse result if it has been computed, else nil
// (without parsing).
func (d *Document) ParsedIfReady() *Parsed {
	if !d.ready.Load() {
		return nil
	}
	return d.parsed
}

// parse computes the parse result, incrementally when it can.
func (d *Document) parse() *Parsed {
	prev := d.prev
	d.prev = nil
	if prev != nil {
		if p := reparse(prev, d); p != nil {
			return p
		}
	}
	return Parse(d.Text, d.mapper)
}

// reparse parses d by reusing prev's items, or returns nil when the edit
// between them is not confined to one item.
func reparse(prev, d *Document) *Parsed {
	old, cur := prev.Text, d.Text
	pre := commonPrefix(old, cur)
	suf := commonSuffix(old[pre:], cur[pre:])
	oldSpans, newSpans := prev.ItemSpans(), d.ItemSpans()
	pp := prev.parsed
	if len(oldSpans) != len(newSpans) || len(oldSpans) != len(pp.Items) || len(oldSpans) == 0 {
		return nil
	}
	end := max(len(cur)-suf, pre)
	i := spanIndex(newSpans, pre)
	if i < 0 || end > newSpans[i].End {
		return nil
	}
	if spanIndex(oldSpans, pre) != i {
		return nil
	}
	byteDelta := len(cur) - len(old)
	for j := range newSpans {
		if j != i && (newSpans[j].Start != shifted(oldSpans[j].Start, j > i, byteDelta) || newSpans[j].End != shifted(oldSpans[j].End, j > i, byteDelta)) {
			return nil
		}
	}
	node, err := ParseSpan(d.mapper, newSpans[i])
	if err != nil || hasAnchors(node) {
		return nil
	}
	fresh := itemsOf(node, d.mapper)
	if len(fresh) != 1 {
		return nil
	}
	lineDelta := d.mapper.LineCount() - prev.mapper.LineCount()
	items := make([]*Item, len(pp.Items))
	var from []*yaml.Node
	if lineDelta != 0 {
		from = make([]*yaml.Node, len(pp.Items))
	}
	for j, it := range pp.Items {
		switch {
		case j < i:
			items[j] = it
		case j == i:
			items[j] = fresh[0]
			items[j].End = newSpans[i].End
		default:
			n := it.Node
			if lineDelta != 0 {
				n = copyShifted(n, lineDelta)
				from[j] = it.Node
			}
			items[j] = &Item{Node: n, Start: it.Start + byteDelta, End: it.End + byteDelta}
		}
	}
	return &Parsed{Root: rootOf(pp.Root, items), Items: items, memo: carry(pp.memo, items, from)}
}

func shifted(off int, after bool, delta int) int {
	if after {
		return off + delta
	}
	return off
}

// spanIndex returns the index of the span holding off, or -1.
func spanIndex(spans []Span, off int) int {
	for i, s := range spans {
		if off >= s.Start && off < s.End {
			return i
		}
	}
	if n := len(spans); n > 0 && off == spans[n-1].End {
		return n - 1
	}
	return -1
}

func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

func commonSuffix(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	return i
}

// rootOf builds a document node like old whose sequence holds items.
func rootOf(old *yaml.Node, items []*Item) *yaml.Node {
	seq := *old.Content[0]
	seq.Content = make([]*yaml.Node, len(items))
	for i, it := range items {
		seq.Content[i] = it.Node
	}
	doc := *old
	doc.Content = []*yaml.Node{&seq}
	return &doc
}

// copyShifted deep-copies a tree (it has no aliases) moving its lines.
func copyShifted(n *yaml.Node, delta int) *yaml.Node {
	c := *n
	if c.Line > 0 {
		c.Line += delta
	}
	if len(n.Content) > 0 {
		c.Content = make([]*yaml.Node, len(n.Content))
		for i, ch := range n.Content {
			c.Content[i] = copyShifted(ch, delta)
		}
	}
	return &c
}

// hasAnchors reports whether a tree defines anchors or uses aliases, which
// tie items together and rule out reusing them.
func hasAnchors(n *yaml.Node) bool {
	stack := []*yaml.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Anchor != "" || n.Kind == yaml.AliasNode {
			return true
		}
		stack = append(stack, n.Content...)
	}
	return false
}
