package model

import (
	"regexp"
	"sort"
	"strings"

	"github.com/valohai-ls/valohai-ls/schema"
)

// Placeholder is a `{parameter:NAME}` (or `{parameter-value:NAME}`)
// placeholder found in a command line.
type Placeholder struct {
	// Start and End bound the whole placeholder, NameStart and NameEnd
	// its NAME, as byte offsets of the text searched.
	Start, End         int
	NameStart, NameEnd int
	// Prefix is what comes before NAME ("parameter"), Name is NAME.
	Prefix, Name string
}

// Text returns the placeholder as written.
func (p Placeholder) Text() string {
	if p.Named() {
		return "{" + p.Prefix + ":" + p.Name + "}"
	}
	return "{" + p.Prefix + "}"
}

// Named reports a placeholder that names a parameter.
func (p Placeholder) Named() bool { return p.NameStart < p.End }

// placeholderRe matches the placeholders that name a parameter, built
// from the schema's list (those written with NAME).
var placeholderRe = func() *regexp.Regexp {
	var alts []string
	for _, p := range schema.Placeholders {
		if before, _, ok := strings.Cut(p.Text, ":NAME"); ok {
			alts = append(alts, regexp.QuoteMeta(strings.TrimPrefix(before, "{")))
		}
	}
	if len(alts) == 0 {
		return regexp.MustCompile(`a^`)
	}
	return regexp.MustCompile(`\{(` + strings.Join(alts, "|") + `):([^}\n]+)\}`)
}()

// Placeholders returns the parameter placeholders in text, in order.
func Placeholders(text string) []Placeholder {
	if !strings.Contains(text, "{") {
		return nil
	}
	var out []Placeholder
	for _, m := range placeholderRe.FindAllStringSubmatchIndex(text, -1) {
		out = append(out, Placeholder{
			Start: m[0], End: m[1], NameStart: m[4], NameEnd: m[5],
			Prefix: text[m[2]:m[3]], Name: text[m[4]:m[5]],
		})
	}
	return out
}

// wholeRe matches the placeholders written without a NAME
// ({parameters}, {source-path}), from the schema's list.
var wholeRe = func() *regexp.Regexp {
	var alts []string
	for _, p := range schema.Placeholders {
		if !strings.Contains(p.Text, ":NAME") {
			alts = append(alts, regexp.QuoteMeta(p.Text))
		}
	}
	if len(alts) == 0 {
		return regexp.MustCompile(`a^`)
	}
	return regexp.MustCompile(strings.Join(alts, "|"))
}()

// AllPlaceholders returns every placeholder Valohai fills in, in text, in
// order: those that name a parameter (as Placeholders gives them) and
// those written without a name, whose Prefix is the whole placeholder's
// word and Name is "" (NameStart and NameEnd are End).
func AllPlaceholders(text string) []Placeholder {
	named := Placeholders(text)
	if !strings.Contains(text, "{") {
		return named
	}
	var out []Placeholder
	for _, m := range wholeRe.FindAllStringIndex(text, -1) {
		out = append(out, Placeholder{Start: m[0], End: m[1], NameStart: m[1], NameEnd: m[1], Prefix: text[m[0]+1 : m[1]-1]})
	}
	if len(out) == 0 {
		return named
	}
	out = append(out, named...)
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}
