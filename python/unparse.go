package python

import (
	"strconv"
	"strings"

	"github.com/valohai-ls/valohai-ls/pytext"
)

// unparse renders the tokens [a, b) of an expression the way Python's
// ast.unparse writes it, as far as tokens allow: strings re-quoted as
// repr() does (adjacent ones joined), numbers in their canonical form,
// binary operators and keywords between spaces, a space after commas and
// after the colons of dicts and lambdas, none around keyword `=`.
// Parentheses are kept as written.
func (r *reader) unparse(a, b int) string {
	var sb strings.Builder
	var stack []bracket
	prev := -1 // index of the previous token
	prevBinary := false
	drop := r.redundant(a, b)
	for i := a; i < b; i++ {
		if drop[i] {
			continue
		}
		t := r.toks[i]
		text := r.text(i)
		binary := false
		if t.Kind == TOp && r.operandEnd(prev, a) {
			switch text {
			case "+", "-", "*", "**", "/", "//", "%", "@", "<<", ">>", "&", "|", "^",
				"<", ">", "<=", ">=", "==", "!=", ":=", "->":
				binary = true
			}
		}
		if prev >= a && r.spaceBetween(prev, i, prevBinary, binary, stack) {
			sb.WriteByte(' ')
		}
		switch t.Kind {
		case TString:
			j := i
			var val strings.Builder
			plain, bytes := true, 0
			for ; j < b && r.toks[j].Kind == TString; j++ {
				s, isBytes, formatted := decodeString(r.text(j))
				if formatted {
					plain = false
				}
				if isBytes {
					bytes++
				}
				val.WriteString(s)
			}
			if plain && bytes == j-i && isASCII(val.String()) {
				sb.WriteString("b" + pytext.Str(val.String()))
			} else if plain && bytes == 0 {
				sb.WriteString(pytext.Str(val.String()))
			} else if f, ok := simpleFString(r.text(i)); ok && j == i+1 {
				sb.WriteString(f)
			} else {
				for k := i; k < j; k++ {
					if k > i {
						sb.WriteByte(' ')
					}
					sb.WriteString(r.text(k))
				}
			}
			i = j - 1
		case TNumber:
			sb.WriteString(canonicalNumber(text))
		default:
			sb.WriteString(text)
		}
		if t.Kind == TOp {
			switch text {
			case "(", "[", "{":
				stack = append(stack, bracket{subscript: text == "[" && r.operandEnd(prev, a)})
			case ")", "]", "}":
				if len(stack) > 0 {
					stack = stack[:len(stack)-1]
				}
			}
		}
		prev, prevBinary = i, binary
	}
	return sb.String()
}

// redundant marks the tokens ast.unparse leaves out: a trailing comma
// before a closing bracket (but not the one of a one-item tuple), and the
// parentheses around a single name, call, subscript or literal.
func (r *reader) redundant(a, b int) map[int]bool {
	var drop map[int]bool
	mark := func(i int) {
		if drop == nil {
			drop = map[int]bool{}
		}
		drop[i] = true
	}
	for i := a; i < b; i++ {
		if !r.isOp(i, ",") || i+1 >= b {
			continue
		}
		if !r.isOp(i+1, ")") && !r.isOp(i+1, "]") && !r.isOp(i+1, "}") {
			continue
		}
		open := r.opener[i+1]
		if open < a {
			open = -1
		}
		if open >= 0 && r.isOp(open, "(") && !r.callParen(a, open) && r.depth0(open+1, i, ",") < 0 {
			continue // (x,)
		}
		mark(i)
	}
	for i := a; i < b; i++ {
		c := r.match[i]
		if !r.isOp(i, "(") || c < 0 || c >= b || c == i+1 || r.callParen(a, i) {
			continue
		}
		if r.simpleOperand(i+1, c) {
			mark(i)
			mark(c)
		}
	}
	return drop
}

