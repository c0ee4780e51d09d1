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
	out, _ := diagnose(ctx, doc)
	return out
}

// Stats count the per-item results that Diagnose took from an earlier
// version of the file and those it computed.
type Stats struct {
	SchemaReused, SchemaMade int // the schema findings of an item
	RulesReused, RulesMade   int // an item rule's findings on an item
}

func diagnose(ctx context.Context, doc *document.Document) ([]Diagnostic, Stats) {
	p := doc.Parsed()
	c := &checker{m: doc.Mapper(), ctx: ctx, stats: &Stats{}}
	for _, e := range p.Errors {
		c.add(c.syntaxError(e))
	}
	if p.Root == nil || c.root(p.Root, len(p.Errors) > 0) {
		for _, it := range p.Items {
			if ctx.Err() != nil {
				break
			}
			c.cachedItem(p, it)
		}
	}
	if ctx.Err() == nil {
		m := model.Of(doc)
		c.runRules(m, newItemCache(p, m))
	}
	sort.SliceStable(c.out, func(i, j int) bool { return c.out[i].Start < c.out[j].Start })
	return c.out, *c.stats
}

// schemaKey stores an item's schema findings with its tree.
type schemaKey struct{}

// cachedItem checks one item, reusing the findings of an earlier version
// when the item's tree is the same (the edit was elsewhere).
func (c *checker) cachedItem(p *document.Parsed, it *document.Item) {
	if v, ok := p.Recall(it, schemaKey{}); ok {
		c.stats.SchemaReused++
		c.addShifted(v.([]Diagnostic), it.Start)
		return
	}
	c.stats.SchemaMade++
	sub := &checker{m: c.m, ctx: c.ctx}
	sub.item(it.Node)
	if c.ctx.Err() != nil {
		return
	}
	rel := make([]Diagnostic, len(sub.out))
	for i, d := range sub.out {
		c.out = append(c.out, d)
		rel[i] = d.Moved(-it.Start)
	}
	p.Remember(it, schemaKey{}, rel)
}

// addShifted adds findings stored relative to an item that starts at off.
func (c *checker) addShifted(rel []Diagnostic, off int) {
	for _, d := range rel {
		c.out = append(c.out, d.Moved(off))
	}
}

// Moved returns d moved by delta bytes, its fix with it: findings kept
// relative to an item or a step are moved back to where it is with it.
func (d Diagnostic) Moved(delta int) Diagnostic {
	d.Start += delta
	d.End += delta
	d.Fix = d.Fix.shifted(delta)
	return d
}

// checker accumulates diagnostics for one document.
type checker struct {
	m   *document.Mapper
	ctx context.Context
	out []Diagnostic
	// lines reports a message that names a line: the findings hold only
	// where the item starts on the same line.
	lines bool
	stats *Stats
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
