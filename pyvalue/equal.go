package pyvalue

import (
	"math"
	"math/big"
)

// Equal is Python's a == b: numbers (bools among them) by value, exactly
// (an int and a float too), text by text, dates by what they print, lists
// item by item. Mappings, whose keys are not kept, are never equal.
func Equal(a, b Value) bool {
	if a.Numeric() || b.Numeric() {
		c, ok := Compare(a, b)
		return ok && c == 0
	}
	switch {
	case a.Kind != b.Kind:
		return false
	case a.Kind == None:
		return true
	case a.Kind == Str:
		return a.Text == b.Text
	case a.Kind == Date:
		if a.unread || b.unread {
			return a.unread && b.unread && a.Text == b.Text
		}
		return a.date == b.date
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

// Compare orders two numbers as Python does, exactly: -1 when a < b, 0
// when they are equal, +1 when a > b. ok is false when either is no
// number, or a NaN.
func Compare(a, b Value) (c int, ok bool) {
	if !a.Numeric() || !b.Numeric() {
		return 0, false
	}
	ai, af := parts(a)
	bi, bf := parts(b)
	switch {
	case ai != nil && bi != nil:
		return ai.Cmp(bi), true
	case ai == nil && bi == nil:
		return cmpFloat(af, bf)
	case ai == nil:
		c, ok := cmpFloatInt(af, bi)
		return c, ok
	}
	c, ok = cmpFloatInt(bf, ai)
	return -c, ok
}

// parts is a number as an int (a bool's 0 or 1), or as a float.
func parts(v Value) (*big.Int, float64) {
	switch v.Kind {
	case Bool:
		if v.Bool {
			return big.NewInt(1), 0
		}
		return new(big.Int), 0
	case Int:
		return v.Int, 0
	}
	return nil, v.Float
}

func cmpFloat(a, b float64) (int, bool) {
	switch {
	case math.IsNaN(a) || math.IsNaN(b):
		return 0, false
	case a < b:
		return -1, true
	case a > b:
		return 1, true
	}
	return 0, true
}

// cmpFloatInt compares a float with an int exactly.
func cmpFloatInt(f float64, i *big.Int) (int, bool) {
	switch {
	case math.IsNaN(f):
		return 0, false
	case math.IsInf(f, 0):
		if f > 0 {
			return 1, true
		}
		return -1, true
	}
	return new(big.Float).SetFloat64(f).Cmp(new(big.Float).SetInt(i)), true
}
