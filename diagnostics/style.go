package diagnostics

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxMessage is the longest message a user should have to read.
const MaxMessage = 200

// internalTerms are words of the implementation that a Valohai user does
// not use; messages say what is wrong in the file's own words.
var internalTerms = regexp.MustCompile(`(?i)\bvalidator\b|\bphases?\b|part\(s\)|\bparts\b|\bschema\b|\bparser\b|\bAST\b|\bscalar\b|yaml\.v3|\bnil\b`)

// quotedValue finds the double-quoted values of a message.
var quotedValue = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

// StyleProblems lists how msg breaks the message style: more than one
// line, a final period, over MaxMessage characters, internal terms,
// quoted values over MaxQuoted characters, lists of over six items.
func StyleProblems(msg string) []string {
	var out []string
	if msg == "" {
		return []string{"empty message"}
	}
	if strings.ContainsAny(msg, "\n\r") {
		out = append(out, "more than one line")
	}
	if strings.HasSuffix(msg, ".") {
		out = append(out, "ends with a period")
	}
	if n := utf8.RuneCountInString(msg); n > MaxMessage {
		out = append(out, "longer than 200 characters: "+strconv.Itoa(n))
	}
	if m := internalTerms.FindString(msg); m != "" {
		out = append(out, "internal term "+strconv.Quote(m))
	}
	for _, q := range quotedValue.FindAllString(msg, -1) {
		if s, err := strconv.Unquote(q); err == nil && utf8.RuneCountInString(s) > MaxQuoted {
			out = append(out, "quotes a value longer than 60 characters")
		}
	}
	// A list of choices is shortened to the likely ones: at most six items
	// in a row separated by commas.
	for _, run := range strings.FieldsFunc(msg, func(r rune) bool { return r == ';' || r == '(' || r == ')' || r == ':' }) {
		if strings.Count(run, ", ") > 5 {
			out = append(out, "a list of more than six items")
		}
	}
	return out
}
