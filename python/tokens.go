package python

// TokKind is the kind of a Token.
type TokKind int

// Token kinds. Comments and the insides of strings are never tokens; a
// Newline ends each logical line (outside brackets, not after a backslash
// continuation), so the token after a Newline starts a statement.
const (
	TName    TokKind = iota // an identifier or keyword
	TNumber                 // 1, 0x1F, 1_000, 1.5e-3, 2j
	TString                 // a whole string literal with its prefix, f-strings included
	TOp                     // an operator or delimiter: ( ) . , = := -> ** // @ ...
	TNewline                // the end of a logical line
	TError                  // a byte that starts no token
)

// Token is one token of a Python file.
type Token struct {
	Kind       TokKind
	Start, End int // byte offsets, End exclusive
	Line       int // one-based line of Start
	// Indent is the column of the first token of a logical line (-1 for
	// the other tokens).
	Indent int
}

// Text returns the token's source text.
func (t Token) Text(src []byte) string { return string(src[t.Start:t.End]) }

// MaxNesting is the deepest bracket nesting read: CPython refuses a file
// with more than 200 nested parentheses, brackets and braces ("too many
// nested parentheses"), so no script Python runs has more.
const MaxNesting = 200

// Tokenize returns the tokens of src; none when a bracket is nested
// deeper than MaxNesting (the file is not Python).
func Tokenize(src []byte) []Token {
	toks, _ := tokenize(src)
	return toks
}

// tokenize returns the tokens of src, and the one-based line of the first
// bracket nested deeper than MaxNesting (0 when there is none; else no
// tokens are returned).
func tokenize(src []byte) ([]Token, int) {
	start := 0
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		start = 3 // a UTF-8 byte order mark
	}
	tz := newTokenizer(src, start, len(src), 1)
	tz.run()
	return tz.toks, tz.deep
}

// tokenizeRange tokenizes src[start:end], where start is on line line,
// with offsets into src.
func tokenizeRange(src []byte, start, end, line int) []Token {
	tz := newTokenizer(src, start, end, line)
	tz.run()
	return tz.toks
}

func newTokenizer(src []byte, start, end, line int) *tokenizer {
	return &tokenizer{src: src[:end], pos: start, line: line, toks: make([]Token, 0, (end-start)/8+8)}
}

type tokenizer struct {
	src     []byte
	pos     int
	line    int
	depth   int // bracket nesting
	deep    int // the line of a bracket nested deeper than MaxNesting
	toks    []Token
	lineBeg bool // the next token starts a logical line
}

func isIdentStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func isIdentChar(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func (tz *tokenizer) emit(kind TokKind, start, line, col int) {
	indent := -1
	if tz.lineBeg {
		indent = col
		tz.lineBeg = false
	}
	tz.toks = append(tz.toks, Token{Kind: kind, Start: start, End: tz.pos, Line: line, Indent: indent})
}

func (tz *tokenizer) newline() {
	if len(tz.toks) > 0 && tz.toks[len(tz.toks)-1].Kind != TNewline {
		tz.toks = append(tz.toks, Token{Kind: TNewline, Start: tz.pos, End: tz.pos, Line: tz.line, Indent: -1})
	}
	tz.lineBeg = true
}

func (tz *tokenizer) run() {
	src := tz.src
	tz.lineBeg = true
	lineStart := tz.pos
	for tz.pos < len(src) {
		c := src[tz.pos]
		switch {
		case c == '\n' || c == '\r':
			if c == '\r' && tz.pos+1 < len(src) && src[tz.pos+1] == '\n' {
				tz.pos++
			}
			tz.pos++
			if tz.depth == 0 {
				tz.newline()
			}
			tz.line++
			lineStart = tz.pos
			continue
		case c == ' ' || c == '\t' || c == '\f':
			tz.pos++
			continue
		case c == '#':
			for tz.pos < len(src) && src[tz.pos] != '\n' && src[tz.pos] != '\r' {
				tz.pos++
			}
			continue
		case c == '\\' && tz.pos+1 < len(src) && (src[tz.pos+1] == '\n' || src[tz.pos+1] == '\r'):
			// A continuation line: no Newline.
			tz.pos++
			if src[tz.pos] == '\r' && tz.pos+1 < len(src) && src[tz.pos+1] == '\n' {
				tz.pos++
			}
			tz.pos++
			tz.line++
			lineStart = tz.pos
			continue
		}
		start, line, col := tz.pos, tz.line, tz.pos-lineStart
		switch {
		case isIdentStart(c):
			for tz.pos < len(src) && isIdentChar(src[tz.pos]) {
				tz.pos++
			}
			if tz.pos < len(src) && (src[tz.pos] == '"' || src[tz.pos] == '\'') && isStringPrefix(src[start:tz.pos]) {
				tz.pos = tz.scanString(start, tz.pos)
				tz.emit(TString, start, line, col)
				lineStart = tz.lineStartAfter(start, lineStart)
				continue
			}
			tz.emit(TName, start, line, col)
		case c == '"' || c == '\'':
			tz.pos = tz.scanString(start, start)
			tz.emit(TString, start, line, col)
			lineStart = tz.lineStartAfter(start, lineStart)
		case isDigit(c) || c == '.' && tz.pos+1 < len(src) && isDigit(src[tz.pos+1]):
			tz.pos = scanNumber(src, tz.pos)
			tz.emit(TNumber, start, line, col)
		default:
			n := opLen(src[tz.pos:])
			if n == 0 {
				tz.pos++
				for tz.pos < len(src) && src[tz.pos]&0xC0 == 0x80 {
					tz.pos++
				}
				tz.emit(TError, start, line, col)
				continue
			}
			tz.pos += n
			switch c {
			case '(', '[', '{':
				tz.depth++
				if tz.depth > MaxNesting {
					tz.deep = line
					tz.toks = tz.toks[:0]
					return
				}
			case ')', ']', '}':
				if tz.depth > 0 {
					tz.depth--
				}
			}
			tz.emit(TOp, start, line, col)
		}
	}
	tz.newline()
}

// lineStartAfter counts the lines a multi-line string spanned and returns
// the offset of the line the tokenizer is now on.
func (tz *tokenizer) lineStartAfter(start, lineStart int) int {
	for i := start; i < tz.pos; i++ {
		switch tz.src[i] {
		case '\n':
			tz.line++
			lineStart = i + 1
		case '\r':
			if i+1 < tz.pos && tz.src[i+1] == '\n' {
				continue
			}
			tz.line++
			lineStart = i + 1
		}
	}
	return lineStart
}

// opLen returns the length of the operator at the start of b, 0 when b
// starts with no operator.
func opLen(b []byte) int {
	c := b[0]
	var n1, n2 byte
	if len(b) > 1 {
		n1 = b[1]
	}
	if len(b) > 2 {
		n2 = b[2]
	}
	switch c {
	case '(', ')', '[', ']', '{', '}', ',', ';', '~':
		return 1
	case '.':
		if n1 == '.' && n2 == '.' {
			return 3
		}
		return 1
	case '*', '/', '<', '>':
		if n1 == c { // ** // << >>
			if n2 == '=' {
				return 3
			}
			return 2
		}
		if n1 == '=' {
			return 2
		}
		return 1
	case '-':
		if n1 == '>' || n1 == '=' {
			return 2
		}
		return 1
	case ':', '=', '!', '+', '%', '@', '&', '|', '^':
		if n1 == '=' {
			return 2
		}
		return 1
	}
	return 0
}

// isStringPrefix reports whether p is a string prefix: r, b, u, f, rb, br,
// fr, rf (t and tr/rt, 3.14's template strings, too), in any case.
func isStringPrefix(p []byte) bool {
	if len(p) == 0 || len(p) > 2 {
		return false
	}
	var r, b, u, f int
	for _, c := range p {
		switch c | 0x20 {
		case 'r':
			r++
		case 'b':
			b++
		case 'u':
			u++
		case 'f', 't':
			f++
		default:
			return false
		}
	}
	if r > 1 || b > 1 || u > 1 || f > 1 {
		return false
	}
	if u == 1 {
		return len(p) == 1
	}
	return !(b == 1 && f == 1)
}

func prefixHas(p []byte, c byte) bool {
	for _, x := range p {
		if x|0x20 == c {
			return true
		}
	}
	return false
}

// scanString returns the end of the string literal whose prefix starts at
// start and whose opening quote is at q.
func (tz *tokenizer) scanString(start, q int) int {
	prefix := tz.src[start:q]
	formatted := prefixHas(prefix, 'f') || prefixHas(prefix, 't')
	return scanStringBody(tz.src, q, formatted, 0, nil)
}

// Fields returns the byte ranges, within src, of the replacement fields
// of the f-string token t (from after each `{` to before its `}`), so that
// the expressions inside can be read; nil for other tokens.
func Fields(src []byte, t Token) [][2]int {
	if t.Kind != TString {
		return nil
	}
	q := t.Start
	for q < t.End && src[q] != '"' && src[q] != '\'' {
		q++
	}
	if q == t.End || !(prefixHas(src[t.Start:q], 'f') || prefixHas(src[t.Start:q], 't')) {
		return nil
	}
	var fields [][2]int
	scanStringBody(src[:t.End], q, true, 0, &fields)
	return fields
}

// scanStringBody scans a string whose opening quote is at q; formatted
// strings have replacement fields, scanned with their nested strings.
// level bounds the nesting so that hostile input cannot exhaust the stack.
func scanStringBody(src []byte, q int, formatted bool, level int, fields *[][2]int) int {
	quote := src[q]
	triple := q+2 < len(src) && src[q+1] == quote && src[q+2] == quote
	i := q + 1
	if triple {
		i = q + 3
	}
	for i < len(src) {
		c := src[i]
		switch {
		case c == '\\':
			i += 2
			continue
		case c == quote:
			if !triple {
				return i + 1
			}
			if i+2 < len(src) && src[i+1] == quote && src[i+2] == quote {
				return i + 3
			}
		case (c == '\n' || c == '\r') && !triple:
			return i // unterminated: ends at the line's end
		case formatted && c == '{':
			if i+1 < len(src) && src[i+1] == '{' {
				i += 2
				continue
			}
			if level < 64 {
				end := scanField(src, i+1, triple, level+1)
				if fields != nil {
					close := end
					if close > i+1 && src[close-1] == '}' {
						close--
					}
					*fields = append(*fields, [2]int{i + 1, close})
				}
				i = end
				continue
			}
		}
		i++
	}
	return len(src)
}

// scanField scans an f-string replacement field from just after its `{`
// to just after its `}`: an expression (with brackets, and strings that
// may reuse the enclosing quote, as Python 3.12 allows), an optional
// conversion, and a format spec that may hold nested fields.
func scanField(src []byte, i int, triple bool, level int) int {
	depth := 0
	for i < len(src) {
		c := src[i]
		switch {
		case (c == '\n' || c == '\r') && !triple && depth == 0:
			// A single-quoted f-string cannot span lines outside brackets
			// in older Pythons; stop here so the string ends at the line.
			return i
		case c == '"' || c == '\'':
			j := i
			for j > 0 && isIdentChar(src[j-1]) {
				j--
			}
			formatted := false
			if j < i && isStringPrefix(src[j:i]) {
				formatted = prefixHas(src[j:i], 'f') || prefixHas(src[j:i], 't')
			}
			i = scanStringBody(src, i, formatted, level, nil)
			continue
		case c == '#':
			for i < len(src) && src[i] != '\n' && src[i] != '\r' {
				i++
			}
			continue
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']':
			if depth > 0 {
				depth--
			}
		case c == '}':
			if depth == 0 {
				return i + 1
			}
			depth--
		case c == ':' && depth == 0:
			return scanSpec(src, i+1, triple, level)
		}
		i++
	}
	return len(src)
}

// scanSpec scans a format spec up to and past the field's `}`.
func scanSpec(src []byte, i int, triple bool, level int) int {
	for i < len(src) {
		c := src[i]
		switch {
		case (c == '\n' || c == '\r') && !triple:
			return i
		case c == '\\':
			i += 2
			continue
		case c == '{':
			if level < 64 {
				i = scanField(src, i+1, triple, level+1)
				continue
			}
		case c == '}':
			return i + 1
		}
		i++
	}
	return len(src)
}

// scanNumber returns the end of the number starting at i.
func scanNumber(src []byte, i int) int {
	if src[i] == '0' && i+1 < len(src) {
		switch src[i+1] | 0x20 {
		case 'x', 'o', 'b':
			i += 2
			for i < len(src) && (isIdentChar(src[i])) {
				i++
			}
			return i
		}
	}
	digits := func() {
		for i < len(src) && (isDigit(src[i]) || src[i] == '_') {
			i++
		}
	}
	digits()
	if i < len(src) && src[i] == '.' {
		i++
		digits()
	}
	if i < len(src) && src[i]|0x20 == 'e' {
		j := i + 1
		if j < len(src) && (src[j] == '+' || src[j] == '-') {
			j++
		}
		if j < len(src) && isDigit(src[j]) {
			i = j
			digits()
		}
	}
	if i < len(src) && src[i]|0x20 == 'j' {
		i++
	}
	return i
}
