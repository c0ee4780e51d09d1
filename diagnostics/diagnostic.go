// Package diagnostics checks a valohai.yaml document: YAML syntax, the
// schema (types, required and unknown keys, enums, patterns, ranges and
// variants) and the semantic rules between items. The same code serves the
// editor and the check command.
package diagnostics

import (
	"context"
	"sort"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
)

// Severity of a diagnostic, with LSP's numbering.
type Severity int

// Severities.
const (
	Error       Severity = 1
	Warning     Severity = 2
	Information Severity = 3
	Hint        Severity = 4
)

// String returns the lower-case name of the severity.
func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	case Information:
		return "information"
	}
	return "hint"
}

// Stable diagnostic codes.
const (
	CodeSyntax         = "yaml-syntax"
	CodeUnknownKey     = "unknown-key"
	CodeMissingKey     = "missing-key"
	CodeWrongType      = "wrong-type"
	CodeInvalidValue   = "invalid-value"
	CodePattern        = "pattern-mismatch"
	CodeRange          = "out-of-range"
	CodeTooLong        = "too-long"
	CodeMixedVariant   = "mixed-variant"
	CodeMissingVariant = "missing-variant"
	CodeDuplicateName  = "duplicate-name"
	CodeUnknownKind    = "unknown-kind"
	CodeEmptyItem      = "empty-item"
	CodeExtraKind      = "extra-kind"
	CodeStrayKey       = "stray-key"
	CodeDuplicateKey   = "duplicate-key"
	CodeYAML11         = "yaml11-value"
)

// Diagnostic is one finding at a byte span of the document.
type Diagnostic struct {
	Start, End int
	Severity   Severity
	Code       string
	Message    string
	// Suggestions are replacement texts for the span (did-you-mean).
	Suggestions []string
	// Fix is what the finding's other quick fixes need, or nil.
	Fix *Fix
}

// Diagnose returns every diagnostic of doc, ordered by position. It stops
// early, returning what it has, when ctx is cancelled.
func Diagnose(ctx context.Context, doc *document.Document) []Diagnostic {
	p := doc.Parsed()
	c := &checker{m: doc.Mapper(), ctx: ctx}
	for _, e := range p.Errors {
		c.add(Diagnostic{Start: e.Start, End: e.End, Severity: Error, Code: CodeSyntax, Message: e.Message})
	}
	if p.Root == nil || c.root(p.Root) {
		for _, it := range p.Items {
			if ctx.Err() != nil {
				break
			}
			c.cachedItem(p, it)
		}
	}
	if ctx.Err() == nil {
		c.runRules(model.Of(doc))
	}
	sort.SliceStable(c.out, func(i, j int) bool { return c.out[i].Start < c.out[j].Start })
	return c.out
}

// cachedItem checks one item, reusing the findings of an earlier version
// when the item's tree is the same (the edit was elsewhere).
func (c *checker) cachedItem(p *document.Parsed, it *document.Item) {
	if v, ok := p.Recall(it); ok {
		for _, d := range v.([]Diagnostic) {
			d.Start += it.Start
			d.End += it.Start
			d.Fix = d.Fix.shifted(it.Start)
			c.out = append(c.out, d)
		}
		return
	}
	sub := &checker{m: c.m, ctx: c.ctx}
	sub.item(it.Node)
	if c.ctx.Err() != nil {
		return
	}
	rel := make([]Diagnostic, len(sub.out))
	for i, d := range sub.out {
		c.out = append(c.out, d)
		d.Start -= it.Start
		d.End -= it.Start
		d.Fix = d.Fix.shifted(-it.Start)
		rel[i] = d
	}
	p.Remember(it, rel)
}

// checker accumulates diagnostics for one document.
type checker struct {
	m   *document.Mapper
	ctx context.Context
	out []Diagnostic
}

func (c *checker) add(d Diagnostic) {
	if d.End < d.Start {
		d.End = d.Start
	}
	d.Message = ShortenValues(d.Message)
	c.out = append(c.out, d)
}

func (c *checker) at(span document.Span, sev Severity, code, msg string, suggestions ...string) {
	c.add(Diagnostic{Start: span.Start, End: span.End, Severity: sev, Code: code, Message: msg, Suggestions: suggestions})
}

// fixed reports a finding with the data of its quick fixes.
func (c *checker) fixed(span document.Span, sev Severity, code, msg string, fix *Fix) {
	c.add(Diagnostic{Start: span.Start, End: span.End, Severity: sev, Code: code, Message: msg, Fix: fix})
}
