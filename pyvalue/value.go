// Package pyvalue holds a value as the official Python tools hold it: read
// from YAML with PyYAML's YAML 1.1 typing (Of) or from JSON (FromJSON),
// enough to repeat Python's truth tests, comparisons, conversions and
// printing (str, repr) exactly. Ints are exact; a date prints as Python's
// str() of it.
package pyvalue

import (
	"math/big"

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
	// Date is a date or a date with a time.
	Date
	List
	// Dict is a mapping: only its number of keys is kept.
	Dict
)

// Value is a value as Python holds it.
type Value struct {
	Kind Kind
	// Text is a string's text; of a value read from a YAML scalar, the
	// scalar as written (for messages); of a made one, Python's str().
	Text string
	// Bool is a bool's truth.
	Bool bool
	// Int is an int's value (nil when it is unread).
	Int *big.Int
	// Float is a float's value.
	Float float64
	// Items are a list's items.
	Items []Value
	// Len is a mapping's number of keys.
	Len int
	// date is a date's str().
	date string
	// unread marks a number or a date PyYAML fails to construct (a
	// !!int tag on text that is no int, the 31st of February): it
	// prints as nothing and compares as no number.
	unread bool
}

// Constructors of values.
func NewStr(s string) Value        { return Value{Kind: Str, Text: s} }
func NewFloat(f float64) Value     { return Value{Kind: Float, Float: f, Text: pytext.Float(f)} }
func NewInt(i int64) Value         { return NewBigInt(big.NewInt(i)) }
func NewList(items ...Value) Value { return Value{Kind: List, Items: items} }

// NewBool is Python's True or False.
func NewBool(b bool) Value {
	if b {
		return Value{Kind: Bool, Bool: true, Text: "True"}
	}
	return Value{Kind: Bool, Text: "False"}
}

// NewBigInt is the int i (which the value then holds).
func NewBigInt(i *big.Int) Value { return Value{Kind: Int, Int: i, Text: i.String()} }

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
		return v.Int != nil && v.Int.Sign() != 0
	case Float:
		return v.Float != 0
	case Str:
		return v.Text != ""
	case List:
		return len(v.Items) > 0
	case Dict:
		return v.Len > 0
	}
	return true
}

// Numeric reports whether Python compares v as a number (a bool is one).
func (v Value) Numeric() bool {
	switch v.Kind {
	case Bool:
		return true
	case Int, Float:
		return !v.unread
	}
	return false
}

// Float64 is a number's value as a float64 (a bool's 0 or 1), for
// comparisons with values known only as floats; ok is false for others.
func (v Value) Float64() (f float64, ok bool) {
	switch {
	case !v.Numeric():
		return 0, false
	case v.Kind == Bool:
		if v.Bool {
			return 1, true
		}
		return 0, true
	case v.Kind == Int:
		f, _ := new(big.Float).SetInt(v.Int).Float64()
		return f, true
	}
	return v.Float, true
}

// IntOK reports whether Python's int(str(v)) succeeds (as valohai-yaml's
// validator asks it of an integer parameter's value).
func (v Value) IntOK() bool {
	switch v.Kind {
	case Int:
		return true
	case Str:
		return pytext.IntOK(v.Text)
	}
	return false
}

// FloatOK reports whether Python's float(str(v)) succeeds.
func (v Value) FloatOK() bool {
	switch v.Kind {
	case Int, Float:
		return true
	case Str:
		return pytext.FloatOK(v.Text)
	}
	return false
}
