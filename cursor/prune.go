package cursor

import (
	"strings"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/document/yamlline"
)

// pruned returns a copy of the item with only the lines that the cursor's
// context depends on: the cursor line, the lines it lies under (its
// ancestors), and the other lines directly under those (the keys of each
// enclosing mapping, with their values on the same line, so that present
// keys and discriminators are seen), without the contents of those keys
// and without the other items of enclosing lists. When the cursor line
// starts a list item, the item's other keys are kept too. A cursor deep
// in a long pipeline thus parses a handful of lines, not the whole item.
//
// Lines that continue a quoted string, a flow collection or a block
// scalar go with the line where it began.
func (it *item) pruned() *item {
	groups := it.groups()
	levels := make([]int, len(it.Lines))
	for l, s := range it.Lines {
		levels[l] = level(s)
	}
	parent := parents(levels, groups)
	keep := it.keep(groups, levels, parent)
	out := &item{ItemLines: document.ItemLines{First: it.First}}
	for l, s := range it.Lines {
		if groups[l] >= 0 && keep[groups[l]] {
			if l == it.Protected {
				out.Protected = len(out.Lines)
			}
			out.Lines = append(out.Lines, s)
			out.Orig = append(out.Orig, it.Orig[l])
		}
	}
	return out
}

// keep marks the logical lines that pruned keeps.
func (it *item) keep(groups, levels, parent []int) []bool {
	keep := make([]bool, len(it.Lines))
	chainChild := map[int]int{} // ancestor → its child on the cursor's chain
	keep[it.Protected] = true
	for l := it.Protected; parent[l] >= 0; l = parent[l] {
		chainChild[parent[l]] = l
		keep[parent[l]] = true
	}
	dashes := func(l int) bool { return levels[l]%2 == 1 }
	for l := range it.Lines {
		p := parent[l]
		if groups[l] != l || p < 0 || keep[l] {
			continue
		}
		if p == it.Protected {
			// Under the cursor: only the other keys of a mapping that the
			// cursor's dash starts.
			keep[l] = dashes(p) && contentColumn(it.Lines[l]) == contentColumn(it.Lines[p])
			continue
		}
		c, onChain := chainChild[p]
		// Under an ancestor: all but the other items of the cursor's list.
		keep[l] = onChain && !(dashes(l) && dashes(c) && levels[l] == levels[c])
	}
	return keep
}

// groups returns, for each line, the line that starts the logical line it
// belongs to (itself, or the line where a multi-line string, flow or
// block scalar began), or -1 for blank, comment and tab-indented lines.
// The scan starts afresh at the cursor line, which is never a
// continuation.
func (it *item) groups() []int {
	g := make([]int, len(it.Lines))
	copy(g, it.above.groups)
	st := yamlline.State{Block: -1}
	for l := it.Protected; l < len(it.Lines); l++ {
		g[l] = group(&st, l, it.Lines[l], g, l == it.Protected)
		st.Advance(l, it.Lines[l], len(it.Lines[l]))
	}
	return g
}

// above is what a scan of the lines above the cursor finds: the groups of
// those lines, and the state at the start of the cursor line.
type above struct {
	groups []int
	state  yamlline.State
}

// scanAbove scans the lines above the cursor.
func (it *item) scanAbove() {
	g := make([]int, it.Protected)
	st := yamlline.State{Block: -1}
	for l := 0; l < it.Protected; l++ {
		g[l] = group(&st, l, it.Lines[l], g, false)
		st.Advance(l, it.Lines[l], len(it.Lines[l]))
	}
	it.above = above{groups: g, state: st}
}

// group returns the group of line l, s, given the state at its start.
func group(st *yamlline.State, l int, s string, g []int, cursor bool) int {
	switch {
	case cursor:
		return l
	case st.Block >= 0 && isBlockLine(s, st.BlockOwner):
		return g[st.Block]
	case st.Quote != 0:
		return g[st.QuoteLine]
	case len(st.Flows) > 0:
		return g[st.Flows[0].Line]
	case isBlank(s):
		// Blank, a comment, or a tab in the indentation, which breaks
		// the line: leave it out.
		return -1
	}
	return l
}

// parents returns, for each logical line, the line it is directly under
// by level, or -1. Continuation lines get their group's parent.
func parents(levels, groups []int) []int {
	parent := make([]int, len(levels))
	var stack []int
	for l, lv := range levels {
		if groups[l] != l {
			parent[l] = -1
			if groups[l] >= 0 {
				parent[l] = parent[groups[l]]
			}
			continue
		}
		for len(stack) > 0 && levels[stack[len(stack)-1]] >= lv {
			stack = stack[:len(stack)-1]
		}
		parent[l] = -1
		if len(stack) > 0 {
			parent[l] = stack[len(stack)-1]
		}
		stack = append(stack, l)
	}
	return parent
}

// level is a line's depth: twice its indentation, plus one for a dash (a
// list may be written at its key's indentation, and is still under it).
func level(s string) int {
	t := strings.TrimLeft(s, " ")
	lv := 2 * (len(s) - len(t))
	if isDash(t) {
		lv++
	}
	return lv
}

// contentColumn returns where a line's content starts, after its
// indentation and dashes.
func contentColumn(s string) int {
	j, _ := yamlline.SkipDashes(s)
	return j
}

// isBlank reports an empty or comment-only line, or one whose
// indentation holds a tab.
func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ':
		case '\t', '#':
			return true
		default:
			return false
		}
	}
	return true
}

// isBlockLine reports whether s belongs to a block scalar whose parent is
// at column owner: blank, or indented more.
func isBlockLine(s string, owner int) bool {
	t := strings.TrimLeft(s, " ")
	return t == "" || len(s)-len(t) > owner
}
