package document

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// SyntaxError is a YAML error at a byte span of the text.
type SyntaxError struct {
	Start, End int
	Message    string
	// Fixes are the edits, each of one line (or of the tabs of the
	// item's indentation), with which the item parses.
	Fixes []SyntaxFix
	// Item is the part of the text that fails to parse: the item the
	// error is in, or the whole text.
	Item Span
	// Alternative, when not nil, is another line the mistake may be on
	// (a key dedented out of its mapping, above the line that does not
	// line up), with its own fixes. Which one it is, the schema tells
	// (FixedItem).
	Alternative *SyntaxError
}

// FixedItem parses the item of e with fix f made and returns the item's
// node (nil when it does not parse) and the mapper of the fixed text.
func FixedItem(m *Mapper, e *SyntaxError, f SyntaxFix) (*yaml.Node, *Mapper) {
	text := m.Text()
	if f.Start < e.Item.Start || f.End > e.Item.End || f.Start > f.End {
		return nil, nil
	}
	fm := NewMapper(text[:f.Start] + f.Text + text[f.End:])
	n, err := ParseSpan(fm, Span{e.Item.Start, e.Item.End + len(f.Text) - (f.End - f.Start)})
	if err != nil || len(n.Content) == 0 || n.Content[0].Kind != yaml.SequenceNode || len(n.Content[0].Content) != 1 {
		return nil, nil
	}
	return n.Content[0].Content[0], fm
}

// Parse parses text. When the whole text parses, Items are the top-level
// sequence's elements. Otherwise the error is located and explained, and each
// top-level item is parsed on its own so that the valid items can still be
// checked.
func Parse(text string, m *Mapper) *Parsed {
	p := &Parsed{}
	root, err := parseNode(text)
	if err == nil {
		p.Root = root
		p.Items = itemsOf(root, m)
		p.anchors = hasAnchors(root)
		p.memo = carry(nil, nil, nil)
		if e, ok := extraDocument(m); ok && moreDocuments(text) {
			p.Errors = append(p.Errors, &e)
		}
		return p
	}
	p.Partial = true
	for _, span := range ItemSpans(m) {
		node, ferr := ParseSpan(m, span)
		if ferr == nil {
			p.Items = append(p.Items, itemsOf(node, m)...)
			continue
		}
		if isCrossItemAlias(ferr, text) {
			continue
		}
		p.Errors = append(p.Errors, syntaxError(ferr, m, span))
	}
	if len(p.Errors) == 0 {
		p.Errors = append(p.Errors, syntaxError(err, m, Span{0, len(text)}))
	}
	if e, ok := extraDocument(m); ok && !erredAt(p.Errors, e.Start) {
		p.Errors = append(p.Errors, &e)
		sort.SliceStable(p.Errors, func(i, j int) bool { return p.Errors[i].Start < p.Errors[j].Start })
	}
	return p
}

// isCrossItemAlias reports an item that fails alone only because it uses an
// anchor defined in another item.
func isCrossItemAlias(err error, text string) bool {
	name, ok := strings.CutPrefix(err.Error(), "yaml: unknown anchor '")
	if !ok {
		return false
	}
	name = strings.TrimSuffix(name, "' referenced")
	return strings.Contains(text, "&"+name)
}

func (p *Parsed) hasErrorOnLine(m *Mapper, line int) bool {
	for _, e := range p.Errors {
		if m.LineOf(e.Start) == line {
			return true
		}
	}
	return false
}

// parseNode parses text into a document node. An empty document gives a
// document node without content.
func parseNode(text string) (n *yaml.Node, err error) {
	defer func() {
		// yaml.v3 has panicked on some malformed inputs; never let that escape.
		if r := recover(); r != nil {
			n, err = nil, errors.New("yaml: cannot parse this document")
		}
	}()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		return nil, err
	}
	if doc.Kind == 0 {
		doc.Kind = yaml.DocumentNode
	}
	return &doc, nil
}

// ParseSpan parses the whole lines of span on their own and moves the
// line numbers of the nodes (and of an error) to where the lines are in the
// text. It is much cheaper than parsing a Fragment of a long text.
func ParseSpan(m *Mapper, span Span) (*yaml.Node, error) {
	first := m.LineOf(span.Start)
	start := m.LineStart(first)
	n, err := parseNode(m.Text()[start:span.End])
	if err != nil {
		return nil, shiftError(err, first)
	}
	shiftLines(n, first)
	return n, nil
}

// shiftError moves the line number of a yaml.v3 error by delta lines.
func shiftError(err error, delta int) error {
	sub := lineRe.FindStringSubmatch(err.Error())
	if sub == nil || delta == 0 {
		return err
	}
	n, convErr := strconv.Atoi(sub[1])
	if convErr != nil {
		return err
	}
	return fmt.Errorf("yaml: line %d: %s", n+delta, sub[2])
}

func shiftLines(n *yaml.Node, delta int) {
	if delta == 0 {
		return
	}
	stack := []*yaml.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Line > 0 {
			n.Line += delta
		}
		stack = append(stack, n.Content...)
	}
}

