package pytext

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Str is Python's repr() of a str: in single quotes unless the text holds
// a single quote and no double quote; the quote, the backslash and what
// Python does not print are escaped. A byte that is not UTF-8 is written
// \xNN, as repr() writes a bytes value.
func Str(s string) string {
	q := byte('\'')
	if strings.Contains(s, "'") && !strings.Contains(s, "\"") {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteString(`\x` + hex(uint64(s[i]), 2))
		case r == '\\' || r == rune(q):
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			b.WriteString(`\x` + hex(uint64(r), 2))
		case r >= 0x80 && !strconv.IsPrint(r):
			b.WriteString(escape(r))
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	b.WriteByte(q)
	return b.String()
}

// escape writes a rune Python does not print: \xNN, \uNNNN or \UNNNNNNNN.
func escape(r rune) string {
	switch {
	case r <= 0xff:
		return `\x` + hex(uint64(r), 2)
	case r <= 0xffff:
		return `\u` + hex(uint64(r), 4)
	}
	return `\U` + hex(uint64(r), 8)
}

func hex(n uint64, width int) string {
	s := strconv.FormatUint(n, 16)
	return strings.Repeat("0", max(0, width-len(s))) + s
}

// Float is Python's repr() of a float: the shortest digits that read back
// as f, positional from 1e-4 up to 1e16 (with at least one decimal) and
// in exponent notation outside, with at least two exponent digits.
func Float(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	if abs := math.Abs(f); abs != 0 && (abs < 1e-4 || abs >= 1e16) {
		return strconv.FormatFloat(f, 'e', -1, 64)
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}
