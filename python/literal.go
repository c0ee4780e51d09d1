package python

import (
	"math"
	"strconv"
	"strings"
)

// literalTuple reads the tokens [a, b) as ast.literal_eval reads an
// expression: a literal, or a tuple of literals written without
// parentheses (`1, 2`). ok is false when the tokens are not a literal.
func (r *reader) literalTuple(a, b int) (Value, bool) {
	if a >= b {
		return Value{}, false
	}
	if r.depth0(a, b, ",") < 0 {
		v, next, ok := r.literal(a, b)
		return v, ok && next == b
	}
	items, ok := r.items(a, b)
	if !ok {
		return Value{}, false
	}
	return Value{Kind: Tuple, Items: items, Pos: r.pos(a)}, true
}

// items reads comma-separated literals filling [a, b).
func (r *reader) items(a, b int) ([]Value, bool) {
	var out []Value
	i := a
	for i < b {
		v, next, ok := r.literal(i, b)
		if !ok {
			return nil, false
		}
		out = append(out, v)
		if next < b && !r.isOp(next, ",") {
			return nil, false
		}
		i = next + 1
	}
	return out, true
}

// literal reads one literal starting at i, returning the index after it.
func (r *reader) literal(i, b int) (Value, int, bool) {
	if i >= b {
		return Value{}, i, false
	}
	t := r.toks[i]
	p := r.pos(i)
	switch t.Kind {
	case TString:
		var sb strings.Builder
		bytesKind := -1
		j := i
		for ; j < b && r.toks[j].Kind == TString; j++ {
			s, isBytes, formatted := decodeString(r.text(j))
			if formatted {
				return Value{}, i, false
			}
			bk := 0
			if isBytes {
				bk = 1
			}
			if bytesKind >= 0 && bk != bytesKind {
				return Value{}, i, false
			}
			bytesKind = bk
			sb.WriteString(s)
		}
		return Value{Kind: String, Text: sb.String(), Pos: p}, j, true
	case TNumber:
		v, ok := number(r.text(i))
		v.Pos = p
		return v, i + 1, ok
	case TName:
		switch r.text(i) {
		case "True", "False":
			return Value{Kind: Bool, Bool: r.text(i) == "True", Text: r.text(i), Pos: p}, i + 1, true
		case "None":
			return Value{Kind: None, Text: "None", Pos: p}, i + 1, true
		case "set":
			// set() is the one call literal_eval accepts.
			if r.isOp(i+1, "(") && r.isOp(i+2, ")") && i+2 < b {
				return Value{Kind: Set, Pos: p}, i + 3, true
			}
		}
		return Value{}, i, false
	case TOp:
	default:
		return Value{}, i, false
	}
	switch op := r.text(i); op {
	case "-", "+":
		if i+1 < b && r.toks[i+1].Kind == TNumber {
			v, ok := number(r.text(i + 1))
			if !ok {
				return Value{}, i, false
			}
			if op == "-" {
				v.Num = -v.Num
				v.Text = "-" + v.Text
			}
			v.Pos = p
			return v, i + 2, true
		}
		return Value{}, i, false
	case "(", "[", "{":
		c := r.match[i]
		if c < 0 || c >= b {
			return Value{}, i, false
		}
		switch {
		case op == "(":
			if c == i+1 {
				return Value{Kind: Tuple, Pos: p}, c + 1, true
			}
			if r.depth0(i+1, c, ",") < 0 {
				v, next, ok := r.literal(i+1, c)
				if !ok || next != c {
					return Value{}, i, false
				}
				return v, c + 1, true
			}
			items, ok := r.items(i+1, c)
			return Value{Kind: Tuple, Items: items, Pos: p}, c + 1, ok
		case op == "[":
			items, ok := r.items(i+1, c)
			return Value{Kind: List, Items: items, Pos: p}, c + 1, ok
		}
		if c == i+1 {
			return Value{Kind: DictV, Pos: p}, c + 1, true
		}
		if r.depth0(i+1, c, ":") < 0 {
			items, ok := r.items(i+1, c)
			return Value{Kind: Set, Items: items, Pos: p}, c + 1, ok
		}
		var items []Value
		for j := i + 1; j < c; {
			k, next, ok := r.literal(j, c)
			if !ok || !r.isOp(next, ":") {
				return Value{}, i, false
			}
			v, after, ok := r.literal(next+1, c)
			if !ok || after < c && !r.isOp(after, ",") {
				return Value{}, i, false
			}
			items = append(items, k, v)
			j = after + 1
		}
		return Value{Kind: DictV, Items: items, Pos: p}, c + 1, true
	}
	return Value{}, i, false
}

