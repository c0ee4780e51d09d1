package cursor

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
)

// maxRepairs bounds how many repairs are tried before giving up on
// parsing an item.
const maxRepairs = 8

// item is the text of the cursor's top-level item, line by line, as it is
// patched and repaired until it parses.
type item struct {
	first  int      // document line of the item's first line
	lines  []string // the item's lines
	orig   []int    // for each of lines, its index in the whole item
	cursor int      // index of the cursor line in lines
	fixed  []int    // repairs done on each line: 1 value cut, 2 blanked
	above  above    // what the lines above the cursor hold
}

func newItem(m *document.Mapper, first, last, cursorLine int) *item {
	n := last - first + 1
	it := &item{first: first, cursor: cursorLine - first, lines: make([]string, 0, n), orig: make([]int, 0, n)}
	for l := first; l <= last; l++ {
		it.lines = append(it.lines, m.Line(l))
		it.orig = append(it.orig, l-first)
	}
	it.fixed = make([]int, len(it.lines))
	it.scanAbove()
	return it
}

func (it *item) text() string {
	return strings.Join(it.lines, "\n") + "\n"
}

// parse parses the item, repairing broken lines other than the cursor's,
// and returns the item's node (line numbers those of the document), or
// nil when it cannot be made to parse.
func (it *item) parse() *yaml.Node {
	for try := 0; try <= maxRepairs; try++ {
		text := it.text()
		root, err := document.ParseFragment(text)
		if err == nil {
			return it.node(root)
		}
		bad := it.culprit(text, err)
		if bad < 0 || !it.repair(bad) {
			return nil
		}
	}
	return nil
}

// node returns the item node of a parsed item text, its lines moved to
// the document's.
func (it *item) node(root *yaml.Node) *yaml.Node {
	if root == nil || len(root.Content) == 0 || root.Content[0].Kind != yaml.SequenceNode || len(root.Content[0].Content) == 0 {
		return nil
	}
	n := root.Content[0].Content[0]
	it.relines(n)
	return n
}

// culprit returns the line to repair for parse error err: the line where
// a quote or flow bracket was left open, or else the first line whose
// inclusion breaks the item. When that is the cursor line, whose patch
// must stay, the next line with content is blamed instead.
func (it *item) culprit(text string, err error) int {
	states := scanLines(it.lines)
	if l := states[len(it.lines)].unclosed(); l >= 0 && l != it.cursor {
		return l
	}
	fm := document.NewMapper(text)
	bad := document.ErrorLine(fm, document.Span{Start: 0, End: len(text)}, err)
	if bad >= 0 && bad < len(it.lines) && bad != it.cursor {
		return bad
	}
	for l := it.cursor + 1; l < len(it.lines); l++ {
		if it.fixed[l] < 2 && strings.TrimSpace(it.lines[l]) != "" {
			return l
		}
	}
	return -1
}

// repair makes line l less likely to break the item: first its value is
// cut (the key stays, so it is still seen as present), then the line is
// blanked. It reports false when nothing is left to try.
func (it *item) repair(l int) bool {
	switch it.fixed[l] {
	case 0:
		it.fixed[l] = 1
		if cut, ok := cutValue(it.lines[l]); ok {
			it.lines[l] = cut
			return true
		}
		fallthrough
	case 1:
		it.fixed[l] = 2
		it.lines[l] = ""
		return true
	}
	return false
}

// cutValue returns the line with its value removed: "key:" for a key, "-"
// for a list item with a scalar. It reports false when there is nothing to
// cut.
func cutValue(s string) (string, bool) {
	li := readLine(s)
	switch {
	case li.colon >= 0 && li.valStart >= 0:
		return s[:li.colon+1], true
	case li.colon < 0 && li.dashes > 0 && li.keyStart < len(s):
		return strings.TrimRight(s[:li.keyStart], " "), true
	}
	return "", false
}

// relines moves the line numbers of a tree parsed from the item's lines
// to those of the document.
func (it *item) relines(n *yaml.Node) {
	stack := []*yaml.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Line > 0 && n.Line <= len(it.orig) {
			n.Line = it.first + it.orig[n.Line-1] + 1
		}
		stack = append(stack, n.Content...)
	}
}

// Repair parses the top-level item on lines first to last although it
// holds a syntax error: the lines that break it have their value cut, or
// are blanked, until it parses. It returns the item's node, its lines
// those of the document, or nil when it cannot be made to parse. What the
// node holds is what the item's readable lines say.
func Repair(m *document.Mapper, first, last int) *yaml.Node {
	if first < 0 || last < first || last >= m.LineCount() {
		return nil
	}
	// No line is the cursor's: every line may be repaired.
	return newItem(m, first, last, last+1).parse()
}
