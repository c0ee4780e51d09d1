package document

import (
	"strconv"
	"strings"

	"github.com/valohai-ls/valohai-ls/document/yamlline"
)

// SyntaxFix is one edit, [Start, End) replaced by Text, that undoes a syntax
// error: with it made, the item the error is in parses. Title says what it
// does. Rank orders the readings of the mistake: 0 for what the text most
// likely meant (a tab as the columns it stands for, a quote closed), 1 for
// a guess from the lines around it.
type SyntaxFix struct {
	Start, End int
	Text       string
	Title      string
	Rank       int
	// Choice marks one of the readings of a text that says no more (a
	// quote closed before " #" or at the line's end): with another that
	// reads differently, they are offered as a choice, not as one fix.
	Choice bool
}

// maxRepairTries bounds the candidate edits parsed for one error.
const maxRepairTries = 10

// repairs returns the edits of b's line, of the kind of its mistake, with
// which span parses. Each candidate is parsed; more than one may parse
// (the quick fixes then weigh them by the findings of the result).
func repairs(m *Mapper, span Span, b blame) []SyntaxFix {
	var cands []SyntaxFix
	switch b.kind {
	case tabIndent:
		cands = tabRepairs(m, span, b.line)
	case noSpaceAfter:
		cands = spaceRepairs(m, b.line)
	case openQuoteAt:
		cands = quoteRepairs(m, b.line, b.quote)
	case misindented:
		cands = indentRepairs(m, span, b)
	}
	var out []SyntaxFix
	for i, r := range cands {
		if i == maxRepairTries {
			break
		}
		if parsesWith(m, span, r) {
			out = append(out, r)
		}
	}
	return out
}

// parsesWith reports whether the lines of span parse with r made.
func parsesWith(m *Mapper, span Span, r SyntaxFix) bool {
	text := m.Text()
	start := m.LineStart(m.LineOf(span.Start))
	if r.Start < start || r.End > span.End || r.Start > r.End {
		return false
	}
	_, err := parseNode(text[start:r.Start] + r.Text + text[r.End:span.End])
	return err == nil
}

// reindent returns the edit that gives line the indentation width.
func reindent(m *Mapper, line, width int, title string) SyntaxFix {
	s := m.Line(line)
	start := m.LineStart(line)
	return SyntaxFix{Start: start, End: start + indentWidth(s), Text: strings.Repeat(" ", width), Title: title}
}

// tabRepairs indents the line with spaces instead of its tab: as many as
// the tab stands for at a tab width of 2, 4 or 8, or as many as a line
// around it is indented. Where other lines of span are indented with tabs
// too, all of them are (the tabs as 2, 4 or 8 spaces).
func tabRepairs(m *Mapper, span Span, line int) []SyntaxFix {
	var widths []int
	seen := map[int]bool{}
	add := func(w int) {
		if w > 0 && !seen[w] {
			seen[w] = true
			widths = append(widths, w)
		}
	}
	ws := m.Line(line)[:indentWidth(m.Line(line))]
	for _, tw := range []int{2, 4, 8} {
		add(expandTabs(ws, tw))
	}
	expanded := len(widths)
	first, lines := spanLines(m, span)
	for _, l := range []int{prevContent(lines, line-first), nextContent(lines, line-first)} {
		if l >= 0 && !strings.Contains(lines[l][:indentWidth(lines[l])], "\t") {
			li := yamlline.Read(lines[l])
			add(li.Indent)
			add(li.KeyStart)
		}
	}
	var out []SyntaxFix
	for i, w := range widths {
		f := reindent(m, line, w, "Indent with "+strconv.Itoa(w)+" spaces instead of a tab")
		if i >= expanded {
			f.Rank = 1
		}
		out = append(out, f)
	}
	tabbed := 0
	for _, s := range lines {
		if strings.Contains(s[:indentWidth(s)], "\t") {
			tabbed++
		}
	}
	if tabbed > 1 {
		for _, tw := range []int{2, 4, 8} {
			out = append(out, untabAll(m, first, lines, tw))
		}
	}
	return out
}

// untabAll replaces the tabs of the indentation of every line of lines
// (from document line first) with spaces, at tab width tw.
func untabAll(m *Mapper, first int, lines []string, tw int) SyntaxFix {
	var b strings.Builder
	lo, hi := -1, -1
	for i, s := range lines {
		if strings.Contains(s[:indentWidth(s)], "\t") {
			if lo < 0 {
				lo = i
			}
			hi = i
		}
	}
	for i := lo; i <= hi; i++ {
		s := lines[i]
		ws := s[:indentWidth(s)]
		if strings.Contains(ws, "\t") {
			s = strings.Repeat(" ", expandTabs(ws, tw)) + s[len(ws):]
		}
		b.WriteString(s)
		if i < hi {
			b.WriteString(m.Text()[m.LineEnd(first+i):m.LineStart(first+i+1)])
		}
	}
	return SyntaxFix{Start: m.LineStart(first + lo), End: m.LineEnd(first + hi), Text: b.String(),
		Title: "Indent with spaces instead of tabs (a tab as " + strconv.Itoa(tw) + ")"}
}

