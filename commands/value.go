package commands

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is the Python type of a value.
type Kind int

// Value kinds.
const (
	None Kind = iota
	Bool
	Int
	Float
	Str
	List
	// Date is a date or a date with a time; Text is its str().
	Date
	// Other is a value this package does not print (a mapping, a date
	// with a time); Text says what it is, for messages.
	Other
)

// Value is a parameter value as Python holds it.
type Value struct {
	Kind Kind
	// Bool is a bool's truth.
	Bool bool
	// Text is a string's text, an int's decimal digits, or what an Other
	// value is.
	Text string
	// Float is a float's value.
	Float float64
	// Items are a list's items.
	Items []Value
}

// Constructors of values.
func StrValue(s string) Value        { return Value{Kind: Str, Text: s} }
func BoolValue(b bool) Value         { return Value{Kind: Bool, Bool: b} }
func FloatValue(f float64) Value     { return Value{Kind: Float, Float: f} }
func IntValue(i int64) Value         { return Value{Kind: Int, Text: strconv.FormatInt(i, 10)} }
func BigIntValue(i *big.Int) Value   { return Value{Kind: Int, Text: i.String()} }
func ListValue(items ...Value) Value { return Value{Kind: List, Items: items} }

// IsNone reports Python's None.
func (v Value) IsNone() bool { return v.Kind == None }

// Truthy is Python's bool(v).
func (v Value) Truthy() bool {
	switch v.Kind {
	case None:
		return false
	case Bool:
		return v.Bool
	case Int:
		return v.Text != "0"
	case Float:
		return v.Float != 0
	case Str:
		return v.Text != ""
	case List:
		return len(v.Items) > 0
	}
	return true
}

// printable reports whether Python can print v (str, repr).
func (v Value) printable() bool {
	switch v.Kind {
	case Other:
		return false
	case List:
		for _, it := range v.Items {
			if !it.printable() {
				return false
			}
		}
	}
	return true
}

// Str is Python's str(v). ok is false for a value this package does not
// print.
func (v Value) Str() (string, bool) {
	switch v.Kind {
	case Str, Date:
		return v.Text, true
	}
	return v.Repr()
}

// Repr is Python's repr(v).
func (v Value) Repr() (string, bool) {
	switch v.Kind {
	case None:
		return "None", true
	case Bool:
		if v.Bool {
			return "True", true
		}
		return "False", true
	case Int:
		return v.Text, true
	case Float:
		return floatRepr(v.Float), true
	case Str:
		return strRepr(v.Text), true
	case List:
		var b strings.Builder
		b.WriteByte('[')
		for i, it := range v.Items {
			if i > 0 {
				b.WriteString(", ")
			}
			s, ok := it.Repr()
			if !ok {
				return "", false
			}
			b.WriteString(s)
		}
		b.WriteByte(']')
		return b.String(), true
	}
	return "", false
}

// floatRepr is Python's repr of a float: the shortest digits that read
// back as f, in positional notation from 1e-4 up to 1e16 (with at least
// one decimal), in exponent notation outside.
func floatRepr(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // -d.ddde±XX
	sign := ""
	if e[0] == '-' {
		sign, e = "-", e[1:]
	}
	mant, expText, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(expText)
	digits := strings.Replace(mant, ".", "", 1)
	if exp < -4 || exp >= 16 {
		m := digits[:1]
		if len(digits) > 1 {
			m += "." + digits[1:]
		}
		es := "+"
		if exp < 0 {
			es, exp = "-", -exp
		}
		return sign + m + "e" + es + fmtTwo(exp)
	}
	point := exp + 1 // digits before the decimal point
	switch {
	case point <= 0:
		return sign + "0." + strings.Repeat("0", -point) + digits
	case point >= len(digits):
		return sign + digits + strings.Repeat("0", point-len(digits)) + ".0"
	}
	return sign + digits[:point] + "." + digits[point:]
}

// fmtTwo writes n with at least two digits.
func fmtTwo(n int) string {
	s := strconv.Itoa(n)
	if len(s) < 2 {
		s = "0" + s
	}
	return s
}

// strRepr is Python's repr of a str: single quotes unless the text holds
// a single quote and no double quote, escapes for the quote, backslash
// and what Python does not print.
func strRepr(s string) string {
	q := byte('\'')
	if strings.ContainsRune(s, '\'') && !strings.ContainsRune(s, '"') {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == rune(q) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == utf8.RuneError:
			b.WriteRune(r)
		case r < ' ' || r == 0x7f || (r >= 0x80 && r < 0xa0):
			b.WriteString(`\x` + hex(int(r), 2))
		case r == ' ' || unicode.IsPrint(r):
			b.WriteRune(r)
		case r < 0x10000:
			b.WriteString(`\u` + hex(int(r), 4))
		default:
			b.WriteString(`\U` + hex(int(r), 8))
		}
	}
	b.WriteByte(q)
	return b.String()
}

func hex(n, width int) string {
	s := strconv.FormatInt(int64(n), 16)
	return strings.Repeat("0", max(0, width-len(s))) + s
}

// Describe says what v is, for messages: its repr, or its kind.
func (v Value) Describe() string {
	if s, ok := v.Repr(); ok {
		return s
	}
	return v.Text
}
