package semantic

import (
	"sort"
	"strings"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
)

// Token is one coloured span of the text.
type Token struct {
	Span document.Span
	Type Type
	Mods Modifier
}

// Tokens returns the tokens of x's text, in order, none overlapping and
// none over a line break.
func Tokens(x *model.Model) []Token {
	text := x.Mapper().Text()
	var out []Token
	add := func(sp document.Span, t Type, mods Modifier) {
		if sp.Start < sp.End && sp.End <= len(text) && !strings.ContainsAny(text[sp.Start:sp.End], "\r\n") {
			out = append(out, Token{Span: sp, Type: t, Mods: mods})
		}
	}
	for _, s := range x.Symbols() {
		if t, ok := typeOf(s.Kind); ok && s.Named && !s.Broken {
			add(s.NameSpan, t, Declaration)
		}
	}
	for _, r := range x.Refs() {
		if t, ok := typeOf(r.Kind); ok {
			var mods Modifier
			if r.Unresolved() {
				mods = Unresolved
			}
			add(r.Span, t, mods)
		}
	}
	for _, region := range x.CommandRegions() {
		for _, ph := range model.AllPlaceholders(text[region.Start:region.End]) {
			at := region.Start
			if ph.Named() {
				// The name between is the parameter reference's token.
				add(document.Span{Start: at + ph.Start, End: at + ph.NameStart}, Placeholder, 0)
				add(document.Span{Start: at + ph.NameEnd, End: at + ph.End}, Placeholder, 0)
			} else {
				add(document.Span{Start: at + ph.Start, End: at + ph.End}, Placeholder, 0)
			}
		}
	}
	return tidy(out)
}

// tidy sorts tokens and drops any that overlaps one before it (the LSP
// encoding cannot carry overlapping tokens).
func tidy(toks []Token) []Token {
	sort.SliceStable(toks, func(i, j int) bool {
		if toks[i].Span.Start != toks[j].Span.Start {
			return toks[i].Span.Start < toks[j].Span.Start
		}
		return toks[i].Span.End > toks[j].Span.End
	})
	out := toks[:0]
	end := -1
	for _, t := range toks {
		if t.Span.Start < end {
			continue
		}
		out = append(out, t)
		end = t.Span.End
	}
	return out
}

// In returns the tokens of toks that overlap the span from start to end.
func In(toks []Token, start, end int) []Token {
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Span.End > start })
	j := i
	for j < len(toks) && toks[j].Span.Start < end {
		j++
	}
	return toks[i:j]
}

// tokensKey stores a version's tokens on the document.
type tokensKey struct{}

// Of returns the tokens of doc, found once per version from its shared
// model.
func Of(doc *document.Document) []Token {
	return doc.Derived(tokensKey{}, func() any { return Tokens(model.Of(doc)) }).([]Token)
}