// simpleOperand reports whether [a, b) is one primary: a name, number or
// string with trailers (`.x`, calls, subscripts), or a bracketed display.
func (r *reader) simpleOperand(a, b int) bool {
	i := a
	switch t := r.toks[i]; {
	case t.Kind == TName && !keywords[r.text(i)] || r.is(i, TName, "True") || r.is(i, TName, "False") || r.is(i, TName, "None"):
		i++
	case t.Kind == TNumber:
		i++
	case t.Kind == TString:
		for i < b && r.toks[i].Kind == TString {
			i++
		}
	case r.isOp(i, "[") || r.isOp(i, "{"):
		i = r.skip(i, b)
	default:
		return false
	}
	for i < b {
		switch {
		case r.isOp(i, ".") && i+1 < b && r.toks[i+1].Kind == TName:
			i += 2
		case r.isOp(i, "(") || r.isOp(i, "["):
			i = r.skip(i, b)
		default:
			return false
		}
	}
	return true
}

// simpleFString re-quotes an f-string as ast.unparse does when that is a
// matter of quotes only: f"a {b}" → f'a {b}'.
func simpleFString(tok string) (string, bool) {
	if len(tok) < 3 || tok[0]|0x20 != 'f' || tok[1] != '"' || tok[len(tok)-1] != '"' {
		return "", false
	}
	body := tok[2 : len(tok)-1]
	if len(body) >= 2 && body[:2] == `""` || strings.ContainsAny(body, "'\\\"") {
		return "", false
	}
	return "f'" + body + "'", true
}

// operandEnd reports whether the token at i ends an operand, so that an
// operator after it is binary.
func (r *reader) operandEnd(i, a int) bool {
	if i < a {
		return false
	}
	switch r.toks[i].Kind {
	case TNumber, TString:
		return true
	case TName:
		w := r.text(i)
		return !keywords[w] || w == "True" || w == "False" || w == "None"
	case TOp:
		t := r.text(i)
		return t == ")" || t == "]" || t == "}"
	}
	return false
}

type bracket struct{ subscript bool }

var wordOps = map[string]bool{"if": true, "else": true, "for": true, "in": true, "is": true,
	"and": true, "or": true, "not": true, "lambda": true, "await": true, "yield": true, "async": true, "from": true}

func (r *reader) spaceBetween(p, i int, prevBinary, binary bool, stack []bracket) bool {
	pt, ct := r.toks[p], r.toks[i]
	ptext, ctext := r.text(p), r.text(i)
	if pt.Kind == TOp && ptext == "," && !(ct.Kind == TOp && (ctext == ")" || ctext == "]" || ctext == "}")) {
		return true
	}
	if ct.Kind == TOp {
		switch ctext {
		case ")", "]", "}", ",", ".", ":", ";", "=":
			return false
		case "(", "[":
			if r.operandEnd(p, 0) {
				return false
			}
		}
	}
	if pt.Kind == TOp {
		switch ptext {
		case "(", "[", "{", ".", "=", "~":
			return false
		case ",":
			return true
		case ":":
			return len(stack) == 0 || !stack[len(stack)-1].subscript
		}
	}
	if binary || prevBinary {
		return true
	}
	if pt.Kind == TOp && !prevBinary {
		// a unary operator, or `*` / `**` unpacking
		switch ptext {
		case "-", "+", "*", "**":
			return false
		}
	}
	if pt.Kind == TName && wordOps[ptext] || ct.Kind == TName && wordOps[ctext] {
		return true
	}
	return pt.Kind != TOp && ct.Kind != TOp
}

// canonicalNumber writes a number as ast.unparse does: 1_000 → 1000,
// 0x10 → 16, 1e3 → 1000.0.
func canonicalNumber(text string) string {
	v, ok := number(text)
	if !ok {
		return text
	}
	if v.Kind == Float {
		return pytext.Float(v.Num)
	}
	clean := strings.ToLower(strings.ReplaceAll(text, "_", ""))
	if n, err := strconv.ParseInt(clean, 0, 64); err == nil {
		return strconv.FormatInt(n, 10)
	}
	return clean
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
