package format

import "strings"

// Edit replaces the bytes [Start, End) of the original text.
type Edit struct {
	Start, End int
	NewText    string
}

// Edits are the changes from the original text to the formatted one, one
// per run of changed lines.
func (r *Result) Edits() []Edit {
	if r.ops == nil {
		return nil
	}
	return r.edits(func(int) bool { return true })
}

// RangeEdits are the changes to the lines of the top-level items that
// lines first to last (0-based) touch, checked on their own: none when
// applying only them would change what the file means.
func (r *Result) RangeEdits(first, last int) []Edit {
	if r.ops == nil {
		return nil
	}
	first, last = r.widen(first, last)
	use := func(i int) bool { return i >= first && i <= last }
	if !r.same(r.render(r.ops, use)) {
		return nil
	}
	return r.edits(use)
}

// widen grows a line range to whole items of the top-level collections.
func (r *Result) widen(first, last int) (int, int) {
	isRoot := func(i int) bool {
		inf := r.p.info[i]
		return inf.kind == kEntry && inf.owner != nil && inf.owner.rel == relRoot
	}
	if first < 0 {
		first = 0
	}
	if last >= len(r.src.lines) {
		last = len(r.src.lines) - 1
	}
	for first > 0 && !isRoot(first) {
		first--
	}
	for last+1 < len(r.src.lines) && !isRoot(last+1) {
		last++
	}
	return first, last
}

// edits groups the changed lines accepted by use into edits.
func (r *Result) edits(use func(int) bool) []Edit {
	var out []Edit
	for i := 0; i < len(r.src.lines); {
		if !use(i) || r.unchanged(i) {
			i++
			continue
		}
		j := i
		var text strings.Builder
		for j < len(r.src.lines) && use(j) && !r.unchanged(j) {
			text.WriteString(r.newText(j))
			j++
		}
		out = append(out, Edit{Start: r.src.lineStart(i), End: r.src.lineStart(j), NewText: text.String()})
		i = j
	}
	return out
}

// newText is what line i becomes, with its line break.
func (r *Result) newText(i int) string {
	op := r.ops[i]
	s := ""
	if op.blankBefore {
		s = r.src.eol
	}
	if !op.drop {
		s += op.text + r.src.eol
	}
	return s
}

func (r *Result) unchanged(i int) bool {
	return r.newText(i) == r.original(i)
}
