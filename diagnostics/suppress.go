package diagnostics

import (
	"strings"

	"github.com/valohai-ls/valohai-ls/document"
)

// SuppressPrefix starts a suppression comment:
//
//	# valohai-ls: ignore                 every diagnostic
//	# valohai-ls: ignore[unknown-key]    one code
//	# valohai-ls: ignore[code1, code2]   several codes
//
// The comment silences the matching diagnostics that start on its own line
// or on the line below it, so it can trail the offending line or stand
// alone above it.
const SuppressPrefix = "valohai-ls:"

// Suppress returns diags without those silenced by suppression comments
// in doc. Syntax errors are never silenced: a comment cannot be trusted in
// a file that does not parse there.
func Suppress(doc *document.Document, diags []Diagnostic) []Diagnostic {
	if len(diags) == 0 || !strings.Contains(doc.Text, SuppressPrefix) {
		return diags
	}
	m := doc.Mapper()
	rules := map[int]directive{} // by line
	for line := 0; line < m.LineCount(); line++ {
		if d, ok := parseDirective(m.Line(line)); ok {
			rules[line] = d
		}
	}
	if len(rules) == 0 {
		return diags
	}
	out := diags[:0:0]
	for _, d := range diags {
		line := m.LineOf(d.Start)
		if d.Code != CodeSyntax && (rules[line].covers(d.Code) || rules[line-1].covers(d.Code)) {
			continue
		}
		out = append(out, d)
	}
	return out
}

// directive is one suppression comment: all codes, or those listed.
type directive struct {
	all   bool
	codes []string
}

func (d directive) covers(code string) bool {
	if d.all {
		return true
	}
	for _, c := range d.codes {
		if c == code {
			return true
		}
	}
	return false
}

// parseDirective reads a suppression comment from a line, if it has one.
func parseDirective(line string) (directive, bool) {
	c := commentStart(line)
	if c < 0 {
		return directive{}, false
	}
	rest := strings.TrimSpace(strings.TrimLeft(line[c:], "#"))
	rest, ok := strings.CutPrefix(rest, SuppressPrefix)
	if !ok {
		return directive{}, false
	}
	rest, ok = strings.CutPrefix(strings.TrimSpace(rest), "ignore")
	if !ok {
		return directive{}, false
	}
	switch {
	case rest == "":
		return directive{all: true}, true
	case rest[0] != '[' && rest[0] != ' ' && rest[0] != '\t':
		return directive{}, false // "ignored", "ignores"...
	}
	rest = strings.TrimSpace(rest)
	if !strings.HasPrefix(rest, "[") {
		return directive{all: true}, true // "ignore" and a remark
	}
	end := strings.IndexByte(rest, ']')
	if end < 0 {
		return directive{}, false
	}
	var d directive
	for _, c := range strings.Split(rest[1:end], ",") {
		if c = strings.TrimSpace(c); c != "" {
			d.codes = append(d.codes, c)
		}
	}
	return d, len(d.codes) > 0
}

// commentStart returns the index of the '#' that starts a YAML comment in
// line, or -1. A '#' starts a comment at the start of the line or after a
// space or tab, outside quotes.
func commentStart(line string) int {
	var quote byte
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0:
			if c == quote {
				if quote == '\'' && i+1 < len(line) && line[i+1] == '\'' {
					i++
					continue
				}
				quote = 0
			} else if quote == '"' && c == '\\' {
				i++
			}
		case c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
			return i
		case (c == '"' || c == '\'') && (i == 0 || strings.IndexByte(" \t[{,:-", line[i-1]) >= 0):
			quote = c
		}
	}
	return -1
}
