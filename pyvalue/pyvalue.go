// Package pyvalue reads YAML values as the official Python tools see them
// (PyYAML's YAML 1.1 typing), enough to repeat their truth tests,
// comparisons and conversions.
package pyvalue

import (
	"math/big"

	"github.com/valohai-ls/valohai-ls/pytext"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
)

// Kind is the Python type the official parser reads a YAML value as.
type Kind int

const (
	None Kind = iota
	Bool
	Int
	Float
	Str
	Date
	List
	Dict
)

// Value is a YAML value as Python sees it, enough to repeat the
// official validator's comparisons and conversions.
type Value struct {
	Kind  Kind
	Num   float64 // bool (0 or 1), int and float
	Str   string  // the text of a string, or of a scalar as written
	Items []Value
}

// Of reads n with YAML 1.1 typing.
func Of(n *yaml.Node) Value {
	n = document.Deref(n)
	if n == nil {
		return Value{Kind: None}
	}
	switch n.Kind {
	case yaml.SequenceNode:
		v := Value{Kind: List}
		for _, e := range n.Content {
			v.Items = append(v.Items, Of(e))
		}
		return v
	case yaml.MappingNode:
		return Value{Kind: Dict, Num: float64(len(n.Content) / 2)}
	}
	v := Value{Str: n.Value}
	switch document.Resolve11(n) {
	case document.Null:
		v.Kind = None
	case document.Bool:
		v.Kind = Bool
		if document.Bool11(n.Value) {
			v.Num = 1
		}
	case document.Int:
		v.Kind = Int
		if i, ok := document.Int11(n.Value); ok {
			v.Num, _ = new(big.Float).SetInt(i).Float64()
		}
	case document.Float:
		v.Kind = Float
		v.Num, _ = document.Float11(n.Value)
	case document.Timestamp:
		v.Kind = Date
	default:
		v.Kind = Str
	}
	return v
}

func (v Value) Truthy() bool {
	switch v.Kind {
	case None:
		return false
	case Bool, Int, Float, Dict:
		return v.Num != 0
	case Str:
		return v.Str != ""
	case List:
		return len(v.Items) > 0
	}
	return true
}

// Numeric reports whether Python compares v as a number.
func (v Value) Numeric() bool { return v.Kind == Bool || v.Kind == Int || v.Kind == Float }

// Describe says what v is, for messages.
func (v Value) Describe() string {
	switch v.Kind {
	case None:
		return "empty"
	case Bool:
		return "the boolean " + v.Str
	case Int, Float:
		return "the number " + v.Str
	case Date:
		return "the date " + v.Str
	case List:
		return "a list"
	case Dict:
		return "a mapping"
	}
	return `"` + v.Str + `"`
}

// IntOK reports whether Python's int(str(v)) succeeds.
func (v Value) IntOK() bool {
	switch v.Kind {
	case Int:
		return true
	case Str:
		return pytext.IntOK(v.Str)
	}
	return false
}

// FloatOK reports whether Python's float(str(v)) succeeds.
func (v Value) FloatOK() bool {
	switch v.Kind {
	case Int, Float:
		return true
	case Str:
		return pytext.FloatOK(v.Str)
	}
	return false
}

// Equal is Python's == between two values read from YAML.
func Equal(a, b Value) bool {
	switch {
	case a.Numeric() && b.Numeric():
		return a.Num == b.Num
	case a.Kind != b.Kind:
		return false
	case a.Kind == None:
		return true
	case a.Kind == Str, a.Kind == Date:
		return a.Str == b.Str
	case a.Kind == List:
		if len(a.Items) != len(b.Items) {
			return false
		}
		for i := range a.Items {
			if !Equal(a.Items[i], b.Items[i]) {
				return false
			}
		}
		return true
	}
	return false
}
