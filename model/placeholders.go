package model

import (
	"regexp"
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
func (p Placeholder) Text() string { return "{" + p.Prefix + ":" + p.Name + "}" }

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
