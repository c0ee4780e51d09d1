package model

import (
	"encoding/binary"
	"hash/maphash"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
)

// summary is what the model knows of one top-level item that parsed, made
// from the item's tree alone: its symbol and the symbols inside it. It is
// kept with the item's tree (document.Parsed.Remember) and reused by later
// versions for as long as an edit does not touch the item.
type summary struct {
	// node is the item's tree the symbols point into, start the offset
	// of the item that their spans are at.
	node  *yaml.Node
	start int
	// item is the item's symbol (nil for an item of no known kind), all
	// its symbols in the order they were read.
	item *Symbol
	all  []*Symbol
	// digest is the digest of the item's content, shared by the moved
	// copies of the summary.
	digest *digest
	// at are the depth-first indexes in the item's tree of the nodes the
	// symbols point to (symbolNodes), -1 for none; made for the first
	// moved copy of a summary, and passed on to the copies of that copy
	// (the trees have one shape).
	at []int32
}

// summaryKey stores an item's summary with its tree.
type summaryKey struct{}

// summaryOf returns the summary of the item it: the one an earlier
// version made, moved to where the item is now, or a new one.
func (x *Model) summaryOf(p *document.Parsed, it *document.Item) *summary {
	if v, ok := p.Recall(it, summaryKey{}); ok {
		sm := v.(*summary)
		x.reused++
		if sm.node == it.Node && sm.start == it.Start {
			return sm
		}
		sm = sm.moved(it)
		p.Remember(it, summaryKey{}, sm)
		return sm
	}
	x.made++
	from := len(x.all)
	item := x.item(it.Node, false)
	sm := &summary{node: it.Node, start: it.Start, item: item, all: append([]*Symbol(nil), x.all[from:]...), digest: &digest{}}
	x.all = x.all[:from]
	p.Remember(it, summaryKey{}, sm)
	return sm
}

// moved returns a copy of sm for the same item now at it: with the same
// tree, or a copy of it whose lines moved.
func (sm *summary) moved(to *document.Item) *summary {
	node, start := to.Node, to.Start
	out := &summary{node: node, start: start, digest: sm.digest}
	if sm.item == nil {
		return out
	}
	var twin map[*yaml.Node]*yaml.Node
	var pre []yaml.Node
	if node != sm.node {
		if pre = to.Preorder(); pre != nil {
			// sm is shared by the versions that recalled it: read, not
			// written.
			if out.at = sm.at; out.at == nil {
				out.at = sm.indexes()
			}
		} else {
			twin = sm.nodesIn(node)
		}
	}
	// re gives the node of the moved tree for the k-th node the
	// symbols point to.
	k := 0
	re := func(n *yaml.Node) *yaml.Node {
		i := k
		k++
		switch {
		case n == nil:
			return nil
		case pre != nil:
			if at := out.at[i]; at >= 0 && int(at) < len(pre) {
				return &pre[at]
			}
		case twin != nil:
			if t := twin[n]; t != nil {
				return t
			}
		}
		return n
	}
	delta := start - sm.start
	sh := func(sp document.Span) document.Span {
		return document.Span{Start: sp.Start + delta, End: sp.End + delta}
	}
	move := func(c *Symbol) {
		// Only a name that was found has a span (an edge's always does).
		c.Range = sh(c.Range)
		if c.Named || c.Kind == KindEdge {
			c.NameSpan = sh(c.NameSpan)
		}
		if c.Named {
			c.Value = sh(c.Value)
		}
		c.NameNode = re(c.NameNode)
		c.Body = re(c.Body)
		c.Node = re(c.Node)
		c.KeyNode = re(c.KeyNode)
	}
	// An item's symbols are the item (when it has a body) and its
	// children (which have none), all but the edges in the order they
	// were read.
	it := *sm.item
	move(&it)
	kids := make([]Symbol, len(sm.item.Children))
	it.Children = make([]*Symbol, len(kids))
	out.all = make([]*Symbol, 0, len(sm.all))
	if len(sm.all) > 0 {
		out.all = append(out.all, &it)
	}
	for i, ch := range sm.item.Children {
		kids[i] = *ch
		move(&kids[i])
		kids[i].Parent = &it
		it.Children[i] = &kids[i]
		if ch.Kind != KindEdge {
			out.all = append(out.all, &kids[i])
		}
	}
	out.item = &it
	return out
}

