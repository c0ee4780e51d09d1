package python

import (
	"strconv"
	"strings"
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
	for i := a; i < b; i++ {
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
			plain := true
			for ; j < b && r.toks[j].Kind == TString; j++ {
				s, isBytes, formatted := decodeString(r.text(j))
				if isBytes || formatted {
					plain = false
				}
				val.WriteString(s)
			}
			if plain {
				sb.WriteString(pyRepr(val.String()))
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
		return pyFloat(v.Num)
	}
	clean := strings.ToLower(strings.ReplaceAll(text, "_", ""))
	if n, err := strconv.ParseInt(clean, 0, 64); err == nil {
		return strconv.FormatInt(n, 10)
	}
	return clean
}
