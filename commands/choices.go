package commands

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/valohai-ls/valohai-ls/pytext"
	"github.com/valohai-ls/valohai-ls/schema"
)

// allowed reports whether a (one value of p, already checked against
// p's type) is among p's choices, as valohai-yaml's validate judges it:
// the value converted to p's type first (int for an integer, float for a
// float), then compared with Python's ==. A parameter without choices
// allows every value.
func (p *Param) allowed(a Value) bool {
	if len(p.Choices) == 0 {
		return true
	}
	a = p.converted(a)
	for _, c := range p.Choices {
		if pyEqual(a, c) {
			return true
		}
	}
	return false
}

// converted is a as valohai-yaml converts it to p's type: int(str(a))
// for an integer, float(str(a)) for a float, a itself otherwise.
func (p *Param) converted(a Value) Value {
	str, ok := a.Str()
	if !ok {
		return a
	}
	t := strings.ReplaceAll(strings.TrimFunc(str, pytext.Space), "_", "")
	switch p.Type {
	case schema.ParamInteger:
		if i, ok := new(big.Int).SetString(strings.TrimPrefix(t, "+"), 10); ok {
			return BigIntValue(i)
		}
	case schema.ParamFloat:
		if f, err := strconv.ParseFloat(t, 64); err == nil || strings.Contains(err.Error(), "range") {
			return FloatValue(f)
		}
	}
	return a
}

// pyEqual is Python's a == b for the values parameters take: numbers
// (booleans among them) by value, text by text, lists item by item.
func pyEqual(a, b Value) bool {
	if x, ok := number(a); ok {
		y, ok := number(b)
		switch {
		case !ok:
			return false
		case x == nil || y == nil: // an infinity or a NaN
			return a.Kind == Float && b.Kind == Float && a.Float == b.Float
		}
		return x.Cmp(y) == 0
	}
	if a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case None:
		return true
	case Str, Date:
		return a.Text == b.Text
	case List:
		if len(a.Items) != len(b.Items) {
			return false
		}
		for i := range a.Items {
			if !pyEqual(a.Items[i], b.Items[i]) {
				return false
			}
		}
		return true
	}
	return false
}

// number is a numeric value exactly; ok is false for other kinds, and
// the number nil for a NaN or an infinity.
func number(v Value) (r *big.Rat, ok bool) {
	switch v.Kind {
	case Bool:
		if v.Bool {
			return big.NewRat(1, 1), true
		}
		return new(big.Rat), true
	case Int:
		r, _ := new(big.Rat).SetString(v.Text)
		return r, true
	case Float:
		if math.IsInf(v.Float, 0) || math.IsNaN(v.Float) {
			return nil, true
		}
		return new(big.Rat).SetFloat64(v.Float), true
	}
	return nil, false
}

// choicesText lists p's choices for a message, as Python writes them.
func (p *Param) choicesText() string {
	parts := make([]string, len(p.Choices))
	for i, c := range p.Choices {
		parts[i] = c.Describe()
	}
	return strings.Join(parts, ", ")
}

// choiceError says that a is not among p's choices.
func (p *Param) choiceError(a Value) error {
	return fmt.Errorf("parameter %q: %s is not one of its choices (%s)", p.Name, a.Describe(), p.choicesText())
}
