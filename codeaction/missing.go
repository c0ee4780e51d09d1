package codeaction

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/schema"
	"github.com/valohai-ls/valohai-ls/snippet"
)

// addMissing adds the required keys a mapping lacks (or, for a missing
// variant or one-of group, one key of each choice), with snippet
// placeholders when the client takes snippet edits.
func addMissing(c *ctx, d diagnostics.Diagnostic) []Action {
	if d.Code != diagnostics.CodeMissingKey && d.Code != diagnostics.CodeMissingVariant {
		return nil
	}
	f := d.Fix
	if f == nil || f.Mapping == nil {
		return nil
	}
	var out []Action
	if len(f.Add) > 1 {
		if a, ok := c.insertKeys(f.Mapping, f.Add); ok {
			a.Title = "Add the missing keys: " + names(f.Add)
			a.Preferred = true
			out = append(out, a)
		}
	}
	for _, k := range f.Add {
		if a, ok := c.insertKeys(f.Mapping, []*schema.Key{k}); ok {
			a.Title = "Add " + names([]*schema.Key{k})
			a.Preferred = len(f.Add) == 1
			out = append(out, a)
		}
	}
	for _, k := range f.Choices {
		if a, ok := c.insertKeys(f.Mapping, []*schema.Key{k}); ok {
			a.Title = "Add " + names([]*schema.Key{k})
			out = append(out, a)
		}
	}
	return out
}

func names(keys []*schema.Key) string {
	var s []string
	for _, k := range keys {
		s = append(s, "`"+k.Name+"`")
	}
	return strings.Join(s, ", ")
}

// insertKeys adds keys at the end of a mapping.
func (c *ctx) insertKeys(mp *diagnostics.Mapping, keys []*schema.Key) (Action, bool) {
	sp := mp.Span
	text := c.doc.Text
	if sp.End > sp.Start && text[sp.End-1] == '}' {
		// A flow mapping: add before the closing brace, as plain text.
		at := sp.End - 1
		for at > sp.Start && (text[at-1] == ' ' || text[at-1] == '\t') {
			at--
		}
		var b strings.Builder
		for _, k := range keys {
			t := plain(schema.ValueSnippet(k, schema.Filling))
			if strings.Contains(t, "\n") {
				return Action{}, false
			}
			if at > sp.Start+1 {
				b.WriteString(", ")
			}
			b.WriteString(k.Name + t)
		}
		return Action{Edits: []Edit{{Start: at, End: at, Text: b.String()}}}, true
	}
	indent := strings.Repeat(" ", mp.Indent)
	snippet := c.opts.Snippets
	var b strings.Builder
	tab := 0
	for _, k := range keys {
		t := renumber(schema.ValueSnippet(k, schema.Filling), &tab)
		if strings.Contains(t, "\n") {
			snippet = false
		}
		b.WriteString("\n" + indent + k.Name + strings.ReplaceAll(t, "\n", "\n"+indent))
	}
	out := b.String()
	if !snippet {
		out = plain(out)
	}
	return Action{Edits: []Edit{{Start: sp.End, End: sp.End, Text: out, Snippet: snippet}}}, true
}

var tabstopNum = regexp.MustCompile(`\$\{?(\d+)`)

// renumber shifts a snippet's tab stops after those already used, so
// that several keys inserted together have distinct stops.
func renumber(s string, used *int) string {
	base, top := *used, 0
	s = tabstopNum.ReplaceAllStringFunc(s, func(t string) string {
		i := strings.IndexAny(t, "0123456789")
		n := 0
		fmt.Sscanf(t[i:], "%d", &n)
		if n == 0 {
			return t
		}
		if n > top {
			top = n
		}
		return t[:i] + fmt.Sprint(n+base)
	})
	*used = base + top
	return s
}

// plain turns a snippet into the text it inserts with every placeholder
// at its default.
func plain(s string) string { return snippet.Plain(s) }
