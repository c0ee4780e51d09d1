package format

import (
	"errors"
	"strings"
)

// lineOp is what becomes of one line of the original.
type lineOp struct {
	text string
	drop bool // the line is removed (a surplus blank line)
	// blankBefore: a blank line is inserted before this one.
	blankBefore bool
}

var errNegative = errors.New("a line would move left of the margin")

// layout turns the plan into one operation per line. With reindent false
// every collection keeps its column.
func (p *planner) layout(o Options, reindent bool) ([]lineOp, error) {
	for _, c := range p.colls {
		c.new = c.old
		if reindent {
			c.new = newColumn(c, o)
		}
	}
	ops := make([]lineOp, len(p.src.lines))
	nextEntry := p.nextEntries()
	var last *coll
	for i, line := range p.src.lines {
		inf := p.info[i]
		var err error
		switch inf.kind {
		case kEntry:
			ops[i].text, err = shift(line, inf.owner.delta(), inf.noStrip)
			last = inf.owner
		case kBlock:
			if empty(line, inf.indent) {
				ops[i].text = ""
			} else {
				ops[i].text, err = shift(line, delta(inf.owner), true)
			}
			last = inf.owner
		case kQuoted:
			if blank(line) {
				ops[i].text = ""
			} else {
				ops[i].text, err = shift(line, delta(inf.owner), inf.noStrip)
			}
			last = inf.owner
		default:
			ops[i].text, err = p.other(i, line, last, nextEntry[i])
			if directive(line) {
				last = nil
			}
		}
		if err != nil {
			return nil, err
		}
	}
	p.blankLines(ops)
	return ops, nil
}

// newColumn places a collection by its parent.
func newColumn(c *coll, o Options) int {
	switch c.rel {
	case relRoot:
		return 0
	case relInline:
		return c.parent.new + c.old - c.parent.old
	}
	if c.seq && !c.parent.seq && o.Sequences == SeqFlush {
		return c.parent.new
	}
	return c.parent.new + o.Indent
}

func delta(c *coll) int {
	if c == nil {
		return 0
	}
	return c.delta()
}

// other lays out a line that starts no entry: a comment goes with the
// level it is written at, a plain scalar's later line moves with the
// collection above it.
func (p *planner) other(i int, line string, last, next *coll) (string, error) {
	if blank(line) {
		return "", nil
	}
	if directive(line) {
		return strings.TrimRight(line, " \t"), nil
	}
	col := firstCol(line)
	if col >= 0 && line[col] == '#' {
		return shift(line, commentDelta(col, last, next), false)
	}
	return shift(line, delta(last), p.info[i].noStrip)
}

// commentDelta moves an own-line comment with the collection it is
// aligned with, the one below first; one aligned with none moves with the
// deepest collection above that is less indented.
func commentDelta(col int, last, next *coll) int {
	for _, start := range []*coll{next, last} {
		for c := start; c != nil; c = c.parent {
			if c.old == col {
				return c.delta()
			}
		}
	}
	for c := last; c != nil; c = c.parent {
		if c.old < col {
			return c.delta()
		}
	}
	return 0
}

// directive reports a document marker or directive line.
func directive(line string) bool {
	return strings.HasPrefix(line, "%") || isMarker(line, "---") || isMarker(line, "...")
}

func isMarker(line, m string) bool {
	return strings.HasPrefix(line, m) && (len(line) == 3 || line[3] == ' ' || line[3] == '\t')
}

// shift moves a line by d columns, dropping its trailing white space
// unless it is a scalar's.
func shift(line string, d int, noStrip bool) (string, error) {
	n := spaces(line)
	if n+d < 0 {
		return "", errNegative
	}
	rest := line[n:]
	if !noStrip {
		rest = strings.TrimRight(rest, " \t")
	}
	return strings.Repeat(" ", n+d) + rest, nil
}

// nextEntries gives, for each line, the collection of the next line that
// starts an entry.
func (p *planner) nextEntries() []*coll {
	out := make([]*coll, len(p.info))
	var next *coll
	for i := len(p.info) - 1; i >= 0; i-- {
		out[i] = next
		if p.info[i].kind == kEntry {
			next = p.info[i].owner
		}
	}
	return out
}

// free reports whether line i is a blank line outside any scalar.
func (p *planner) free(i int) bool {
	k := p.info[i].kind
	return k != kBlock && k != kQuoted && blank(p.src.lines[i])
}

// blankLines keeps one blank line of several where they separate entries
// or comments, drops them at the start and end of the file, and puts one
// before each item of a top-level list.
func (p *planner) blankLines(ops []lineOp) {
	n := len(ops)
	for i := 0; i < n; {
		if !p.free(i) {
			i++
			continue
		}
		j := i
		for j < n && p.free(j) {
			j++
		}
		switch {
		case i == 0 || j == n:
			for k := i; k < j; k++ {
				ops[k].drop = true
			}
		case p.separates(j):
			for k := i + 1; k < j; k++ {
				ops[k].drop = true
			}
		}
		i = j
	}
	p.itemGaps(ops)
}

// separates reports whether line j, after blank lines, starts an entry or
// a comment: the blank lines then belong to no scalar.
func (p *planner) separates(j int) bool {
	if p.info[j].kind == kEntry || directive(p.src.lines[j]) {
		return true
	}
	line := p.src.lines[j]
	col := firstCol(line)
	return p.info[j].kind == kOther && col >= 0 && line[col] == '#'
}

// itemGaps puts a blank line before each item of a top-level list (before
// the comments at the list's column just above it) that has none.
func (p *planner) itemGaps(ops []lineOp) {
	for _, root := range p.roots {
		if !root.seq {
			continue
		}
		first := true
		for i, inf := range p.info {
			if inf.kind != kEntry || inf.owner != root {
				continue
			}
			if first {
				first = false
				continue
			}
			at := i
			for at > 0 && p.isCommentAt(at-1, root.old) {
				at--
			}
			if at == 0 || p.free(at-1) || p.info[at-1].keep {
				continue
			}
			ops[at].blankBefore = true
		}
	}
}

func (p *planner) isCommentAt(i, col int) bool {
	line := p.src.lines[i]
	return p.info[i].kind == kOther && firstCol(line) == col && strings.HasPrefix(line[col:], "#")
}