// ParseFragment parses a piece of text built by Fragment, recovering from
// panics. It returns the document node.
func ParseFragment(text string) (*yaml.Node, error) { return parseNode(text) }

// itemsOf returns the elements of a document's top-level sequence.
func itemsOf(doc *yaml.Node, m *Mapper) []*Item {
	if doc == nil || len(doc.Content) == 0 {
		return nil
	}
	seq := doc.Content[0]
	if seq.Kind != yaml.SequenceNode {
		return nil
	}
	items := make([]*Item, 0, len(seq.Content))
	for i, n := range seq.Content {
		it := &Item{Node: n, Start: m.OffsetOfLineCol(n.Line, n.Column)}
		if i+1 < len(seq.Content) {
			next := seq.Content[i+1]
			it.End = m.LineStart(next.Line - 1)
		} else {
			it.End = len(m.Text())
		}
		items = append(items, it)
	}
	return items
}

// Span is a byte range of the text.
type Span struct{ Start, End int }

// ItemSpans splits the text into top-level items by scanning lines: an item
// starts at a line whose first character is the root sequence's dash. The
// spans cover whole lines.
func ItemSpans(m *Mapper) []Span {
	indent := -1
	var spans []Span
	for line := 0; line < m.LineCount(); line++ {
		s := m.Line(line)
		trimmed := strings.TrimLeft(s, " ")
		if trimmed == "" || trimmed[0] == '#' || strings.HasPrefix(s, "---") || strings.HasPrefix(s, "...") {
			continue
		}
		ind := len(s) - len(trimmed)
		if indent < 0 {
			if !isDash(trimmed) {
				return []Span{{0, len(m.Text())}}
			}
			indent = ind
			if indent == 0 && !strings.ContainsRune(m.text, '\r') {
				return itemSpansAtZero(m, line)
			}
		}
		if ind == indent && isDash(trimmed) {
			if n := len(spans); n > 0 {
				spans[n-1].End = m.LineStart(line)
			}
			spans = append(spans, Span{Start: m.LineStart(line), End: len(m.Text())})
		}
	}
	return spans
}

// itemSpansAtZero is ItemSpans for items at column zero of a text whose
// lines end with "\n", the first starting on line first: it looks only at
// the lines that start with a dash.
func itemSpansAtZero(m *Mapper, first int) []Span {
	text := m.text
	spans := []Span{{Start: m.LineStart(first), End: len(text)}}
	for pos := spans[0].Start; ; {
		i := strings.Index(text[pos:], "\n-")
		if i < 0 {
			return spans
		}
		start := pos + i + 1
		pos = start
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text) - start
		}
		if s := text[start : start+end]; isDash(s) && !strings.HasPrefix(s, "---") {
			spans[len(spans)-1].End = start
			spans = append(spans, Span{Start: start, End: len(text)})
		}
	}
}

// editedSpans returns ItemSpans(m) for a text that differs from om's,
// whose item spans are old, only after its first pre bytes and before its
// last suf bytes: the item starts before and after the change are kept
// (moved), and only the lines the change touched are read. The whole
// text is read (and whole is true) when its items are not at column zero
// of lines ending in "\n", or when the change reaches the first item's
// first line.
func editedSpans(om *Mapper, old []Span, m *Mapper, pre, suf int) (spans []Span, whole bool) {
	text, otext := m.text, om.text
	if m.cr || om.cr || len(old) == 0 || pre > len(text) || suf > len(text)-pre {
		return ItemSpans(m), true
	}
	first := old[0].Start
	firstEnd := strings.IndexByte(otext[first:], '\n')
	if firstEnd < 0 || pre <= first+firstEnd || !isDash(otext[first:first+firstEnd]) {
		return ItemSpans(m), true
	}
	delta := len(text) - len(otext)
	end := len(text) - suf
	lo := strings.LastIndexByte(text[:pre], '\n') + 1 // the first line the change touched
	hi := len(text)                                   // the newline ending the last one
	if j := strings.IndexByte(text[end:], '\n'); j >= 0 {
		hi = end + j
	}
	var starts []int
	for _, sp := range old {
		if sp.Start < lo {
			starts = append(starts, sp.Start)
		}
	}
	for p := lo; p <= hi && p < len(text); {
		j := strings.IndexByte(text[p:], '\n')
		if j < 0 {
			j = len(text) - p
		}
		if s := text[p : p+j]; isDash(s) && !strings.HasPrefix(s, "---") {
			starts = append(starts, p)
		}
		p += j + 1
	}
	for _, sp := range old {
		if sp.Start+delta > hi {
			starts = append(starts, sp.Start+delta)
		}
	}
	spans = make([]Span, len(starts))
	for i, s := range starts {
		spans[i] = Span{Start: s, End: len(text)}
		if i > 0 {
			spans[i-1].End = s
		}
	}
	return spans, false
}

func isDash(s string) bool {
	return s == "-" || strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "-\t")
}

