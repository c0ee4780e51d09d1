package cursor

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/document/yamlline"
	"github.com/valohai-ls/valohai-ls/schema"
)

// Placeholder stands for the word being typed in the patched text: a
// name that holds it is the one being typed, not one the file defines.
const Placeholder = "vls__cursor__"

// Find returns the context of byte offset off in doc. With patch set (for
// completion) the cursor line is rewritten so that the word being typed
// parses as a key or a value; without it (for hover) the line is only
// completed where it is unfinished (a bare word gets its ':', open quotes
// and brackets are closed). In both cases other broken lines of the item
// are repaired.
func Find(doc *document.Document, off int, patch bool) *Context {
	m := doc.Mapper()
	off = min(max(off, 0), len(doc.Text))
	at := lineAt(m, off)
	c := &Context{Offset: off, HasDash: at.li.Dashes > 0, Present: map[string]bool{}, doc: doc}
	if at.li.Comment >= 0 && at.col > at.li.Comment {
		return c
	}
	first, last, ok := itemLines(m, at.line)
	var it *item
	if ok {
		it = newItem(m, first, last, at.line)
		if b := it.blockOwner(at.col); b >= 0 {
			at.blockLine = first + b
		}
	}
	at.setPosition()
	c.setWord(at)
	if !ok || (at.blockLine < 0 && !at.pos.flow && isTopLevelLine(m, at.li, at.pos.value)) {
		c.topLevel(ok, at.word(c), at.li)
		return c
	}
	c.inItem(doc, it, at, patch)
	return c
}

// cursorAt is the cursor's line and what is known of the cursor's place
// on it.
type cursorAt struct {
	line, start, col int // line number, its offset, the cursor's column
	text             string
	li               yamlline.Line
	pos              position
	blockLine        int // document line of a block scalar holding the line, or -1
}

func lineAt(m *document.Mapper, off int) *cursorAt {
	line := m.LineOf(off)
	text := m.Line(line)
	start := m.LineStart(line)
	return &cursorAt{line: line, start: start, col: min(off-start, len(text)), text: text, li: yamlline.Read(text), blockLine: -1}
}

// setPosition reads the cursor's role on its line.
func (at *cursorAt) setPosition() {
	if at.blockLine >= 0 {
		at.pos = position{value: true, block: true}
		return
	}
	at.pos = positionAt(at.text, at.col, at.li)
}

// word returns the text of the context's word.
func (at *cursorAt) word(c *Context) string {
	return at.text[c.WordStart-at.start : c.WordEnd-at.start]
}

// inItem fills the context of a position inside a top-level item: the
// cursor line is patched, the item pruned to what the context needs,
// parsed and walked; the indentation is read when that fails.
func (c *Context) inItem(doc *document.Document, it *item, at *cursorAt, patch bool) {
	m := doc.Mapper()
	target := c.target(m, at.blockLine, c.Offset, patch)
	parsed := it
	if at.blockLine < 0 {
		it.Lines[it.Protected] = cursorLine(at.text, c.WordStart-at.start, c.WordEnd-at.start, at.li, at.pos, patch)
		parsed = it.pruned()
	}
	c.item = it
	root := parsed.Parse()
	if root == nil || !c.locate(root, target) {
		c.fallback(doc, at.line, at.li, at.pos.value && !at.pos.flow)
	}
}

// topLevel fills the context of a position where an item's kind goes.
func (c *Context) topLevel(inItem bool, word string, li yamlline.Line) {
	c.Where = TopLevel
	c.Object = schema.Item
	if inItem && li.Dashes > 0 {
		c.Where = Key
		c.HasColon = li.Colon >= 0
		c.KeyName = word
		c.Key = schema.KindNamed(word)
	}
}

// target returns the test for the node the cursor is on: the block scalar
// whose text holds the cursor, the placeholder when the line was patched,
// or the scalar whose text covers the offset.
func (c *Context) target(m *document.Mapper, blockLine, off int, patch bool) func(*yaml.Node) bool {
	switch {
	case blockLine >= 0:
		return func(n *yaml.Node) bool {
			return n.Kind == yaml.ScalarNode && n.Line == blockLine+1 && n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0
		}
	case patch:
		return func(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Value == Placeholder }
	}
	return func(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && covers(m, n, off) }
}

// setWord records the word at the cursor, and what follows from the
// cursor's position.
func (c *Context) setWord(at *cursorAt) {
	text, col, li, pos := at.text, at.col, at.li, at.pos
	c.Flow, c.HasColon = pos.flow, pos.hasColon
	stop := notWord
	if pos.value {
		stop = valueStop
	}
	s, e := wordAround(text, col, stop)
	if pos.value && s > 0 && (text[s-1] == '"' || text[s-1] == '\'') {
		c.Quoted = true
	}
	switch {
	case !pos.value && !pos.flow && li.KeyStart > s:
		s = li.KeyStart
	case pos.value && !pos.flow && !pos.block && li.Colon >= s:
		// Right after "key:", the value has not started.
		s = li.Colon + 1
	}
	s, e = min(s, col), max(e, col)
	c.WordStart, c.WordEnd = at.start+s, at.start+e
	c.Prefix = text[s:col]
	c.Word = text[s:e]
}

// isTopLevelLine reports a line where a top-level item's kind is written or
// a new item starts: the root sequence's dash, or an empty line at or left
// of the root indentation.
func isTopLevelLine(m *document.Mapper, li yamlline.Line, inValue bool) bool {
	if inValue {
		return false
	}
	root, _ := rootIndent(m)
	if li.Dashes == 1 && li.Indent == root {
		return true
	}
	return li.Dashes == 0 && li.Indent <= root && li.Colon < 0
}

// covers reports whether the scalar n's text holds offset off.
func covers(m *document.Mapper, n *yaml.Node, off int) bool {
	s := m.NodeSpan(n)
	return off >= s.Start && off <= s.End
}

// blockOwner returns the item line of the block scalar indicator whose
// text holds the cursor, or -1. On a blank line the cursor's column
// decides: right of the scalar's parent it is in the text, otherwise a key
// is being written.
func (it *item) blockOwner(col int) int {
	st := it.above.state
	if st.Block < 0 {
		return -1
	}
	s := it.Lines[it.Protected]
	t := strings.TrimLeft(s, " ")
	indent := len(s) - len(t)
	if t == "" {
		indent = col
	}
	if indent > st.BlockOwner {
		return st.Block
	}
	return -1
}
