package codeaction

import (
	"context"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
)

// syntaxFix offers, for a YAML syntax error, the one edit of its line
// (a tab made spaces, a space after ':', a quote closed, a key lined up)
// with which the file parses and says nothing it did not say before: the
// document found at fault outside the broken item must be the same, and
// in the item, now read, nothing may be wrong with its shape (an unknown,
// stray or missing key, a wrong type). The edit is offered only when it
// is the one candidate that passes; then it needs no choice.
func syntaxFix(c *ctx, d diagnostics.Diagnostic) []Action {
	if d.Code != diagnostics.CodeSyntax || d.Fix == nil || len(d.Fix.Syntax) == 0 {
		return nil
	}
	var out []Action
	for _, f := range d.Fix.Syntax {
		if f.Start < 0 || f.End > len(c.doc.Text) || f.Start > f.End {
			continue
		}
		e := Edit{Start: f.Start, End: f.End, Text: f.Text}
		if c.changesNothingElse(d, e) {
			out = append(out, Action{Title: f.Title, Edits: []Edit{e}, Preferred: true})
		}
	}
	if len(out) != 1 {
		return nil
	}
	return out
}

// finding is a finding as compared across a fix that keeps the lines
// where they are: its code, message and line.
type finding struct {
	code, msg string
	line      int
}

// findings returns, counted, what the document is found at fault for.
func (c *ctx) findings() map[finding]int {
	if c.found == nil {
		c.found = count(c.doc, diagnostics.Diagnose(context.Background(), c.doc))
	}
	return c.found
}

func count(doc *document.Document, ds []diagnostics.Diagnostic) map[finding]int {
	m := doc.Mapper()
	out := map[finding]int{}
	for _, d := range ds {
		out[finding{d.Code, d.Message, m.LineOf(d.Start)}]++
	}
	return out
}

// changesNothingElse reports whether the text with edit e made parses
// where syntax error d was, and is found at fault for nothing but what it
// was before (d aside), or, in the item d was in, for a value.
func (c *ctx) changesNothingElse(d diagnostics.Diagnostic, e Edit) bool {
	left := map[finding]int{}
	for k, n := range c.findings() {
		left[k] = n
	}
	left[finding{d.Code, d.Message, c.m.LineOf(d.Start)}]--
	fixed := document.New(c.doc.URI, c.doc.Version, Apply(c.doc.Text, []Edit{e}))
	if fixed.Mapper().LineCount() != c.m.LineCount() {
		return false
	}
	first, last := c.itemLines(d.Start)
	for k, n := range count(fixed, diagnostics.Diagnose(context.Background(), fixed)) {
		extra := n - max(left[k], 0)
		if extra <= 0 {
			continue
		}
		if k.line < first || k.line > last || diagnostics.Structural(k.code) {
			return false
		}
	}
	return true
}

// itemLines returns the first and last line of the top-level item that
// holds offset off (the whole text when none does).
func (c *ctx) itemLines(off int) (int, int) {
	for _, sp := range c.doc.ItemSpans() {
		if sp.Start <= off && off < sp.End {
			return c.m.LineOf(sp.Start), c.m.LineOf(max(sp.End-1, sp.Start))
		}
	}
	return 0, c.m.LineCount() - 1
}
