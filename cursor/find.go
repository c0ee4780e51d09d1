package cursor

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/schema"
)

// placeholder stands for the word being typed in the patched text.
const placeholder = "vls__cursor__"

// Find returns the context of byte offset off in doc. With patch set (for
// completion) the cursor line is rewritten so that the word being typed
// parses as a key or a value; without it (for hover) the line is only
// completed where it is unfinished (a bare word gets its ':', open quotes
// and brackets are closed). In both cases other broken lines of the item
// are repaired.
func Find(doc *document.Document, off int, patch bool) *Context {
	m := doc.Mapper()
	off = min(max(off, 0), len(doc.Text))
	line := m.LineOf(off)
	text := m.Line(line)
	col := min(off-m.LineStart(line), len(text))
	li := readLine(text)
	c := &Context{Offset: off, HasDash: li.dashes > 0, Present: map[string]bool{}}
	if li.comment >= 0 && col > li.comment {
		return c
	}
	first, last, ok := itemLines(m, line)
	var it *item
	blockLine := -1
	if ok {
		it = newItem(m, first, last, line)
		if b := it.blockOwner(col); b >= 0 {
			blockLine = first + b
		}
	}
	pos := positionAt(text, col, li)
	if blockLine >= 0 {
		pos = position{value: true, block: true}
	}
	c.Flow = pos.flow
	c.HasColon = pos.hasColon
	c.setWord(text, col, m.LineStart(line), li, pos)
	ws, we := c.WordStart-m.LineStart(line), c.WordEnd-m.LineStart(line)

	if !ok || (blockLine < 0 && !pos.flow && isTopLevelLine(m, li, pos.value)) {
		c.topLevel(ok, text[ws:we], li)
		return c
	}
	target := c.target(m, blockLine, off, patch)
	parsed := it
	if blockLine < 0 {
		it.lines[it.cursor] = cursorLine(text, ws, we, li, pos, patch)
		parsed = it.pruned()
	}
	c.item = it
	root := parsed.parse()
	if root == nil || !c.locate(root, target) {
		c.fallback(doc, line, li, pos.value && !pos.flow)
	}
	return c
}

// topLevel fills the context of a position where an item's kind goes.
func (c *Context) topLevel(inItem bool, word string, li lineInfo) {
	c.Where = TopLevel
	c.Object = schema.Item
	if inItem && li.dashes > 0 {
		c.Where = Key
		c.HasColon = li.colon >= 0
		c.KeyName = word
		c.Key = schema.KindNamed(word)
	}
}

// target returns the test for the node the cursor is on: the placeholder
// when the line was patched, the block scalar whose text holds the cursor,
// or the scalar whose text covers the offset.
func (c *Context) target(m *document.Mapper, blockLine, off int, patch bool) func(*yaml.Node) bool {
	switch {
	case blockLine >= 0:
		return func(n *yaml.Node) bool {
			return n.Kind == yaml.ScalarNode && n.Line == blockLine+1 && n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0
		}
	case patch:
		return func(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Value == placeholder }
	}
	return func(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && covers(m, n, off) }
}

// setWord records the word at the cursor.
func (c *Context) setWord(text string, col, lineStart int, li lineInfo, pos position) {
	stop := notWord
	if pos.value {
		stop = valueStop
	}
	s, e := wordAround(text, col, stop)
	if pos.value && s > 0 && (text[s-1] == '"' || text[s-1] == '\'') {
		c.Quoted = true
	}
	switch {
	case !pos.value && !pos.flow && li.keyStart > s:
		s = li.keyStart
	case pos.value && !pos.flow && !pos.block && li.colon >= s:
		// Right after "key:", the value has not started.
		s = li.colon + 1
	}
	s, e = min(s, col), max(e, col)
	c.WordStart, c.WordEnd = lineStart+s, lineStart+e
	c.Prefix = text[s:col]
	c.Word = text[s:e]
}

// isTopLevelLine reports a line where a top-level item's kind is written or
// a new item starts: the root sequence's dash, or an empty line at or left
// of the root indentation.
func isTopLevelLine(m *document.Mapper, li lineInfo, inValue bool) bool {
	if inValue {
		return false
	}
	root, _ := rootIndent(m)
	if li.dashes == 1 && li.indent == root {
		return true
	}
	return li.dashes == 0 && li.indent <= root && li.colon < 0
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
	if st.block < 0 {
		return -1
	}
	s := it.lines[it.cursor]
	t := strings.TrimLeft(s, " ")
	indent := len(s) - len(t)
	if t == "" {
		indent = col
	}
	if indent > st.blockOwner {
		return st.block
	}
	return -1
}
