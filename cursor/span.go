package cursor

import (
	"strings"

	"github.com/valohai-ls/valohai-ls/document"
)

// itemLines returns the first and last line of the top-level item that
// holds line, reading only the lines around it (document.ItemSpans reads
// the whole text). Items are split as ItemSpans splits them: an item
// starts at a dash at the indentation of the first item's dash. A text
// that is not a list is one item; a line above the first item is in none.
func itemLines(m *document.Mapper, line int) (first, last int, ok bool) {
	root, list := rootIndent(m)
	if root < 0 {
		return 0, 0, false
	}
	if !list {
		return 0, m.LineCount() - 1, true
	}
	first = -1
	for l := line; l >= 0; l-- {
		if isItemStart(m.Line(l), root) {
			first = l
			break
		}
	}
	if first < 0 {
		return 0, 0, false
	}
	last = m.LineCount() - 1
	for l := line + 1; l < m.LineCount(); l++ {
		if isItemStart(m.Line(l), root) {
			last = l - 1
			break
		}
	}
	return first, last, true
}

// rootIndent returns the indentation of the first content line and whether
// that line is a list item (the text is a list of items). It is -1 for a
// text with no content.
func rootIndent(m *document.Mapper) (indent int, list bool) {
	for l := 0; l < m.LineCount(); l++ {
		s := m.Line(l)
		t := strings.TrimLeft(s, " ")
		if t == "" || t[0] == '#' || strings.HasPrefix(s, "---") || strings.HasPrefix(s, "...") {
			continue
		}
		return len(s) - len(t), isDash(t)
	}
	return -1, false
}

// isItemStart reports a line that starts a top-level item.
func isItemStart(s string, root int) bool {
	return len(s) > root && strings.TrimLeft(s[:root], " ") == "" && isDash(s[root:])
}

func isDash(s string) bool {
	return s == "-" || strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "-\t")
}
