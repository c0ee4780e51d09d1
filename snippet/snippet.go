// Package snippet handles LSP snippet text for clients that cannot take it.
package snippet

import (
	"regexp"
	"strings"
)

// Plain returns the text a snippet inserts with every placeholder at its
// default (the first choice of a choice), and no tab stops.
//
// It follows the LSP snippet grammar: "$1", "${1}", "${1:default}",
// "${1|one,two|}" and variables ("$NAME", "${NAME:default}"), with "\$",
// "\}" and "\\" escaped in text (and "\," and "\|" in choices). A "{" in
// text is plain text, so a placeholder's default may hold braces as long as
// the closing ones are escaped: "${1:train {parameters\}}". Text that is
// not a well-formed construct is kept as written.
func Plain(s string) string {
	p := parser{s: s}
	var b strings.Builder
	p.any(&b, false)
	// A "}" that closes nothing at the top level is plain text.
	for p.i < len(p.s) {
		b.WriteByte(p.s[p.i])
		p.i++
		p.any(&b, false)
	}
	return b.String()
}

// Has reports whether s holds snippet syntax: a tab stop ("$0", "$1",
// "${1}"), a placeholder or choice ("${1:…}", "${1|…|}") or a braced
// variable ("${NAME}").
func Has(s string) bool {
	return syntax.MatchString(s)
}

var syntax = regexp.MustCompile(`\$(\d|\{)`)

// parser reads a snippet from s at i.
type parser struct {
	s string
	i int
}

// any writes the plain text of a sequence of text and constructs, up to
// the end of the input or (inside a placeholder) an unescaped "}", which
// it does not consume.
func (p *parser) any(b *strings.Builder, nested bool) {
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '\\' && p.i+1 < len(p.s) && strings.IndexByte(`$}\`, p.s[p.i+1]) >= 0:
			b.WriteByte(p.s[p.i+1])
			p.i += 2
		case c == '}' && nested:
			return
		case c == '$':
			if !p.construct(b) {
				b.WriteByte('$')
				p.i++
			}
		default:
			b.WriteByte(c)
			p.i++
		}
	}
}

// construct reads a tab stop, placeholder, choice or variable at p.i
// (a "$") and writes its plain text. It reports false, consuming nothing,
// when none starts there.
func (p *parser) construct(b *strings.Builder) bool {
	start := p.i
	p.i++ // "$"
	if p.i < len(p.s) && (isDigit(p.s[p.i]) || isNameStart(p.s[p.i])) {
		// $1 inserts nothing; $NAME, a variable, its name (as an editor
		// does for a variable it does not know).
		name := p.word()
		if !isDigit(name[0]) {
			b.WriteString(name)
		}
		return true
	}
	if p.i >= len(p.s) || p.s[p.i] != '{' {
		p.i = start
		return false
	}
	p.i++
	if p.i >= len(p.s) || !(isDigit(p.s[p.i]) || isNameStart(p.s[p.i])) {
		p.i = start
		return false
	}
	name := p.word()
	if p.i >= len(p.s) {
		p.i = start
		return false
	}
	switch p.s[p.i] {
	case '}':
		p.i++
		if !isDigit(name[0]) {
			b.WriteString(name)
		}
		return true
	case ':':
		p.i++
		var inner strings.Builder
		p.any(&inner, true)
		if p.i >= len(p.s) || p.s[p.i] != '}' {
			p.i = start
			return false
		}
		p.i++
		b.WriteString(inner.String())
		return true
	case '|':
		p.i++
		first, ok := p.choice()
		if !ok {
			p.i = start
			return false
		}
		b.WriteString(first)
		return true
	}
	p.i = start
	return false
}

// choice reads the options of a choice after its "|" up to and including
// "|}", and returns the first one.
func (p *parser) choice() (string, bool) {
	var first strings.Builder
	done := false
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '\\' && p.i+1 < len(p.s) && strings.IndexByte(`$}\,|`, p.s[p.i+1]) >= 0:
			if !done {
				first.WriteByte(p.s[p.i+1])
			}
			p.i += 2
		case c == ',':
			done = true
			p.i++
		case c == '|':
			if p.i+1 < len(p.s) && p.s[p.i+1] == '}' {
				p.i += 2
				return first.String(), true
			}
			return "", false
		default:
			if !done {
				first.WriteByte(c)
			}
			p.i++
		}
	}
	return "", false
}

// word reads a tab stop's number or a variable's name.
func (p *parser) word() string {
	start := p.i
	if isDigit(p.s[p.i]) {
		for p.i < len(p.s) && isDigit(p.s[p.i]) {
			p.i++
		}
		return p.s[start:p.i]
	}
	for p.i < len(p.s) && (isNameStart(p.s[p.i]) || isDigit(p.s[p.i])) {
		p.i++
	}
	return p.s[start:p.i]
}

func isDigit(c byte) bool     { return c >= '0' && c <= '9' }
func isNameStart(c byte) bool { return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
