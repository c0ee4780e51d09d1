package cursor

import "strings"

// scanState is where a scan of an item's lines stands: inside a quoted
// string, flow collections or a block scalar, any of which may go on over
// several lines, and which readLine, looking at one line, cannot see.
type scanState struct {
	quote     byte // quote of a string still open, or 0
	quoteLine int  // line where that string opened
	flows     []opener
	// block is the line of the indicator of a block scalar whose text the
	// scan is in, or -1; the scalar's lines are those indented more than
	// blockOwner (and blank lines).
	block      int
	blockOwner int
}

// opener is an open flow bracket.
type opener struct {
	ch    byte // '[' or '{'
	line  int
	value bool // in a '{', a ':' was seen since the last ',' or the '{'
}

// scanLines returns the state at the start of each line and, last, the
// state after the last line.
func scanLines(lines []string) []scanState {
	out := make([]scanState, 0, len(lines)+1)
	st := scanState{block: -1}
	for i, s := range lines {
		out = append(out, st.clone())
		st.line(i, s, len(s))
	}
	return append(out, st)
}

func (st scanState) clone() scanState {
	st.flows = append([]opener(nil), st.flows...)
	return st
}

// unclosed returns the line where the construct still open at the end of
// the scan began (the innermost one), or -1.
func (st *scanState) unclosed() int {
	switch {
	case st.quote != 0:
		return st.quoteLine
	case len(st.flows) > 0:
		return st.flows[len(st.flows)-1].line
	}
	return -1
}

// line advances the state over line i, s, up to byte stop.
func (st *scanState) line(i int, s string, stop int) {
	if st.block >= 0 {
		t := strings.TrimLeft(s, " ")
		if t == "" || len(s)-len(t) > st.blockOwner {
			return
		}
		st.block = -1
	}
	j, dashCol, keyCol := 0, -1, -1
	if st.quote == 0 && len(st.flows) == 0 {
		j, dashCol = skipDashes(s)
		keyCol = j
	}
	atStart, sawKey := true, false
	for ; j < len(s) && j < stop; j++ {
		c := s[j]
		switch {
		case st.quote != 0:
			j = st.inQuote(s, j)
			if st.quote == 0 {
				atStart = false
			}
		case c == ' ' || c == '\t':
		case c == '#' && (j == 0 || s[j-1] == ' ' || s[j-1] == '\t'):
			return
		case atStart && (c == '"' || c == '\''):
			st.quote, st.quoteLine = c, i
		case atStart && (c == '&' || c == '!' || c == '*'):
			// An anchor, tag or alias: the node (if any) comes after it.
			for j+1 < len(s) && s[j+1] != ' ' && s[j+1] != '\t' && !(len(st.flows) > 0 && plainEnd(s[j+1], true)) {
				j++
			}
		case atStart && (c == '[' || c == '{'):
			st.flows = append(st.flows, opener{ch: c, line: i})
		case len(st.flows) > 0 && (c == ']' || c == '}'):
			st.flows = st.flows[:len(st.flows)-1]
			atStart = false
		case len(st.flows) > 0 && c == ',':
			st.flows[len(st.flows)-1].value = false
			atStart = true
		case c == ':' && isColonEnd(s, j+1, len(st.flows) > 0):
			if n := len(st.flows); n > 0 {
				st.flows[n-1].value = true
			}
			atStart, sawKey = true, true
		case atStart && len(st.flows) == 0 && (c == '|' || c == '>') && isBlockHeader(s[j+1:]):
			st.block, st.blockOwner = i, dashCol
			if sawKey {
				st.blockOwner = keyCol
			}
			return
		default:
			// Plain text: skip to what may end it, a key's ':' or a
			// comment, and in a flow also a bracket or a comma.
			atStart = false
			end := min(stop, len(s))
			for j+1 < end && !plainEnd(s[j+1], len(st.flows) > 0) {
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
func (st *scanState) inQuote(s string, j int) int {
	switch c := s[j]; {
	case st.quote == '"' && c == '\\':
		return j + 1
	case c == st.quote && c == '\'' && j+1 < len(s) && s[j+1] == '\'':
		return j + 1
	case c == st.quote:
		st.quote = 0
	}
	return j
}

// skipDashes returns where a block line's content starts, after its
// indentation and "- " indicators, and the column of its last dash (its
// indentation when it has none).
func skipDashes(s string) (int, int) {
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

// flowAt reports whether byte col of a line is inside a flow collection
// opened on that line, and if so whether a key (in a '{', before its ':')
// or a value goes there.
func flowAt(s string, col int) (inFlow, key bool) {
	st := scanState{block: -1}
	st.line(0, s, col)
	if st.quote != 0 && len(st.flows) > 0 {
		// Inside a quoted string in a flow: a value.
		return true, false
	}
	if len(st.flows) == 0 {
		return false, false
	}
	in := st.flows[len(st.flows)-1]
	return true, in.ch == '{' && !in.value
}
