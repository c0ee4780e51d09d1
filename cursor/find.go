package cursor

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/schema"
)

// placeholder stands for the word being typed in the patched text.
const placeholder = "vls__cursor__"

// maxRepairs bounds how many broken lines are blanked before giving up on
// parsing an item.
const maxRepairs = 8

// Find returns the context of byte offset off in doc. With patch set (for
// completion) the cursor line is rewritten so that the word being typed
// parses as a key or a value; without it (for hover) the text is taken as it
// is, and only the item's broken lines are blanked.
func Find(doc *document.Document, off int, patch bool) *Context {
	m := doc.Mapper()
	if off < 0 {
		off = 0
	}
	if off > len(doc.Text) {
		off = len(doc.Text)
	}
	line := m.LineOf(off)
	text := m.Line(line)
	col := off - m.LineStart(line)
	if col > len(text) {
		col = len(text)
	}
	li := readLine(text)
	c := &Context{Offset: off, HasDash: li.dashes > 0, Present: map[string]bool{}}
	if li.comment >= 0 && col > li.comment {
		return c
	}
	inValue := li.colon >= 0 && col > li.colon
	c.HasColon = li.colon >= 0 && !inValue
	c.setWord(text, col, m.LineStart(line), li, inValue)

	span, ok := itemSpan(doc, line)
	if !ok || isTopLevelLine(doc, line, li, inValue) {
		c.Where = TopLevel
		c.Object = schema.Item
		if ok && li.dashes > 0 {
			c.Where = Key
			c.HasColon = li.colon >= 0
			c.KeyName = text[c.WordStart-m.LineStart(line) : c.WordEnd-m.LineStart(line)]
			c.Key = schema.KindNamed(c.KeyName)
		}
		return c
	}

	replace := map[int]string{}
	switch {
	case patch:
		replace[line] = patchLine(text, col, li, inValue)
	case !inValue && li.colon < 0 && li.comment < 0:
		// A bare word being typed as a key: read it as one.
		replace[line] = text + ":"
	}
	root := parseItem(m, span, replace, line)
	if root == nil {
		c.fallback(doc, line, li, inValue)
		return c
	}
	var target func(n *yaml.Node) bool
	if patch {
		target = func(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Value == placeholder }
	} else {
		target = func(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && covers(m, n, off) }
	}
	if !c.locate(root, target) {
		c.fallback(doc, line, li, inValue)
	}
	return c
}

// setWord records the word at the cursor.
func (c *Context) setWord(text string, col, lineStart int, li lineInfo, inValue bool) {
	stop := notWord
	if inValue {
		stop = valueStop
		if li.valStart >= 0 && li.valStart < len(text) && (text[li.valStart] == '"' || text[li.valStart] == '\'') {
			c.Quoted = true
		}
	}
	s, e := wordAround(text, col, stop)
	if !inValue && li.keyStart > s {
		s = li.keyStart
	}
	if s > col {
		s = col
	}
	if e < col {
		e = col
	}
	c.WordStart, c.WordEnd = lineStart+s, lineStart+e
	c.Prefix = text[s:col]
	c.Word = text[s:e]
}

// isTopLevelLine reports a line where a top-level item's kind is written or
// a new item starts: the root sequence's dash, or an empty line at or left
// of the root indentation.
func isTopLevelLine(doc *document.Document, line int, li lineInfo, inValue bool) bool {
	if inValue {
		return false
	}
	root := rootIndent(doc)
	if li.dashes == 1 && li.indent == root {
		return true
	}
	return li.dashes == 0 && li.indent <= root && li.colon < 0
}

// rootIndent returns the indentation of the root sequence's dashes.
func rootIndent(doc *document.Document) int {
	spans := doc.ItemSpans()
	if len(spans) == 0 {
		return 0
	}
	m := doc.Mapper()
	l := m.Line(m.LineOf(spans[0].Start))
	return len(l) - len(strings.TrimLeft(l, " "))
}

// itemSpan returns the span of the top-level item that holds line.
func itemSpan(doc *document.Document, line int) (document.Span, bool) {
	m := doc.Mapper()
	off := m.LineStart(line)
	for _, s := range doc.ItemSpans() {
		if off >= s.Start && (off < s.End || s.End == len(doc.Text)) {
			return s, true
		}
	}
	return document.Span{}, false
}

// patchLine rewrites the cursor line so that the word at the cursor parses.
func patchLine(text string, col int, li lineInfo, inValue bool) string {
	if !inValue {
		rest := ""
		if li.colon >= 0 {
			rest = text[li.colon+1:]
		}
		return text[:li.keyStart] + placeholder + ":" + rest
	}
	if li.valStart < 0 {
		return text[:li.colon+1] + " " + placeholder
	}
	head := text[:li.valStart]
	if li.flow && li.valStart >= 0 && text[li.valStart] == '[' {
		return head + "[" + placeholder + "]"
	}
	return head + placeholder
}

// parseItem parses the item in span with line replacements, blanking lines
// that still break it. It returns the item node, or nil.
func parseItem(m *document.Mapper, span document.Span, replace map[int]string, cursorLine int) *yaml.Node {
	for try := 0; try <= maxRepairs; try++ {
		frag := document.Fragment(m, span.Start, span.End, replace)
		root, err := document.ParseFragment(frag)
		if err == nil {
			if root == nil || len(root.Content) == 0 || root.Content[0].Kind != yaml.SequenceNode || len(root.Content[0].Content) == 0 {
				return nil
			}
			return root.Content[0].Content[0]
		}
		fm := document.NewMapper(frag)
		bad := document.ErrorLine(fm, span, err)
		if bad < 0 || bad == cursorLine {
			bad = nearestOther(fm, bad, cursorLine, replace)
		}
		if bad < 0 {
			return nil
		}
		if _, done := replace[bad]; done && bad != cursorLine {
			return nil
		}
		replace[bad] = ""
	}
	return nil
}

// nearestOther picks a line other than the cursor line to blank when the
// error is reported on the cursor line itself: the next non-blank line.
func nearestOther(m *document.Mapper, bad, cursorLine int, replace map[int]string) int {
	for l := cursorLine + 1; l < m.LineCount(); l++ {
		if _, done := replace[l]; !done && strings.TrimSpace(m.Line(l)) != "" {
			return l
		}
	}
	return -1
}

// covers reports whether the scalar n's text holds offset off.
func covers(m *document.Mapper, n *yaml.Node, off int) bool {
	s := m.NodeSpan(n)
	return off >= s.Start && off <= s.End
}
