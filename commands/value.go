package commands

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/valohai-ls/valohai-ls/pytext"
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
		return pytext.Float(v.Float), true
	case Str:
		return pytext.Str(v.Text), true
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

// Describe says what v is, for messages: its repr, or its kind.
func (v Value) Describe() string {
	if s, ok := v.Repr(); ok {
		return s
	}
	return v.Text
}
