package expr

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// exprToken is a token of a Python expression.
type exprToken struct {
	kind string // "name", "kw", "number", "string", "op", "end"
	text string
	pos  int
	note string // number: "int", "float", "complex"; string: "str", "bytes", "fstring"
}

// exprKeywords are the Python keywords that keep their meaning in an
// expression; every other keyword is read as a plain name.
var exprKeywords = map[string]bool{
	"True": true, "False": true, "None": true, "and": true, "or": true,
	"not": true, "in": true, "is": true, "for": true,
}

// exprOps are the operators and delimiters, longest first.
var exprOps = []string{
	"**=", "//=", ">>=", "<<=", "...",
	"->", ":=", "**", "//", "<<", ">>", "<=", ">=", "==", "!=",
	"+=", "-=", "*=", "/=", "%=", "@=", "&=", "|=", "^=",
	"+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">",
	"(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "=",
}

const digitPart = `[0-9](?:_?[0-9])*`

var (
	numberRe = regexp.MustCompile(`^(?:` +
		`0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|` +
		`(?:(?:` + digitPart + `)?\.` + digitPart + `|` + digitPart + `\.?)(?:[eE][+-]?` + digitPart + `)?[jJ]?` +
		`)`)
	leadingZeroRe = regexp.MustCompile(`^0+(?:_?0)*$`)
)

// tokenizeExpr splits expr into tokens, joining lines inside brackets and
// after a backslash, as Python does for one logical line.
func tokenizeExpr(expr string) ([]exprToken, *Error) {
	l := &exprLexer{src: expr}
	if err := l.run(); err != nil {
		return nil, err
	}
	l.toks = append(l.toks, exprToken{kind: "end", pos: len(expr)})
	return l.toks, nil
}

type exprLexer struct {
	src      string
	i        int
	depth    int  // open brackets
	lineDone bool // a logical line with tokens has ended
	toks     []exprToken
	opens    []int
}

func (l *exprLexer) run() *Error {
	atLineStart := true
	for l.i < len(l.src) {
		c := l.src[l.i]
		switch {
		case c == '\n' || c == '\r':
			l.i++
			if l.depth == 0 && len(l.toks) > 0 {
				l.lineDone = true
			}
			atLineStart = true
			continue
		case c == ' ' || c == '\t' || c == '\f':
			if atLineStart && l.depth == 0 && !l.blankRest() {
				return &Error{l.i, "the expression must not start with spaces (unexpected indent)"}
			}
			l.i++
			continue
		case c == '#':
			for l.i < len(l.src) && l.src[l.i] != '\n' {
				l.i++
			}
			continue
		case c == '\\':
			if !strings.HasPrefix(l.src[l.i+1:], "\n") && !strings.HasPrefix(l.src[l.i+1:], "\r") {
				return &Error{l.i, "unexpected character after a line-continuation backslash"}
			}
			l.i += 2
			atLineStart = false
			continue
		}
		atLineStart = false
		if l.lineDone {
			return &Error{l.i, "an expression is one line: join the lines, or wrap the expression in parentheses"}
		}
		if err := l.token(); err != nil {
			return err
		}
	}
	if len(l.opens) > 0 {
		return &Error{l.opens[len(l.opens)-1], "this bracket is never closed"}
	}
	if len(l.toks) == 0 {
		return &Error{0, "the expression is empty"}
	}
	return nil
}

// blankRest reports whether the rest of the current line is blank or a comment.
func (l *exprLexer) blankRest() bool {
	for j := l.i; j < len(l.src); j++ {
		switch l.src[j] {
		case ' ', '\t', '\f':
			continue
		case '\n', '\r', '#':
			return true
		}
		return false
	}
	return true
}