// expandTabs returns the width of indentation ws with tabs stopping every
// tw columns.
func expandTabs(ws string, tw int) int {
	col := 0
	for _, c := range ws {
		if c == '\t' {
			col += tw - col%tw
		} else {
			col++
		}
	}
	return col
}

func prevContent(lines []string, i int) int {
	for l := i - 1; l >= 0; l-- {
		if !blankOrComment(lines[l]) {
			return l
		}
	}
	return -1
}

func nextContent(lines []string, i int) int {
	for l := i + 1; l < len(lines); l++ {
		if !blankOrComment(lines[l]) {
			return l
		}
	}
	return -1
}

// spaceRepairs adds the space missing after the line's key's ':'.
func spaceRepairs(m *Mapper, line int) []SyntaxFix {
	s := m.Line(line)
	li := yamlline.Read(s)
	i := strings.IndexByte(s[li.KeyStart:], ':')
	if i < 0 {
		return nil
	}
	at := m.LineStart(line) + li.KeyStart + i + 1
	return []SyntaxFix{{Start: at, End: at, Text: " ", Title: "Add a space after ':'"}}
}

// quoteRepairs closes the quote q left open on line at the line's end,
// and, when a " #" follows the quote, before it too (a comment, or text:
// two readings); or else removes it.
// A value that ends with the other quote (`'python:3.9"`) is closed by
// making that quote the right one; one that holds an odd number of the
// other quote (`"run --msg 'hi`) lacks more than one quote, and no single
// edit is offered.
func quoteRepairs(m *Mapper, line int, q byte) []SyntaxFix {
	s := m.Line(line)
	at := len(strings.TrimRight(s, " \t"))
	end := at // the line's end, where the quote may close after a " #" too
	title := "Close the quote at the end of the line"
	open := openQuoteIndex(s)
	if open >= 0 && s[open] == q {
		if c := strings.Index(s[open+1:], " #"); c >= 0 {
			at = open + 1 + len(strings.TrimRight(s[open+1:open+1+c], " \t"))
			title = "Close the quote before the comment"
		}
		other := "'"
		if q == '\'' {
			other = `"`
		}
		switch body, n := s[open+1:at], quotesIn(s[open+1:at], other[0]); {
		case strings.HasSuffix(body, other) && n == 1:
			o := m.LineStart(line) + at - 1
			return []SyntaxFix{{Start: o, End: o + 1, Text: string(q), Title: "End the string with " + string(q) + " instead of " + other}}
		case n%2 == 1:
			return nil
		}
	}
	out := []SyntaxFix{{Start: m.LineStart(line) + at, End: m.LineStart(line) + at, Text: string(q), Title: title, Choice: end != at}}
	if end != at {
		// " # …" may be a comment or part of the text (`"Use # of epochs`):
		// both readings, for the user to choose.
		o := m.LineStart(line) + end
		out = append(out, SyntaxFix{Start: o, End: o, Text: string(q), Title: "Close the quote at the end of the line", Choice: true})
	}
	if open >= 0 && s[open] == q {
		// The quote may be one too many: a plain value with a quote
		// typed before it.
		o := m.LineStart(line) + open
		out = append(out, SyntaxFix{Start: o, End: o + 1, Title: "Remove the quote", Rank: 1})
	}
	return out
}

// quotesIn counts the quotes q in s, an apostrophe between two letters
// (`model's`) aside.
func quotesIn(s string, q byte) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] != q {
			continue
		}
		if q == '\'' && i > 0 && i+1 < len(s) && isLetter(s[i-1]) && isLetter(s[i+1]) {
			continue
		}
		n++
	}
	return n
}

func isLetter(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }

// indentRepairs moves the line to the indentation of the mapping it
// belongs to when b knows it, or else to that of a line above it (the
// nearest first, the others ranked after it).
func indentRepairs(m *Mapper, span Span, b blame) []SyntaxFix {
	s := m.Line(b.line)
	if strings.Contains(s[:indentWidth(s)], "\t") || blankOrComment(s) {
		return nil
	}
	own := indentWidth(s)
	first, lines := spanLines(m, span)
	var out []SyntaxFix
	if len(b.indents) > 0 {
		for i, w := range b.indents {
			f := reindent(m, b.line, w, "Indent this key by "+strconv.Itoa(w-own)+" more spaces")
			f.Rank = min(i, 1)
			out = append(out, f)
		}
		return out
	}
	seen := map[int]bool{own: true}
	for l := prevContent(lines, b.line-first); l >= 0; l = prevContent(lines, l) {
		li := yamlline.Read(lines[l])
		if li.Colon < 0 && li.Dashes == 0 {
			continue
		}
		for _, w := range []int{li.KeyStart, li.Indent} {
			if !seen[w] {
				seen[w] = true
				f := reindent(m, b.line, w, "Line this key up with line "+strconv.Itoa(first+l+1))
				f.Rank = min(len(out), 1)
				out = append(out, f)
			}
		}
	}
	return out
}
