package diagnostics

import (
	"github.com/valohai-ls/valohai-ls/document"
)

// syntaxError returns the diagnostic of a YAML syntax error. Where the
// mistake may be on either of two lines (a line that does not line up, or
// a key above it dedented out of its mapping), the one taken is the line
// whose repair leaves the item well-formed by the schema, the error's own
// line unless only the other's does.
func (c *checker) syntaxError(e *document.SyntaxError) Diagnostic {
	if e.Alternative != nil && !c.wellFormedFix(e) && c.wellFormedFix(e.Alternative) {
		e = e.Alternative
	}
	d := Diagnostic{Start: e.Start, End: e.End, Severity: Error, Code: CodeSyntax, Message: e.Message}
	if len(e.Fixes) > 0 {
		d.Fix = &Fix{Syntax: e.Fixes}
	}
	return d
}

// wellFormedFix reports whether one of e's fixes makes its item parse
// with no finding about its shape.
func (c *checker) wellFormedFix(e *document.SyntaxError) bool {
	for _, f := range e.Fixes {
		n, fm := document.FixedItem(c.m, e, f)
		if n == nil {
			continue
		}
		sub := &checker{m: fm, ctx: c.ctx}
		sub.item(n)
		ok := true
		for _, d := range sub.out {
			ok = ok && !Structural(d.Code)
		}
		if ok {
			return true
		}
	}
	return false
}