func (l *exprLexer) token() *Error {
	start := l.i
	r, size := utf8.DecodeRuneInString(l.src[l.i:])
	switch {
	case r == '_' || unicode.IsLetter(r):
		j := l.i + size
		for j < len(l.src) {
			r2, s2 := utf8.DecodeRuneInString(l.src[j:])
			if !isIdentRune(r2) {
				break
			}
			j += s2
		}
		word := l.src[l.i:j]
		if j < len(l.src) && (l.src[j] == '"' || l.src[j] == '\'') && stringPrefix(word) != "" {
			l.i = j
			return l.str(start, stringPrefix(word))
		}
		l.i = j
		kind := "name"
		if exprKeywords[word] {
			kind = "kw"
		}
		l.toks = append(l.toks, exprToken{kind: kind, text: word, pos: start})
		return nil
	case r >= '0' && r <= '9', r == '.' && l.i+1 < len(l.src) && l.src[l.i+1] >= '0' && l.src[l.i+1] <= '9':
		return l.number()
	case r == '"' || r == '\'':
		return l.str(start, "str")
	}
	for _, op := range exprOps {
		if strings.HasPrefix(l.src[l.i:], op) {
			l.i += len(op)
			l.bracket(op, start)
			if l.depth < 0 {
				return &Error{start, "unmatched '" + op + "'"}
			}
			if l.depth > maxBrackets {
				return &Error{start, fmt.Sprintf("too many nested parentheses (more than %d)", maxBrackets)}
			}
			l.toks = append(l.toks, exprToken{kind: "op", text: op, pos: start})
			return nil
		}
	}
	return &Error{start, "invalid character '" + string(r) + "'"}
}

func (l *exprLexer) bracket(op string, pos int) {
	switch op {
	case "(", "[", "{":
		l.depth++
		l.opens = append(l.opens, pos)
	case ")", "]", "}":
		l.depth--
		if len(l.opens) > 0 {
			l.opens = l.opens[:len(l.opens)-1]
		}
	}
}

func isIdentRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc)
}

// stringPrefix returns the kind of string a prefix starts ("str",
// "bytes", "fstring"), or "" when word is not a string prefix.
func stringPrefix(word string) string {
	switch strings.ToLower(word) {
	case "r", "u":
		return "str"
	case "b", "br", "rb":
		return "bytes"
	case "f", "fr", "rf":
		return "fstring"
	}
	return ""
}

func (l *exprLexer) number() *Error {
	start := l.i
	m := numberRe.FindString(l.src[l.i:])
	if m == "" {
		return &Error{start, "invalid number"}
	}
	l.i += len(m)
	if l.i < len(l.src) {
		r, _ := utf8.DecodeRuneInString(l.src[l.i:])
		if isIdentRune(r) {
			return &Error{start, "invalid number " + strings.TrimSpace(l.src[start:min(len(l.src), l.i+1)])}
		}
	}
	note := "int"
	switch {
	case strings.ContainsAny(m, "jJ"):
		note = "complex"
	case strings.HasPrefix(m, "0x"), strings.HasPrefix(m, "0X"), strings.HasPrefix(m, "0o"), strings.HasPrefix(m, "0O"),
		strings.HasPrefix(m, "0b"), strings.HasPrefix(m, "0B"):
	case strings.ContainsAny(m, ".eE"):
		note = "float"
	case len(m) > 1 && m[0] == '0' && !leadingZeroRe.MatchString(m):
		return &Error{start, "numbers must not start with 0 (" + m + ")"}
	}
	l.toks = append(l.toks, exprToken{kind: "number", text: m, pos: start, note: note})
	return nil
}

// str reads a quoted string starting at l.i; start is where its prefix began.
func (l *exprLexer) str(start int, kind string) *Error {
	q := l.src[l.i]
	quote := string(q)
	if strings.HasPrefix(l.src[l.i:], strings.Repeat(quote, 3)) {
		quote = strings.Repeat(quote, 3)
	}
	j := l.i + len(quote)
	for j < len(l.src) {
		switch c := l.src[j]; {
		case c == '\\':
			j += 2
			continue
		case (c == '\n' || c == '\r') && len(quote) == 1:
			return &Error{start, "this string is not closed on its line"}
		case strings.HasPrefix(l.src[j:], quote):
			l.i = j + len(quote)
			l.toks = append(l.toks, exprToken{kind: "string", text: l.src[start:l.i], pos: start, note: kind})
			return nil
		}
		j++
	}
	return &Error{start, "this string is never closed"}
}
