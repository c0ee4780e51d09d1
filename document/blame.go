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
// kind of mistake it is. For a misindented line, indent, when not -1,
// is the indentation of the keys of the mapping it belongs to.
type blame struct {
	line   int
	msg    string
	kind   mistake
	quote  byte
	indent int
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

func neverEnds(q byte) string {
	return "unclosed " + quoteName(q) + " quote: the string that starts here never ends"
}

func blankOrComment(s string) bool {
	t := strings.TrimSpace(s)
	return t == "" || t[0] == '#'
}
