package format

import (
	"errors"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// relation is how a block collection stands to the one holding it, which
// decides its new column.
type relation uint8

const (
	relRoot   relation = iota // a document's top collection
	relInline                 // on the line of its parent list's dash
	relBelow                  // on a line after its key or dash
)

// coll is a block mapping or sequence: the column of its keys or dashes
// before and after formatting.
type coll struct {
	parent   *coll
	old, new int
	seq      bool
	rel      relation
}

func (c *coll) delta() int { return c.new - c.old }

// lineKind is what a line is, as far as its indentation goes.
type lineKind uint8

const (
	kOther     lineKind = iota // a continuation, a comment, a blank line
	kEntry                     // an entry of owner starts at its first character
	kBlock                     // in a block scalar's content
	kQuoted                    // a later line of a quoted scalar
	kDirective                 // a document marker or directive
)

// lineInfo is what the plan knows of a line.
type lineInfo struct {
	kind  lineKind
	owner *coll
	// noStrip: the line's trailing white space belongs to a scalar.
	noStrip bool
	// keep: an empty line a keep-chomped block scalar ends with.
	keep bool
	// indent is the content indentation of the block scalar the line is
	// in.
	indent int
}

// planner walks the yaml.v3 trees of a text and notes, for each line, the
// collection whose entry starts it or the scalar it belongs to.
type planner struct {
	text  string
	src   source
	info  []lineInfo
	colls []*coll
	roots []*coll
	seen  samples
	// odd is the first construct the planner does not reindent: the
	// indentation is then kept as written.
	odd error
}

func newPlanner(text string, src source) *planner {
	return &planner{text: text, src: src, info: make([]lineInfo, len(src.lines))}
}

func (p *planner) fail(msg string) {
	if p.odd == nil {
		p.odd = errors.New(msg)
	}
}

// document walks one document node.
func (p *planner) document(doc *yaml.Node) {
	for _, n := range doc.Content {
		p.node(n, nil, -1)
	}
}

// node walks n, held by parent (nil at the top), whose key or dash is on
// line anchor (0-based).
func (p *planner) node(n *yaml.Node, parent *coll, anchor int) {
	switch n.Kind {
	case yaml.MappingNode:
		if n.Style&yaml.FlowStyle != 0 || len(n.Content) == 0 {
			p.flow(n, parent)
			return
		}
		p.mapping(n, parent, anchor)
	case yaml.SequenceNode:
		if n.Style&yaml.FlowStyle != 0 || len(n.Content) == 0 {
			p.flow(n, parent)
			return
		}
		p.sequence(n, parent, anchor)
	case yaml.ScalarNode:
		p.scalar(n, parent)
	}
}

// flow walks a flow collection's scalars (only quoted ones span lines).
func (p *planner) flow(n *yaml.Node, parent *coll) {
	for _, c := range n.Content {
		switch c.Kind {
		case yaml.ScalarNode:
			p.scalar(c, parent)
		case yaml.MappingNode, yaml.SequenceNode:
			p.flow(c, parent)
		}
	}
}

func (p *planner) newColl(parent *coll, old int, seq bool, firstLine, anchor int) *coll {
	c := &coll{parent: parent, old: old, seq: seq}
	switch {
	case parent == nil:
		c.rel = relRoot
		p.roots = append(p.roots, c)
	case firstLine == anchor:
		c.rel = relInline
		if !parent.seq {
			p.fail("a collection starts on its key's line")
		}
	default:
		c.rel = relBelow
		if !parent.seq {
			if !seq {
				p.seen.width(old - parent.old)
			} else if old > parent.old {
				p.seen.indented++
				p.seen.width(old - parent.old)
			} else {
				p.seen.flush++
			}
		}
	}
	p.colls = append(p.colls, c)
	return c
}

func (p *planner) mapping(n *yaml.Node, parent *coll, anchor int) {
	first := n.Content[0]
	c := p.newColl(parent, first.Column-1, false, first.Line-1, anchor)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		kl := k.Line - 1
		if k.Kind != yaml.ScalarNode || k.Column-1 != first.Column-1 {
			p.fail("a complex key")
		}
		switch {
		case p.startsLine(kl, k.Column-1):
			p.claim(kl, c)
		case i == 0 && c.rel == relInline:
		default:
			p.fail("a key that does not start its line")
		}
		p.scalar(k, c)
		p.node(n.Content[i+1], c, kl)
	}
}

func (p *planner) sequence(n *yaml.Node, parent *coll, anchor int) {
	col := -1
	for _, it := range n.Content {
		if d := p.dashBefore(it); d >= 0 {
			col = d
			break
		}
	}
	if col < 0 {
		col = p.dashAt(n.Line-1, n.Column-1)
	}
	if col < 0 {
		p.fail("a list whose dashes were not found")
		for _, it := range n.Content {
			p.node(it, parent, -2)
		}
		return
	}
	prev := n.Line - 2
	dashes := make([]int, len(n.Content))
	for i, it := range n.Content {
		dl := it.Line - 1
		if p.dashBefore(it) != col {
			dl = p.dashAbove(it.Line-2, prev, col)
		}
		dashes[i] = dl
		prev = dl
	}
	c := p.newColl(parent, col, true, dashes[0], anchor)
	for i, it := range n.Content {
		dl := dashes[i]
		switch {
		case dl < 0:
			p.fail("a list item whose dash was not found")
		case p.startsLine(dl, col):
			p.claim(dl, c)
		case i == 0 && c.rel == relInline:
		default:
			p.fail("a dash that does not start its line")
		}
		p.node(it, c, dl)
	}
}

// startsLine reports whether the first character of line l is at col.
func (p *planner) startsLine(l, col int) bool {
	return l >= 0 && l < len(p.src.lines) && firstCol(p.src.lines[l]) == col
}

func (p *planner) claim(l int, c *coll) {
	if p.info[l].kind != kOther {
		p.fail("two entries on one line")
		return
	}
	p.info[l] = lineInfo{kind: kEntry, owner: c}
}

// dashBefore returns the column of the dash just before item on its line,
// or -1.
func (p *planner) dashBefore(it *yaml.Node) int {
	l := it.Line - 1
	if l < 0 || l >= len(p.src.lines) {
		return -1
	}
	line := p.src.lines[l]
	i := byteIndex(line, it.Column-1) - 1
	for i >= 0 && line[i] == ' ' {
		i--
	}
	if i < 0 || line[i] != '-' || (i+1 < len(line) && line[i+1] != ' ') {
		return -1
	}
	return utf8.RuneCountInString(line[:i])
}

// dashAt returns col when line l has a dash there, else -1.
func (p *planner) dashAt(l, col int) int {
	if l < 0 || l >= len(p.src.lines) {
		return -1
	}
	line := p.src.lines[l]
	if firstCol(line) != col || !isDash(line[col:]) {
		return -1
	}
	return col
}

// dashAbove finds the line of an item's dash above line from, no higher
// than line stop, at col: the item starts on a later line than its dash.
func (p *planner) dashAbove(from, stop, col int) int {
	for l := from; l > stop && l >= 0; l-- {
		if p.dashAt(l, col) >= 0 {
			return l
		}
	}
	return -1
}

// isDash reports whether s starts with a dash that opens a list item.
func isDash(s string) bool {
	return strings.HasPrefix(s, "-") && (len(s) == 1 || s[1] == ' ' || s[1] == '\t')
}

// byteIndex is the byte offset of rune column col in line.
func byteIndex(line string, col int) int {
	i := 0
	for n := 0; n < col && i < len(line); n++ {
		_, size := utf8.DecodeRuneInString(line[i:])
		i += size
	}
	return i
}
