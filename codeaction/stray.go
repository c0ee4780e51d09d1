package codeaction

import (
	"strings"

	"github.com/valohai-ls/valohai-ls/diagnostics"
)

// indentStray offers, for a key written beside an item's kind instead of
// under it (a key dedented out of a step), to indent it, with the lines
// of its value, to the column of the kind's keys, when the file then says
// nothing new about the YAML's shape.
func indentStray(c *ctx, d diagnostics.Diagnostic) []Action {
	if d.Code != diagnostics.CodeStrayKey || d.Fix == nil || d.Fix.Move == nil || d.Fix.Mapping == nil {
		return nil
	}
	mv := d.Fix.Move
	first, last := c.m.LineOf(mv.Key.Start), c.m.LineOf(max(mv.Value.End-1, mv.Key.Start))
	col := mv.Key.Start - c.m.LineStart(first)
	by := d.Fix.Mapping.Indent - col
	if by <= 0 || strings.TrimSpace(c.doc.Text[c.m.LineStart(first):mv.Key.Start]) != "" {
		return nil
	}
	var b strings.Builder
	pad := strings.Repeat(" ", by)
	for l := first; l <= last; l++ {
		if s := c.m.Line(l); strings.TrimSpace(s) != "" {
			b.WriteString(pad)
			b.WriteString(s)
		}
		if l < last {
			b.WriteString(c.doc.Text[c.m.LineEnd(l):c.m.LineStart(l+1)])
		}
	}
	e := Edit{Start: c.m.LineStart(first), End: c.m.LineEnd(last), Text: b.String()}
	if _, _, ok := c.newFindings(d, e, nil); !ok {
		return nil
	}
	return []Action{{Title: "Indent `" + mv.Name + "` with the keys above it", Edits: []Edit{e}, Preferred: true}}
}
