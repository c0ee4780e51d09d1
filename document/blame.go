package document

import (
	"strconv"
	"strings"

	"github.com/valohai-ls/valohai-ls/document/yamlline"
)

// mistake is the kind of a syntax error's mistake that one edit of its
// line may undo.
type mistake int

const (
	otherMistake mistake = iota
	tabIndent            // a tab in the line's indentation
	noSpaceAfter         // "key:value", the space after ':' missing
	openQuoteAt          // a quote left open on the line
	misindented          // a key at the wrong indentation
)

// blame is where a syntax error's mistake is, what it says, and what
// kind of mistake it is. For a misindented line, indents, when given,
// are the indentations of the keys of the mappings it may belong to, the
// likeliest first.
type blame struct {
	line    int
	msg     string
	kind    mistake
	quote   byte
	indents []int
}

// spanLines returns the first line of span and the text of its lines.
func spanLines(m *Mapper, span Span) (int, []string) {
	first, last := m.LineOf(span.Start), m.LineOf(span.End)
	if span.End == m.LineStart(last) && last > first {
		last--
	}
	lines := make([]string, 0, last-first+1)
	for l := first; l <= last; l++ {
		lines = append(lines, m.Line(l))
	}
	return first, lines
}

// runawayQuote finds, in the lines of span up to line, a quoted string
// that a later quote ended lines below where it began, after it had
// taken in a line that reads as a key or list item of the mapping (or
// list) the string's own line is in: a quote left open, whose string ran
// on until the next quote in the text. It returns the line where the
// string began and its quote.
func runawayQuote(m *Mapper, span Span, line int) (blame, bool) {
	first, lines := spanLines(m, span)
	if line < first || line-first >= len(lines) {
		return blame{}, false
	}
	lines = lines[:line-first+1]
	states := yamlline.Scan(lines)
	for i := range lines {
		st := states[i]
		if st.Quote == 0 || st.QuoteLine >= i {
			continue
		}
		open := yamlline.Read(lines[st.QuoteLine])
		li := yamlline.Read(lines[i])
		if li.Indent > open.KeyStart || li.Colon < 0 && li.Dashes == 0 || strings.TrimSpace(lines[i]) == "" {
			continue
		}
		end := i
		for end < len(lines) && states[end+1].Quote == st.Quote && states[end+1].QuoteLine == st.QuoteLine {
			end++
		}
		if end == len(lines) {
			return blame{line: first + st.QuoteLine, kind: openQuoteAt, quote: st.Quote, msg: neverEnds(st.Quote)}, true
		}
		return blame{
			line: first + st.QuoteLine, kind: openQuoteAt, quote: st.Quote,
			msg: "unclosed quote: the " + quoteName(st.Quote) + "-quoted string that starts here runs on to the " + string(st.Quote) +
				" on line " + strconv.Itoa(first+end+1) + "; close it on this line",
		}, true
	}
	return blame{}, false
}

// neverClosed finds the quote or flow bracket of span that is still open
// at its end: the construct the text ended in.
func neverClosed(m *Mapper, span Span) (blame, bool) {
	first, lines := spanLines(m, span)
	st := yamlline.Scan(lines)[len(lines)]
	switch {
	case st.Quote != 0:
		return blame{line: first + st.QuoteLine, kind: openQuoteAt, quote: st.Quote, msg: neverEnds(st.Quote)}, true
	case len(st.Flows) > 0:
		o := st.Flows[len(st.Flows)-1]
		if o.Ch == '[' {
			return blame{line: first + o.Line, msg: unclosedList}, true
		}
		return blame{line: first + o.Line, msg: unclosedMapping}, true
	}
	return blame{}, false
}

// dedentedKey finds the key above line, which does not line up with the
// lines above it, that may have ended their mapping too early: the
// nearest line above it indented less (or, above a list item, as much),
// a key, after a line whose key is indented more. Moved to that line's
// indentation, the key would be in that line's mapping.
func dedentedKey(m *Mapper, span Span, line int) (blame, bool) {
	first, _ := spanLines(m, span)
	el := yamlline.Read(m.Line(line))
	d := -1
	for l := line - 1; l >= first; l-- {
		s := m.Line(l)
		if blankOrComment(s) {
			continue
		}
		if li := yamlline.Read(s); li.Indent < el.Indent || el.Dashes > 0 && li.Indent == el.Indent {
			d = l
			break
		}
	}
	if d < 0 {
		return blame{}, false
	}
	dl := yamlline.Read(m.Line(d))
	if dl.Dashes > 0 || dl.Colon < 0 || strings.ContainsRune(m.Line(d)[:dl.Indent], '\t') {
		return blame{}, false
	}
	// The keys' columns still open at d, the nearest first.
	var cols []int
	lim := -1
	for l := d - 1; l >= first && len(cols) < 4; l-- {
		s := m.Line(l)
		if blankOrComment(s) {
			continue
		}
		li := yamlline.Read(s)
		if li.Colon >= 0 && li.KeyStart > dl.Indent && (lim < 0 || li.KeyStart <= lim) && (len(cols) == 0 || cols[len(cols)-1] != li.KeyStart) {
			cols = append(cols, li.KeyStart)
		}
		if li.Indent <= dl.Indent {
			break
		}
		if lim < 0 || li.Indent < lim {
			lim = li.Indent
		}
	}
	if len(cols) == 0 {
		return blame{}, false
	}
	return blame{line: d, kind: misindented, indents: cols,
		msg: "this key is indented less than the lines above it, so the lines after it do not line up: check its indentation"}, true
}

func neverEnds(q byte) string {
	return "unclosed " + quoteName(q) + " quote: the string that starts here never ends"
}

func blankOrComment(s string) bool {
	t := strings.TrimSpace(s)
	return t == "" || t[0] == '#'
}
