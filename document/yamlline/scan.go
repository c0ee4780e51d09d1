package yamlline

import "strings"

// State is where a scan of an item's lines stands: inside a quoted
// string, flow collections or a block scalar, any of which may go on over
// several lines, and which Read, looking at one line, cannot see.
type State struct {
	Quote     byte // quote of a string still open, or 0
	QuoteLine int  // line where that string opened
	Flows     []Opener
	// Block is the line of the indicator of a block scalar whose text the
	// scan is in, or -1; the scalar's lines are those indented more than
	// BlockOwner (and blank lines).
	Block      int
	BlockOwner int
}

// Opener is an open flow bracket.
type Opener struct {
	Ch    byte // '[' or '{'
	Line  int
	Value bool // in a '{', a ':' was seen since the last ',' or the '{'
}

// Scan returns the state at the start of each line and, last, the
// state after the last line.
func Scan(lines []string) []State {
	out := make([]State, 0, len(lines)+1)
	st := State{Block: -1}
	for i, s := range lines {
		out = append(out, st.clone())
		st.Advance(i, s, len(s))
	}
	return append(out, st)
}

func (st State) clone() State {
	st.Flows = append([]Opener(nil), st.Flows...)
	return st
}

// Unclosed returns the line where the construct still open at the end of
// the scan began (the innermost one), or -1.
func (st *State) Unclosed() int {
	switch {
	case st.Quote != 0:
		return st.QuoteLine
	case len(st.Flows) > 0:
		return st.Flows[len(st.Flows)-1].Line
	}
	return -1
}

// Advance advances the state over line i, s, up to byte stop.
func (st *State) Advance(i int, s string, stop int) {
	if st.Block >= 0 {
		t := strings.TrimLeft(s, " ")
		if t == "" || len(s)-len(t) > st.BlockOwner {
			return
		}
		st.Block = -1
	}
	j, dashCol, keyCol := 0, -1, -1
	if st.Quote == 0 && len(st.Flows) == 0 {
		j, dashCol = SkipDashes(s)
		keyCol = j
	}
	atStart, sawKey := true, false
	for ; j < len(s) && j < stop; j++ {
		c := s[j]
		switch {
		case st.Quote != 0:
			j = st.inQuote(s, j)
			if st.Quote == 0 {
				atStart = false
			}
		case c == ' ' || c == '\t':
		case c == '#' && (j == 0 || s[j-1] == ' ' || s[j-1] == '\t'):
			return
		case atStart && (c == '"' || c == '\''):
			st.Quote, st.QuoteLine = c, i
		case atStart && (c == '&' || c == '!' || c == '*'):
			// An anchor, tag or alias: the node (if any) comes after it.
			for j+1 < len(s) && s[j+1] != ' ' && s[j+1] != '\t' && !(len(st.Flows) > 0 && plainEnd(s[j+1], true)) {
				j++
			}
		case atStart && (c == '[' || c == '{'):
			st.Flows = append(st.Flows, Opener{Ch: c, Line: i})
		case len(st.Flows) > 0 && (c == ']' || c == '}'):
			st.Flows = st.Flows[:len(st.Flows)-1]
			atStart = false
		case len(st.Flows) > 0 && c == ',':
			st.Flows[len(st.Flows)-1].Value = false
			atStart = true
		case c == ':' && isColonEnd(s, j+1, len(st.Flows) > 0):
			if n := len(st.Flows); n > 0 {
				st.Flows[n-1].Value = true
			}
			atStart, sawKey = true, true
		case atStart && len(st.Flows) == 0 && (c == '|' || c == '>') && isBlockHeader(s[j+1:]):
			st.Block, st.BlockOwner = i, dashCol
			if sawKey {
				st.BlockOwner = keyCol
			}
			return
		default:
			// Plain text: skip to what may end it, a key's ':' or a
			// comment, and in a flow also a bracket or a comma.
			atStart = false
			end := min(stop, len(s))
			for j+1 < end && !plainEnd(s[j+1], len(st.Flows) > 0) {
				j++
			}
		}
	}
}

// plainEnd reports a byte that may end plain text.
func plainEnd(c byte, flow bool) bool {
	switch c {
	case ':', '#':
		return true
	case ',', '[', ']', '{', '}':
		return flow
	}
	return false
}

// inQuote advances over s[j] inside a quoted string, closing it at its
// quote, and returns the index of the last byte consumed.
func (st *State) inQuote(s string, j int) int {
	switch c := s[j]; {
	case st.Quote == '"' && c == '\\':
		return j + 1
	case c == st.Quote && c == '\'' && j+1 < len(s) && s[j+1] == '\'':
		return j + 1
	case c == st.Quote:
		st.Quote = 0
	}
	return j
}

// SkipDashes returns where a block line's content starts, after its
// indentation and "- " indicators, and the column of its last dash (its
// indentation when it has none).
func SkipDashes(s string) (int, int) {
	j := 0
	for j < len(s) && s[j] == ' ' {
		j++
	}
	dash := j
	for j < len(s) && s[j] == '-' && (j+1 == len(s) || s[j+1] == ' ') {
		dash = j
		j++
		for j < len(s) && s[j] == ' ' {
			j++
		}
	}
	return j, dash
}

// isColonEnd reports whether a ':' before s[j] ends a key: it is followed
// by a space or the end of the line, or, in a flow, by a flow indicator.
func isColonEnd(s string, j int, flow bool) bool {
	return j >= len(s) || s[j] == ' ' || s[j] == '\t' || (flow && strings.IndexByte(",]}", s[j]) >= 0)
}

// isBlockHeader reports whether rest, what follows a '|' or '>', makes it
// a block scalar indicator: indentation and chomping indicators, then only
// spaces or a comment.
func isBlockHeader(rest string) bool {
	i := 0
	for i < len(rest) && strings.IndexByte("+-123456789", rest[i]) >= 0 {
		i++
	}
	rest = strings.TrimLeft(rest[i:], " \t")
	return rest == "" || rest[0] == '#'
}

// FlowAt reports whether byte col of a line is inside a flow collection
// opened on that line, and if so whether a key (in a '{', before its ':')
// or a value goes there.
func FlowAt(s string, col int) (inFlow, key bool) {
	st := State{Block: -1}
	st.Advance(0, s, col)
	if st.Quote != 0 && len(st.Flows) > 0 {
		// Inside a quoted string in a flow: a value.
		return true, false
	}
	if len(st.Flows) == 0 {
		return false, false
	}
	in := st.Flows[len(st.Flows)-1]
	return true, in.Ch == '{' && !in.Value
}