// Fragment returns a copy of text in which everything outside [start, end)
// is blank, line structure kept, so that yaml.v3 positions in the fragment
// are positions in the whole text. replace, when given, substitutes whole
// lines (by zero-based line number) before blanking.
func Fragment(m *Mapper, start, end int, replace map[int]string) string {
	var b strings.Builder
	first, last := m.LineOf(start), m.LineOf(end)
	if end > 0 && end == m.LineStart(last) {
		last--
	}
	b.Grow(end - start + first + 64)
	for i := 0; i < first; i++ {
		b.WriteByte('\n')
	}
	for line := first; line <= last && line < m.LineCount(); line++ {
		if r, ok := replace[line]; ok {
			b.WriteString(r)
		} else {
			b.WriteString(m.Line(line))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

var lineRe = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxError turns a yaml.v3 error into a located, readable error. span
// is the part of the text (one item, or all of it) that fails to parse.
func syntaxError(err error, m *Mapper, span Span) *SyntaxError {
	msg := err.Error()
	line := -1
	if sub := lineRe.FindStringSubmatch(msg); sub != nil {
		if n, convErr := strconv.Atoi(sub[1]); convErr == nil {
			line = n - 1
		}
		msg = sub[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	if line < 0 || line >= m.LineCount() {
		line = lastContentLine(m)
	}
	eos := strings.Contains(msg, "end of stream")
	if !eos && line >= 0 {
		line = firstFailingLine(m, span, line)
	}
	line = clampLine(m, line)
	b := locate(m, span, line, msg, eos)
	e := located(m, span, b)
	if b.kind == misindented {
		if d, ok := dedentedKey(m, span, b.line); ok {
			if alt := located(m, span, d); len(alt.Fixes) > 0 {
				e.Alternative = alt
			}
		}
	}
	return e
}

// located returns the error of blame b, at its line, with its repairs.
func located(m *Mapper, span Span, b blame) *SyntaxError {
	start := m.LineStart(b.line) + indentWidth(m.Line(b.line))
	end := m.LineEnd(b.line)
	if start >= end {
		start = m.LineStart(b.line)
	}
	return &SyntaxError{Start: start, End: end, Message: b.msg, Fixes: repairs(m, span, b), Item: span}
}

// locate finds the mistake behind a yaml.v3 error, msg, that the text
// of span fails to parse with at line: a quote left open (which a later
// quote may have ended lines below), a key dedented out of its mapping,
// or what the error's words say of line itself.
func locate(m *Mapper, span Span, line int, msg string, eos bool) blame {
	if eos {
		line = m.LineOf(max(span.End-1, span.Start))
	}
	if b, ok := runawayQuote(m, span, line); ok {
		return b
	}
	if eos {
		if b, ok := neverClosed(m, span); ok {
			return b
		}
	}
	return explain(m, line, msg)
}

// maxLocateLines bounds the items in which the failing line is searched for.
const maxLocateLines = 2000

// firstFailingLine finds the first line of span whose inclusion makes the
// text fail to parse. yaml.v3 reports the line where the enclosing construct
// started, which is often lines above the mistake; a binary search over
// prefixes of the item finds the line itself. Prefixes that fail only
// because they end inside an unfinished construct do not count.
func firstFailingLine(m *Mapper, span Span, reported int) int {
	first, last := m.LineOf(span.Start), m.LineOf(span.End)
	if span.End == m.LineStart(last) && last > first {
		last--
	}
	if last-first > maxLocateLines || reported < first {
		return reported
	}
	fails := func(line int) bool {
		_, err := ParseSpan(m, Span{span.Start, m.LineEnd(line)})
		return err != nil && !strings.Contains(err.Error(), "end of stream")
	}
	if !fails(last) {
		return reported
	}
	lo, hi := first, last
	for lo < hi {
		mid := (lo + hi) / 2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// ErrorLine returns the zero-based line that holds the mistake behind err,
// a parse error of the part span of m's text.
func ErrorLine(m *Mapper, span Span, err error) int {
	msg := err.Error()
	line := -1
	if sub := lineRe.FindStringSubmatch(msg); sub != nil {
		if n, convErr := strconv.Atoi(sub[1]); convErr == nil {
			line = n - 1
		}
	}
	if line < 0 || line >= m.LineCount() {
		return -1
	}
	if !strings.Contains(msg, "end of stream") {
		line = firstFailingLine(m, span, line)
	}
	return clampLine(m, line)
}

func clampLine(m *Mapper, line int) int {
	if line >= m.LineCount() {
		line = m.LineCount() - 1
	}
	if line < 0 {
		line = 0
	}
	return line
}

func lastContentLine(m *Mapper) int {
	for l := m.LineCount() - 1; l >= 0; l-- {
		if strings.TrimSpace(m.Line(l)) != "" {
			return l
		}
	}
	return 0
}

func indentWidth(s string) int {
	return len(s) - len(strings.TrimLeft(s, " \t"))
}

// erredAt reports a syntax error starting on the line of off.
func erredAt(errs []*SyntaxError, off int) bool {
	for _, e := range errs {
		if e.Start <= off && off < e.End {
			return true
		}
	}
	return false
}
