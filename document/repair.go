package document

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document/yamlline"
)

// maxRepairs bounds how many repairs are tried before giving up on
// parsing an item.
const maxRepairs = 8

// ItemLines is the text of a top-level item, line by line, as it is
// repaired until it parses. One line, Protected, is never repaired.
type ItemLines struct {
	First     int      // document line of the item's first line
	Lines     []string // the item's lines
	Orig      []int    // for each of Lines, its index in the whole item
	Protected int      // index in Lines of the line kept as it is
	fixed     []int    // repairs done on each line: 1 value cut, 2 blanked
}

// NewItemLines returns the lines first to last of m, line protected
// (a document line; one outside the item protects none).
func NewItemLines(m *Mapper, first, last, protected int) ItemLines {
	n := last - first + 1
	it := ItemLines{First: first, Protected: protected - first, Lines: make([]string, 0, n), Orig: make([]int, 0, n)}
	for l := first; l <= last; l++ {
		it.Lines = append(it.Lines, m.Line(l))
		it.Orig = append(it.Orig, l-first)
	}
	return it
}

func (it *ItemLines) text() string {
	return strings.Join(it.Lines, "\n") + "\n"
}

// Parse parses the item, repairing broken lines other than the protected
// one, and returns the item's node (line numbers those of the document),
// or nil when it cannot be made to parse.
func (it *ItemLines) Parse() *yaml.Node {
	if len(it.fixed) != len(it.Lines) {
		it.fixed = make([]int, len(it.Lines))
	}
	for try := 0; try <= maxRepairs; try++ {
		text := it.text()
		root, err := ParseFragment(text)
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
func (it *ItemLines) node(root *yaml.Node) *yaml.Node {
	if root == nil || len(root.Content) == 0 || root.Content[0].Kind != yaml.SequenceNode || len(root.Content[0].Content) == 0 {
		return nil
	}
	n := root.Content[0].Content[0]
	it.relines(n)
	return n
}

// culprit returns the line to repair for parse error err: the line where
// a quote or flow bracket was left open, or else the first line whose
// inclusion breaks the item. When that is the protected line, which must
// stay, the next line with content is blamed instead.
func (it *ItemLines) culprit(text string, err error) int {
	states := yamlline.Scan(it.Lines)
	if l := states[len(it.Lines)].Unclosed(); l >= 0 && l != it.Protected {
		return l
	}
	fm := NewMapper(text)
	bad := ErrorLine(fm, Span{Start: 0, End: len(text)}, err)
	if bad >= 0 && bad < len(it.Lines) && bad != it.Protected {
		return bad
	}
	for l := it.Protected + 1; l < len(it.Lines); l++ {
		if it.fixed[l] < 2 && strings.TrimSpace(it.Lines[l]) != "" {
			return l
		}
	}
	return -1
}

// repair makes line l less likely to break the item: first its value is
// cut (the key stays, so it is still seen as present), then the line is
// blanked. It reports false when nothing is left to try.
func (it *ItemLines) repair(l int) bool {
	switch it.fixed[l] {
	case 0:
		it.fixed[l] = 1
		if cut, ok := cutValue(it.Lines[l]); ok {
			it.Lines[l] = cut
			return true
		}
		fallthrough
	case 1:
		it.fixed[l] = 2
		it.Lines[l] = ""
		return true
	}
	return false
}

// cutValue returns the line with its value removed: "key:" for a key, "-"
// for a list item with a scalar. It reports false when there is nothing to
// cut.
func cutValue(s string) (string, bool) {
	li := yamlline.Read(s)
	switch {
	case li.Colon >= 0 && li.ValStart >= 0:
		return s[:li.Colon+1], true
	case li.Colon < 0 && li.Dashes > 0 && li.KeyStart < len(s):
		return strings.TrimRight(s[:li.KeyStart], " "), true
	}
	return "", false
}

// relines moves the line numbers of a tree parsed from the item's lines
// to those of the document.
func (it *ItemLines) relines(n *yaml.Node) {
	stack := []*yaml.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Line > 0 && n.Line <= len(it.Orig) {
			n.Line = it.First + it.Orig[n.Line-1] + 1
		}
		stack = append(stack, n.Content...)
	}
}

// Repair parses the top-level item on lines first to last although it
// holds a syntax error: the lines that break it have their value cut, or
// are blanked, until it parses. It returns the item's node, its lines
// those of the document, or nil when it cannot be made to parse. What the
// node holds is what the item's readable lines say.
func Repair(m *Mapper, first, last int) *yaml.Node {
	if first < 0 || last < first || last >= m.LineCount() {
		return nil
	}
	// No line is protected: every line may be repaired.
	it := NewItemLines(m, first, last, last+1)
	return it.Parse()
}
