package stepsync

import (
	"fmt"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
)

// Edit replaces [Start, End) of valohai.yaml with Text.
type Edit struct {
	Start, End int
	Text       string
}

// Apply applies edits (non-overlapping; inserts at one offset in order)
// to text.
func Apply(text string, edits []Edit) string {
	es := append([]Edit(nil), edits...)
	sort.SliceStable(es, func(i, j int) bool { return es[i].Start < es[j].Start })
	var b strings.Builder
	at := 0
	for _, e := range es {
		if e.Start < at {
			continue
		}
		b.WriteString(text[at:e.Start])
		b.WriteString(e.Text)
		at = e.End
	}
	b.WriteString(text[at:])
	return b.String()
}

// merged orders edits by offset and joins those that touch (an insert
// where another edit ends or starts), so that clients that reorder edits
// at one offset apply them as meant.
func merged(edits []Edit) []Edit {
	es := append([]Edit(nil), edits...)
	sort.SliceStable(es, func(i, j int) bool { return es[i].Start < es[j].Start })
	var out []Edit
	for _, e := range es {
		if n := len(out); n > 0 && e.Start == out[n-1].End {
			out[n-1].End = e.End
			out[n-1].Text += e.Text
			continue
		}
		out = append(out, e)
	}
	return out
}

// editor collects the edits of one action, refusing what it cannot edit
// without risk (flow collections, anchors, aliases).
type editor struct {
	m       *document.Mapper
	text    string
	nl      string
	edits   []Edit
	refused []string
}

func newEditor(m *document.Mapper) *editor {
	e := &editor{m: m, text: m.Text(), nl: "\n"}
	if strings.Contains(e.text, "\r\n") {
		e.nl = "\r\n"
	}
	return e
}

func (e *editor) add(start, end int, text string) {
	e.edits = append(e.edits, Edit{Start: start, End: end, Text: text})
}

func (e *editor) refuse(format string, args ...any) {
	e.refused = append(e.refused, fmt.Sprintf(format, args...))
}

// block reports whether n is a block mapping or sequence written in the
// text (not a flow collection, not an alias). An anchored block node is
// one; whether other nodes share it is shared's question.
func (e *editor) block(n *yaml.Node) bool {
	if n == nil || n.Kind == yaml.AliasNode || n.Style&yaml.FlowStyle != 0 {
		return false
	}
	start := e.m.NodeStart(n)
	if n.Anchor != "" {
		start = skipAnchor(e.text, start)
	}
	return start < len(e.text) && e.text[start] != '{' && e.text[start] != '['
}

// shared reports whether n is anchored and an alias of its anchor is
// written anywhere in the text, so that editing n would also change what
// the alias stands for (a `<<: *tr` merge into another step).
func (e *editor) shared(n *yaml.Node) bool {
	if n == nil || n.Anchor == "" {
		return false
	}
	alias := "*" + n.Anchor
	for i := strings.Index(e.text, alias); i >= 0; {
		end := i + len(alias)
		if end == len(e.text) || strings.ContainsRune(" \t\r\n,]}", rune(e.text[end])) {
			return true
		}
		next := strings.Index(e.text[end:], alias)
		if next < 0 {
			break
		}
		i = end + next
	}
	return false
}

// skipAnchor returns the offset after an `&name` and the blanks and line
// breaks after it that start at off.
func skipAnchor(text string, off int) int {
	if off >= len(text) || text[off] != '&' {
		return off
	}
	for off < len(text) && !strings.ContainsRune(" \t\r\n", rune(text[off])) {
		off++
	}
	for off < len(text) && strings.ContainsRune(" \t\r\n", rune(text[off])) {
		off++
	}
	return off
}

// keyCol returns the column of a mapping's keys: the column of its first
// key (an anchored mapping starts at its anchor), else the node's.
func keyCol(mp *yaml.Node) int {
	if mp.Anchor != "" && mp.Kind == yaml.MappingNode && mp.Style&yaml.FlowStyle == 0 && len(mp.Content) > 0 {
		return mp.Content[0].Column - 1
	}
	return mp.Column - 1
}

// colonAfter returns the offset just past the `:` that follows key.
func (e *editor) colonAfter(key *yaml.Node) int {
	i := e.m.NodeSpan(key).End
	for i < len(e.text) && (e.text[i] == ' ' || e.text[i] == '\t') {
		i++
	}
	if i < len(e.text) && e.text[i] == ':' {
		return i + 1
	}
	return -1
}