// symbolNodes returns the nodes s points to, in the order moved re-points
// them.
func symbolNodes(s *Symbol) [4]*yaml.Node {
	return [4]*yaml.Node{s.NameNode, s.Body, s.Node, s.KeyNode}
}

// indexes returns the depth-first index in sm's tree of each node the
// symbols point to (the item's, then each child's, in symbolNodes order),
// -1 for none or one outside the tree.
func (sm *summary) indexes() []int32 {
	want := map[*yaml.Node]int32{}
	for _, n := range symbolNodes(sm.item) {
		want[n] = -1
	}
	for _, ch := range sm.item.Children {
		for _, n := range symbolNodes(ch) {
			want[n] = -1
		}
	}
	delete(want, nil)
	var i int32
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if _, ok := want[n]; ok {
			want[n] = i
		}
		i++
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(sm.node)
	out := make([]int32, 0, 4*(1+len(sm.item.Children)))
	add := func(s *Symbol) {
		for _, n := range symbolNodes(s) {
			at, ok := want[n]
			if !ok {
				at = -1
			}
			out = append(out, at)
		}
	}
	add(sm.item)
	for _, ch := range sm.item.Children {
		add(ch)
	}
	return out
}

// nodesIn maps each node the symbols of sm point to to the node at the
// same place in node, a copy of sm's tree.
func (sm *summary) nodesIn(node *yaml.Node) map[*yaml.Node]*yaml.Node {
	want := map[*yaml.Node]*yaml.Node{}
	note := func(s *Symbol) {
		for _, n := range [...]*yaml.Node{s.NameNode, s.Body, s.Node, s.KeyNode} {
			if n != nil {
				want[n] = nil
			}
		}
	}
	note(sm.item)
	for _, ch := range sm.item.Children {
		note(ch)
	}
	pairWanted(sm.node, node, want)
	return want
}

// pairWanted sets want[n], for each node n of a that want holds, to the
// node at the same place in b, a copy of a.
func pairWanted(a, b *yaml.Node, want map[*yaml.Node]*yaml.Node) {
	if _, ok := want[a]; ok {
		want[a] = b
	}
	for i := range a.Content {
		if i < len(b.Content) {
			pairWanted(a.Content[i], b.Content[i], want)
		}
	}
}

// digest is a digest of an item's content (not its position), made once.
type digest struct {
	once sync.Once
	sum  uint64
}

var digestSeed = maphash.MakeSeed()

func (d *digest) of(n *yaml.Node) uint64 {
	d.once.Do(func() { d.sum = contentDigest(n) })
	return d.sum
}

// contentDigest digests a tree: kinds, tags, styles and values, without
// positions or comments.
func contentDigest(n *yaml.Node) uint64 {
	var h maphash.Hash
	h.SetSeed(digestSeed)
	var buf [8]byte
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n == nil {
			h.WriteByte(0)
			return
		}
		binary.LittleEndian.PutUint32(buf[:4], uint32(n.Kind))
		binary.LittleEndian.PutUint32(buf[4:], uint32(n.Style))
		h.Write(buf[:])
		h.WriteString(n.Tag)
		h.WriteByte(0)
		h.WriteString(n.Value)
		h.WriteByte(0)
		h.WriteString(n.Anchor)
		h.WriteByte(0)
		binary.LittleEndian.PutUint32(buf[:4], uint32(len(n.Content)))
		h.Write(buf[:4])
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(n)
	return h.Sum64()
}
