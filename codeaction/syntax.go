package codeaction

import (
	"context"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
)

// syntaxFix offers, for a YAML syntax error, the one edit of its line
// (a tab made spaces, a space after ':', a quote closed, a key lined up)
// with which the file parses and is found at fault for nothing new about
// its shape (an unknown, stray or missing key, a wrong type). Of the
// candidates that pass, those that bring the fewest other new findings
// are kept (a quote closed around a number leaves a number as text), then
// those of the best rank (the likeliest reading of the mistake). The edit
// is offered when they all read the same (a list indented by 2 or by 4
// spaces), the first of them; it then needs no choice. Edits that read
// differently are offered side by side, none preferred, when they are the
// readings the repairs mark as the user's choice; otherwise none is.
func syntaxFix(c *ctx, d diagnostics.Diagnostic) []Action {
	if d.Code != diagnostics.CodeSyntax || d.Fix == nil || len(d.Fix.Syntax) == 0 {
		return nil
	}
	// Weighing the candidates checks the whole file once for each: kept
	// for the version, since an editor asks again on every cursor move
	// over the error's line.
	memo := c.doc.Derived(syntaxFixesKey{}, func() any { return &syntaxFixes{byError: map[syntaxError][]Action{}} }).(*syntaxFixes)
	key := syntaxError{d.Start, d.End, d.Message}
	memo.mu.Lock()
	defer memo.mu.Unlock()
	if a, ok := memo.byError[key]; ok {
		return a
	}
	a := weighSyntaxFixes(c, d)
	memo.byError[key] = a
	return a
}

// syntaxFixesKey stores a version's syntax fixes on its document.
type syntaxFixesKey struct{}

// syntaxFixes are the fixes weighed for a version's syntax errors.
type syntaxFixes struct {
	mu      sync.Mutex
	byError map[syntaxError][]Action
}

// syntaxError names a syntax error within one version.
type syntaxError struct {
	start, end int
	msg        string
}

// weighSyntaxFixes is syntaxFix's work for d.
func weighSyntaxFixes(c *ctx, d diagnostics.Diagnostic) []Action {
	var hiddenOnce map[finding]int
	hidden := func() map[finding]int {
		if hiddenOnce == nil {
			hiddenOnce = c.hidden(d)
		}
		return hiddenOnce
	}
	type candidate struct {
		a       Action
		n, rank int
		shape   string
		choice  bool
	}
	var best []candidate
	for _, f := range d.Fix.Syntax {
		if f.Start < 0 || f.End > len(c.doc.Text) || f.Start > f.End {
			continue
		}
		e := Edit{Start: f.Start, End: f.End, Text: f.Text}
		n, shape, ok := c.newFindings(d, e, hidden)
		if !ok {
			continue
		}
		cd := candidate{Action{Title: f.Title, Edits: []Edit{e}, Preferred: true}, n, f.Rank, shape, f.Choice}
		switch {
		case len(best) == 0 || n < best[0].n || n == best[0].n && f.Rank < best[0].rank:
			best = []candidate{cd}
		case n == best[0].n && f.Rank == best[0].rank:
			best = append(best, cd)
		}
	}
	if len(best) == 0 {
		return nil
	}
	var readings []Action
	seen := map[string]bool{}
	choice := true
	for _, cd := range best {
		if !seen[cd.shape] {
			seen[cd.shape] = true
			readings = append(readings, cd.a)
		}
		choice = choice && cd.choice
	}
	switch {
	case len(readings) == 1:
		return readings[:1]
	case !choice:
		return nil
	}
	// Two readings the text leaves open (a quote closed before a " #"
	// that may start a comment or be part of the text) are a choice:
	// offered, none preferred, so that Fix All leaves them to the user.
	for i := range readings {
		readings[i].Preferred = false
	}
	return readings
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

// hidden returns the findings about the YAML's shape that the item of
// syntax error d has whatever its broken line says: those of the text with
// that line blanked, on other lines (none when it does not parse either).
func (c *ctx) hidden(d diagnostics.Diagnostic) map[finding]int {
	out := map[finding]int{}
	line := c.m.LineOf(d.Start)
	blank := document.New(c.doc.URI, c.doc.Version, Apply(c.doc.Text, []Edit{{Start: c.m.LineStart(line), End: c.m.LineEnd(line)}}))
	if len(blank.Parsed().Errors) > 0 {
		return out
	}
	for k, n := range count(blank, diagnostics.Diagnose(context.Background(), blank)) {
		if k.line != line && diagnostics.Structural(k.code) {
			out[k] = n
		}
	}
	return out
}

// newFindings returns how many findings the text with edit e made has
// that the document had not (syntax error d aside), and the shape of the
// item the edit is in (itemShape); ok is false when the
// lines move, or one of them is about the YAML's shape (the syntax error
// still there among them) and not one the item has anyway (hidden, when
// given, computed only when needed).
func (c *ctx) newFindings(d diagnostics.Diagnostic, e Edit, hidden func() map[finding]int) (n int, shape string, ok bool) {
	left := map[finding]int{}
	for k, n := range c.findings() {
		left[k] = n
	}
	left[finding{d.Code, d.Message, c.m.LineOf(d.Start)}]--
	fixed := document.New(c.doc.URI, c.doc.Version, Apply(c.doc.Text, []Edit{e}))
	if fixed.Mapper().LineCount() != c.m.LineCount() {
		return 0, "", false
	}
	for k, got := range count(fixed, diagnostics.Diagnose(context.Background(), fixed)) {
		extra := got - max(left[k], 0)
		if extra <= 0 {
			continue
		}
		if diagnostics.Structural(k.code) && (hidden == nil || extra > hidden()[k]) {
			return 0, "", false
		}
		n += extra
	}
	return n, itemShape(fixed, c.m.LineOf(e.Start)), true
}

// itemShape returns what the top-level item of doc on line reads as,
// written out again by the YAML encoder: the same for two texts that
// differ only in how far a block is indented.
func itemShape(doc *document.Document, line int) string {
	m := doc.Mapper()
	for _, it := range doc.Parsed().Items {
		if m.LineOf(it.Start) <= line && (it.End >= len(doc.Text) || line < m.LineOf(it.End)) {
			out, err := yaml.Marshal(it.Node)
			if err != nil {
				return ""
			}
			return string(out)
		}
	}
	return ""
}