// dashCol returns the column of the dash of a block sequence's item.
func (e *editor) dashCol(it *yaml.Node) int {
	off := e.m.NodeStart(it)
	i := off - 1
	for i >= 0 && e.text[i] == ' ' {
		i--
	}
	if i >= 0 && e.text[i] == '-' {
		return e.m.Column(i)
	}
	return max(it.Column-3, 0)
}

// set gives key of the block mapping mp the value v, replacing only the
// value when the key is there, else adding `key: v` after the mapping's
// last line.
func (e *editor) set(mp *yaml.Node, what, key string, v any) {
	if e.shared(mp) {
		e.refuse("%s is anchored as &%s and merged elsewhere; set %s by hand", what, mp.Anchor, key)
		return
	}
	if !e.block(mp) {
		e.setFlow(mp, what, key, v)
		return
	}
	col := keyCol(mp)
	k, val := document.OwnKeyOf(mp, key), document.OwnValueOf(mp, key)
	if k == nil { // a key merged in by `<<` is overridden by the one added
		e.add(e.m.NodeExtent(mp).End, e.m.NodeExtent(mp).End, e.nl+strings.Repeat(" ", col)+field(Field{key, v}, col, e.nl))
		return
	}
	colon := e.colonAfter(k)
	if colon < 0 || val != nil && (val.Kind == yaml.AliasNode || val.Anchor != "" || val.Tag != "" && strings.HasPrefix(e.text[min(e.m.NodeStart(val), len(e.text)):], "!")) {
		e.refuse("%s of %s is written in a way not edited", key, what)
		return
	}
	if val == nil || val.Kind == yaml.ScalarNode && val.Value == "" && val.Tag == "!!null" && e.m.NodeSpan(val).End <= colon {
		e.add(colon, colon, value(v, strings.Repeat(" ", col+2), e.nl))
		return
	}
	ind := col + 2
	if val.Kind == yaml.SequenceNode && e.block(val) && len(val.Content) > 0 {
		ind = e.dashCol(val.Content[0]) // the list's own indentation
	}
	e.add(colon, e.m.NodeExtent(val).End, value(v, strings.Repeat(" ", ind), e.nl))
}

// setFlow gives key of the flow mapping mp the value v: the value
// replaced when the key is there, else `, key: v` before the closing
// brace.
func (e *editor) setFlow(mp *yaml.Node, what, key string, v any) {
	ext := e.m.NodeExtent(mp)
	if mp == nil || mp.Kind != yaml.MappingNode || mp.Anchor != "" || ext.End < 1 || e.text[ext.End-1] != '}' {
		e.refuse("%s is written in a way not edited; %s not set", what, key)
		return
	}
	val := document.OwnValueOf(mp, key)
	if val == nil {
		sep := ", "
		if len(mp.Content) == 0 {
			sep = ""
		}
		e.add(ext.End-1, ext.End-1, sep+key+": "+flowValue(v))
		return
	}
	if val.Kind != yaml.ScalarNode || val.Anchor != "" || val.Value == "" && val.Tag == "!!null" {
		e.refuse("%s of %s is written in a way not edited", key, what)
		return
	}
	sp := e.m.NodeSpan(val)
	e.add(sp.Start, sp.End, flowValue(v))
}