// number reads a number token. Imaginary numbers are not read.
func number(text string) (Value, bool) {
	clean := strings.ReplaceAll(text, "_", "")
	low := strings.ToLower(clean)
	if strings.HasSuffix(low, "j") {
		return Value{}, false
	}
	isFloat := !strings.HasPrefix(low, "0x") && strings.ContainsAny(low, ".e")
	if isFloat {
		f, err := strconv.ParseFloat(clean, 64)
		if err != nil && !math.IsInf(f, 0) {
			return Value{}, false
		}
		return Value{Kind: Float, Text: text, Num: f}, true
	}
	n, err := strconv.ParseInt(low, 0, 64)
	if err == nil {
		return Value{Kind: Int, Text: text, Num: float64(n)}, true
	}
	if strings.TrimLeft(low, "0123456789") == "" {
		f, _ := strconv.ParseFloat(low, 64)
		return Value{Kind: Int, Text: text, Num: f}, true
	}
	if n, ok := parseBig(low); ok {
		return Value{Kind: Int, Text: text, Num: n}, true
	}
	return Value{}, false
}

// parseBig reads a 0x / 0o / 0b integer too large for int64,
// approximately.
func parseBig(s string) (float64, bool) {
	base := 10.0
	switch {
	case strings.HasPrefix(s, "0x"):
		base, s = 16, s[2:]
	case strings.HasPrefix(s, "0o"):
		base, s = 8, s[2:]
	case strings.HasPrefix(s, "0b"):
		base, s = 2, s[2:]
	}
	if s == "" {
		return 0, false
	}
	f := 0.0
	for _, c := range s {
		d := strings.IndexRune("0123456789abcdef", c)
		if d < 0 || float64(d) >= base {
			return 0, false
		}
		f = f*base + float64(d)
	}
	return f, true
}

// decodeString returns a string token's value, whether it is bytes, and
// whether it is an f-string (whose value is not read).
func decodeString(tok string) (value string, isBytes, formatted bool) {
	k := 0
	for k < len(tok) && tok[k] != '"' && tok[k] != '\'' {
		k++
	}
	prefix := strings.ToLower(tok[:k])
	raw := strings.Contains(prefix, "r")
	isBytes = strings.Contains(prefix, "b")
	formatted = strings.ContainsAny(prefix, "ft")
	body := tok[k:]
	if body == "" {
		return "", isBytes, formatted
	}
	q := body[0]
	n := 1
	if len(body) >= 6 && body[1] == q && body[2] == q {
		n = 3
	}
	body = body[n:]
	end := strings.Repeat(string(q), n)
	if strings.HasSuffix(body, end) && len(body) >= n {
		body = body[:len(body)-n]
	}
	if raw {
		return body, isBytes, formatted
	}
	return unescape(body, isBytes), isBytes, formatted
}

func unescape(s string, isBytes bool) string {
	if !strings.Contains(s, "\\") {
		return s
	}
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			sb.WriteByte(c)
			continue
		}
		i++
		switch e := s[i]; e {
		case '\n':
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case '\\', '\'', '"':
			sb.WriteByte(e)
		case 'a':
			sb.WriteByte('\a')
		case 'b':
			sb.WriteByte('\b')
		case 'f':
			sb.WriteByte('\f')
		case 'n':
			sb.WriteByte('\n')
		case 'r':
			sb.WriteByte('\r')
		case 't':
			sb.WriteByte('\t')
		case 'v':
			sb.WriteByte('\v')
		case '0', '1', '2', '3', '4', '5', '6', '7':
			j := i
			for j < len(s) && j < i+3 && s[j] >= '0' && s[j] <= '7' {
				j++
			}
			n, _ := strconv.ParseUint(s[i:j], 8, 32)
			writeCode(&sb, rune(n), isBytes)
			i = j - 1
		case 'x', 'u', 'U':
			width := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
			if (e != 'x' && isBytes) || i+1+width > len(s) {
				sb.WriteByte('\\')
				sb.WriteByte(e)
				continue
			}
			n, err := strconv.ParseUint(s[i+1:i+1+width], 16, 32)
			if err != nil {
				sb.WriteByte('\\')
				sb.WriteByte(e)
				continue
			}
			writeCode(&sb, rune(n), isBytes)
			i += width
		default:
			sb.WriteByte('\\')
			sb.WriteByte(e)
		}
	}
	return sb.String()
}

func writeCode(sb *strings.Builder, r rune, isBytes bool) {
	if isBytes && r < 256 {
		sb.WriteByte(byte(r))
		return
	}
	sb.WriteRune(r)
}
