package document

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// NewVersion returns the next version of prev with text. When the last
// parsed version it follows (prev, or the version prev was to be parsed
// from) parsed without errors, only the items the edits touched are parsed
// again; the other items' trees are reused (copied with moved line numbers
// when the edits added or removed lines).
func NewVersion(prev *Document, version int32, text string) *Document {
	return NewVersionMapped(prev, version, NewMapper(text))
}

// NewVersionMapped is NewVersion for the text of m, a mapper made by
// editing prev's (Mapper.Edit).
func NewVersionMapped(prev *Document, version int32, m *Mapper) *Document {
	d := &Document{URI: prev.URI, Version: version, Text: m.Text(), mapper: m}
	d.trees = prev.trees
	if p := prev.ParsedIfReady(); p != nil {
		if p.Root != nil && !p.anchors {
			d.prev.Store(prev)
		}
	} else if base := prev.prev.Load(); base != nil {
		d.prev.Store(base) // prev was never parsed: start from what it would have
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
	if prev := d.prev.Swap(nil); prev != nil {
		if p := reparse(prev, d); p != nil {
			return p
		}
	}
	return Parse(d.Text, d.mapper)
}

// reparse parses d by reusing the items of prev that the edits between
// them did not touch, or returns nil when it cannot.
func reparse(prev, d *Document) *Parsed {
	old, cur := prev.Text, d.Text
	pre := commonPrefix(old, cur)
	suf := commonSuffix(old[pre:], cur[pre:])
	oldSpans := prev.ItemSpans()
	d.spansOnce.Do(func() { d.spans, _ = editedSpans(prev.mapper, oldSpans, d.mapper, pre, suf) })
	newSpans := d.ItemSpans()
	pp := prev.parsed
	if len(oldSpans) != len(pp.Items) || len(oldSpans) == 0 || len(newSpans) == 0 || pre < oldSpans[0].Start {
		return nil // the lines before the first item changed
	}
	if _, ok := extraDocument(d.mapper); ok {
		return nil // a second document: Parse reports it
	}
	byteDelta := len(cur) - len(old)
	// Items before the edit: the same spans and text. (Where an edit
	// starts and ends is ambiguous: an item inserted before another may
	// seem to start after that one's dash.)
	a := 0
	same := func(o, n Span) bool { return old[o.Start:o.End] == cur[n.Start:n.End] }
	for a < len(oldSpans) && a < len(newSpans) && newSpans[a] == oldSpans[a] && (newSpans[a].End <= pre || same(oldSpans[a], newSpans[a])) {
		a++
	}
	// Items after the edit: the same spans moved, and the same text.
	b := 0
	for b < len(oldSpans)-a && b < len(newSpans)-a {
		o, n := oldSpans[len(oldSpans)-1-b], newSpans[len(newSpans)-1-b]
		if n.Start != o.Start+byteDelta || n.End != o.End+byteDelta || (o.Start < len(old)-suf && !same(o, n)) {
			break
		}
		b++
	}
	var fresh []*Item
	if mid := newSpans[a : len(newSpans)-b]; len(mid) > 0 {
		node, err := ParseSpan(d.mapper, Span{Start: mid[0].Start, End: mid[len(mid)-1].End})
		if err != nil || hasAnchors(node) {
			return nil
		}
		if fresh = itemsOf(node, d.mapper); len(fresh) != len(mid) {
			return nil
		}
		for i, it := range fresh {
			if it.Start < mid[i].Start || it.Start >= mid[i].End {
				return nil
			}
		}
	}
	lineDelta := d.mapper.LineCount() - prev.mapper.LineCount()
	items := make([]*Item, 0, len(newSpans))
	var from []*yaml.Node
	if lineDelta != 0 {
		from = make([]*yaml.Node, len(newSpans))
	}
	items = append(items, pp.Items[:a]...)
	items = append(items, fresh...)
	for _, it := range pp.Items[len(pp.Items)-b:] {
		moved := &Item{Node: it.Node, Start: it.Start + byteDelta, End: it.End + byteDelta, preorder: it.preorder}
		if lineDelta != 0 {
			moved.preorder = copyShifted(it.Node, len(it.preorder), lineDelta)
			moved.Node = &moved.preorder[0]
			from[len(items)] = it.Node
		}
		items = append(items, moved)
	}
	// An item ends where the next one's node starts its line (which may
	// be below the next item's dash): mend the ends next to the edit.
	for i := max(a-1, 0); i < a+len(fresh) && i < len(items); i++ {
		end := len(cur)
		if i+1 < len(items) {
			end = d.mapper.LineStart(items[i+1].Node.Line - 1)
		}
		if items[i].End != end {
			it := *items[i]
			it.End = end
			items[i] = &it
		}
	}
	root := rootOf(pp.Root, items)
	if pre == oldSpans[0].Start {
		placeRoot(root, pp.Root, d.mapper, newSpans[0])
	}
	return &Parsed{Root: root, Items: items, memo: carry(pp.memo, items, from), reused: a + b}
}

func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i+prefixBlock <= n && a[i:i+prefixBlock] == b[i:i+prefixBlock] {
		i += prefixBlock
	}
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

func commonSuffix(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i+prefixBlock <= n && a[len(a)-i-prefixBlock:len(a)-i] == b[len(b)-i-prefixBlock:len(b)-i] {
		i += prefixBlock
	}
	for i < n && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	return i
}

// prefixBlock is how many bytes commonPrefix compares at once.
const prefixBlock = 256

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

// placeRoot moves the sequence of root (and the document, when it starts
// there) to the first item's dash, first, where an edit at the first
// item's line put it.
func placeRoot(root, old *yaml.Node, m *Mapper, first Span) {
	seq := root.Content[0]
	line := m.LineOf(first.Start)
	col := len(m.Line(line)) - len(strings.TrimLeft(m.Line(line), " \t"))
	if root.Line == old.Content[0].Line && root.Column == old.Content[0].Column {
		root.Line, root.Column = line+1, col+1
	}
	seq.Line, seq.Column = line+1, col+1
}

// copyShifted deep-copies a tree of size nodes (0: not known) moving its
// lines, and returns the copy's nodes in depth-first order, the root
// first. The tree has no aliases: each node but the root is the child of
// one other. The copy's nodes, and its lists of children, are each one
// allocation.
func copyShifted(n *yaml.Node, size, delta int) []yaml.Node {
	if size == 0 {
		var count func(n *yaml.Node)
		count = func(n *yaml.Node) {
			size++
			for _, c := range n.Content {
				count(c)
			}
		}
		count(n)
	}
	pool := make([]yaml.Node, 0, size)
	ptrs := make([]*yaml.Node, 0, size-1)
	fits := true
	var copyNode func(n *yaml.Node) *yaml.Node
	copyNode = func(n *yaml.Node) *yaml.Node {
		if len(pool) == cap(pool) || len(ptrs)+len(n.Content) > cap(ptrs) {
			fits = false // size was wrong: pool must not move
			return n
		}
		pool = append(pool, *n)
		c := &pool[len(pool)-1]
		if c.Line > 0 {
			c.Line += delta
		}
		if k := len(n.Content); k > 0 {
			from := len(ptrs)
			ptrs = ptrs[:from+k]
			c.Content = ptrs[from : from+k : from+k]
			for i, ch := range n.Content {
				c.Content[i] = copyNode(ch)
			}
		}
		return c
	}
	copyNode(n)
	if !fits || len(pool) != size {
		return copyShifted(n, 0, delta)
	}
	return pool
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
