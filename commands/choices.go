package commands

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/valohai-ls/valohai-ls/pytext"
	"github.com/valohai-ls/valohai-ls/pyvalue"
	"github.com/valohai-ls/valohai-ls/schema"
)

// allowed reports whether a (one value of p, already checked against
// p's type) is among p's choices, as valohai-yaml's validate judges it:
// the value converted to p's type first (int for an integer, float for a
// float), then compared with Python's ==. A parameter without choices
// allows every value.
func (p *Param) allowed(a pyvalue.Value) bool {
	if len(p.Choices) == 0 {
		return true
	}
	a = p.converted(a)
	for _, c := range p.Choices {
		if pyvalue.Equal(a, c) {
			return true
		}
	}
	return false
}

// converted is a as valohai-yaml converts it to p's type: int(str(a))
// for an integer, float(str(a)) for a float, a itself otherwise.
func (p *Param) converted(a pyvalue.Value) pyvalue.Value {
	str, ok := a.Str()
	if !ok {
		return a
	}
	t := strings.ReplaceAll(strings.TrimFunc(str, pytext.Space), "_", "")
	switch p.Type {
	case schema.ParamInteger:
		if i, ok := new(big.Int).SetString(strings.TrimPrefix(t, "+"), 10); ok {
			return pyvalue.NewBigInt(i)
		}
	case schema.ParamFloat:
		if f, err := strconv.ParseFloat(t, 64); err == nil || strings.Contains(err.Error(), "range") {
			return pyvalue.NewFloat(f)
		}
	}
	return a
}

// choicesText lists p's choices for a message, as Python writes them.
func (p *Param) choicesText() string {
	parts := make([]string, len(p.Choices))
	for i, c := range p.Choices {
		parts[i] = c.DescribeRepr()
	}
	return strings.Join(parts, ", ")
}

// choiceError says that a is not among p's choices.
func (p *Param) choiceError(a pyvalue.Value) error {
	return fmt.Errorf("parameter %q: %s is not one of its choices (%s)", p.Name, a.DescribeRepr(), p.choicesText())
}