// flowValue writes a value inside a flow collection.
func flowValue(v any) string {
	if list, ok := v.([]any); ok {
		var parts []string
		for _, x := range list {
			parts = append(parts, flowValue(x))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	if str, ok := v.(string); ok && strings.ContainsAny(str, ",[]{}#:\"'") {
		n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: str, Style: yaml.DoubleQuotedStyle}
		if b, err := yaml.Marshal(n); err == nil {
			return strings.TrimSuffix(string(b), "\n")
		}
	}
	return scalar(v)
}

// listOffset is how far right of its key the step writes a block list's
// dashes (2 when it has none).
func (e *editor) listOffset(body *yaml.Node) int {
	for i := 1; i < len(body.Content); i += 2 {
		v := body.Content[i]
		if v.Kind == yaml.SequenceNode && e.block(v) && len(v.Content) > 0 {
			return e.dashCol(v.Content[0]) - (body.Content[i-1].Column - 1)
		}
	}
	return 2
}

// addItems adds items to the list under key of the step's mapping body:
// after its last item, with its indentation; creating the key at the
// step's key indentation when there is none.
func (e *editor) addItems(body *yaml.Node, step, key string, items []Item) {
	if len(items) == 0 {
		return
	}
	if e.shared(body) {
		e.refuse("step %q is anchored as &%s and merged into other steps; add %s by hand", step, body.Anchor, names(items))
		return
	}
	if !e.block(body) {
		e.refuse("step %q is a flow mapping; %s not added", step, key)
		return
	}
	k, list := document.OwnKeyOf(body, key), document.OwnValueOf(body, key)
	if k == nil && document.KeyOf(body, key) != nil {
		e.refuse("%s of step %q come from a `<<` merge; add %s by hand", key, step, names(items))
		return
	}
	col := keyCol(body)
	dash := col + e.listOffset(body)
	var b strings.Builder
	writeItems := func(dash, keyCol int) {
		for _, it := range items {
			b.WriteString(e.nl + item(it, dash, keyCol, e.nl))
		}
	}
	switch {
	case k == nil:
		end := e.m.NodeExtent(body).End
		b.WriteString(e.nl + strings.Repeat(" ", col) + key + ":")
		writeItems(dash, dash+2)
		e.add(end, end, b.String())
	case e.shared(list):
		e.refuse("%s of step %q is anchored as &%s and used elsewhere; add %s by hand", key, step, list.Anchor, names(items))
	case list != nil && list.Kind == yaml.SequenceNode && e.block(list) && len(list.Content) > 0:
		first := list.Content[0]
		writeItems(e.dashCol(first), keyCol(first))
		end := e.m.NodeExtent(list).End
		e.add(end, end, b.String())
	case list != nil && list.Kind == yaml.SequenceNode && len(list.Content) == 0 && list.Anchor == "" && list.Kind != yaml.AliasNode:
		colon := e.colonAfter(k)
		if colon < 0 {
			e.refuse("%s of step %q is written in a way not edited", key, step)
			return
		}
		writeItems(dash, dash+2)
		e.add(colon, e.m.NodeExtent(list).End, b.String())
	case list != nil && list.Kind == yaml.ScalarNode && list.Tag == "!!null" && list.Anchor == "":
		colon := e.colonAfter(k)
		if colon < 0 {
			e.refuse("%s of step %q is written in a way not edited", key, step)
			return
		}
		writeItems(dash, dash+2)
		end := colon
		if rest := strings.TrimLeft(e.text[colon:e.m.LineEnd(e.m.LineOf(colon))], " \t"); rest == "" || rest[0] == '#' {
			end = e.m.LineEnd(e.m.LineOf(colon))
			e.add(end, end, b.String())
			return
		}
		e.add(colon, e.m.NodeExtent(list).End, b.String())
	default:
		e.refuse("%s of step %q is a flow list or not a list; add %s by hand", key, step, names(items))
	}
}

// remove deletes the lines of a block list's item (the whole key when it
// is the list's only item).
func (e *editor) remove(body *yaml.Node, key string, it *yaml.Node, what string) {
	list := document.OwnValueOf(body, key)
	if list == nil {
		e.refuse("%s comes from a `<<` merge; remove it by hand", what)
		return
	}
	if e.shared(body) || e.shared(list) || e.shared(it) {
		e.refuse("%s is in an anchored part used elsewhere; remove it by hand", what)
		return
	}
	if !e.block(body) || !e.block(list) || !e.block(it) && !e.ownLines(it) {
		e.refuse("%s is in a flow collection; remove it by hand", what)
		return
	}
	target := it
	if len(list.Content) == 1 {
		target = document.OwnKeyOf(body, key)
	}
	startLine := e.m.LineOf(e.m.NodeStart(target))
	start := e.m.LineStart(startLine)
	var end int
	if target == it {
		end = e.m.NodeExtent(it).End
	} else {
		end = e.m.NodeExtent(list).End
	}
	endLine := e.m.LineOf(end)
	end = e.m.LineStart(endLine + 1)
	if endLine+1 >= e.m.LineCount() {
		end = len(e.text)
	}
	e.add(start, end, "")
}

// ownLines reports whether a flow item of a block list has its lines to
// itself: only its dash before it, only a comment after it.
func (e *editor) ownLines(it *yaml.Node) bool {
	if it.Anchor != "" || it.Kind == yaml.AliasNode {
		return false
	}
	ext := e.m.NodeExtent(it)
	before := strings.TrimSpace(e.text[e.m.LineStart(e.m.LineOf(ext.Start)):ext.Start])
	after := strings.TrimSpace(e.text[ext.End:e.m.LineEnd(e.m.LineOf(ext.End))])
	return before == "-" && (after == "" || after[0] == '#')
}

func names(items []Item) string {
	var out []string
	for _, it := range items {
		out = append(out, it.Name)
	}
	return strings.Join(out, ", ")
}
