package document

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// Packed is a tree kept in a few flat slices instead of one allocation
// per node: several times smaller than the tree, and quick to unpack. It
// keeps what the tree holds but anchors and aliases (a tree with those
// must not be packed).
type Packed struct {
	nodes    []packedNode
	text     string     // values, tags and comments, one after another
	comments [][3]piece // the comments of the nodes that have some
	custom   []piece    // the tags of the nodes whose tag is not common
}

type piece struct{ off, n uint32 }

type packedNode struct {
	kind, style, tag uint8
	comments         bool
	line, column     int32
	children         int32
	value            piece
}

// tags are the common tags, stored as their index; others are written
// in the text.
var tags = []string{"", "!!str", "!!int", "!!float", "!!bool", "!!null", "!!map", "!!seq", "!!timestamp", "!!binary", "!!merge"}

const customTag = 255

// Pack packs the tree n.
func Pack(n *yaml.Node) *Packed {
	var b strings.Builder
	count, size := 0, 0
	var measure func(n *yaml.Node)
	measure = func(n *yaml.Node) {
		count++
		size += len(n.Value) + len(n.HeadComment) + len(n.LineComment) + len(n.FootComment)
		for _, c := range n.Content {
			measure(c)
		}
	}
	measure(n)
	b.Grow(size)
	p := &Packed{nodes: make([]packedNode, 0, count)}
	put := func(s string) piece {
		pc := piece{off: uint32(b.Len()), n: uint32(len(s))}
		b.WriteString(s)
		return pc
	}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		pn := packedNode{kind: uint8(n.Kind), style: uint8(n.Style), line: int32(n.Line), column: int32(n.Column), children: int32(len(n.Content))}
		pn.tag = customTag
		for i, t := range tags {
			if t == n.Tag {
				pn.tag = uint8(i)
				break
			}
		}
		pn.value = put(n.Value)
		if pn.tag == customTag {
			p.custom = append(p.custom, put(n.Tag))
		}
		if n.HeadComment != "" || n.LineComment != "" || n.FootComment != "" {
			pn.comments = true
			p.comments = append(p.comments, [3]piece{put(n.HeadComment), put(n.LineComment), put(n.FootComment)})
		}
		p.nodes = append(p.nodes, pn)
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(n)
	p.text = b.String()
	return p
}

// Unpack returns a new tree equal to the one packed.
func (p *Packed) Unpack() *yaml.Node {
	all := make([]yaml.Node, len(p.nodes))
	i, ci, ti := 0, 0, 0
	get := func(pc piece) string { return p.text[pc.off : pc.off+pc.n] }
	var build func() *yaml.Node
	build = func() *yaml.Node {
		pn := p.nodes[i]
		n := &all[i]
		i++
		n.Kind, n.Style = yaml.Kind(pn.kind), yaml.Style(pn.style)
		n.Line, n.Column = int(pn.line), int(pn.column)
		n.Value = get(pn.value)
		if pn.tag == customTag {
			n.Tag = get(p.custom[ti])
			ti++
		} else {
			n.Tag = tags[pn.tag]
		}
		if pn.comments {
			c := p.comments[ci]
			ci++
			n.HeadComment, n.LineComment, n.FootComment = get(c[0]), get(c[1]), get(c[2])
		}
		if pn.children > 0 {
			n.Content = make([]*yaml.Node, pn.children)
			for k := range n.Content {
				n.Content[k] = build()
			}
		}
		return n
	}
	return build()
}
