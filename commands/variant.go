package commands

import (
	"fmt"
	"math"
	"math/big"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/pyvalue"
	"github.com/valohai-ls/valohai-ls/schema"
)

// styles are the variant styles valohai-yaml knows.
var styles = []string{schema.StyleSingle, schema.StyleMultiple, schema.StyleLinear, schema.StyleLogspace, schema.StyleRandom}

// readVariant reads the variant parameter written as mapping e. Its
// Style is "" (and Why says why) when valohai-yaml does not load it.
func readVariant(name string, e *yaml.Node) Variant {
	v := Variant{Name: name}
	style, why := variantStyle(pyvalue.Of(document.ValueOf(e, schema.XStyle)))
	if why != "" {
		v.Why = fmt.Sprintf("task parameter %q: %s", name, why)
		return v
	}
	v.Style = style
	rules := document.Deref(document.ValueOf(e, schema.XRules))
	if rules == nil || rules.Kind != yaml.MappingNode {
		return v.notKnown("its rules are not a mapping")
	}
	rule := func(key string) pyvalue.Value { return pyvalue.Of(document.ValueOf(rules, key)) }
	switch style {
	case schema.StyleSingle:
		v.Min, v.Max = big.NewInt(1), big.NewInt(1)
		if val := rule(schema.XRuleValue); !val.IsNone() {
			v.Values = []pyvalue.Value{val}
		}
	case schema.StyleMultiple:
		items := rule(schema.XItems)
		if items.Kind != pyvalue.List || len(items.Items) == 0 {
			return v.notKnown("its items are not a list of values")
		}
		n := big.NewInt(int64(len(items.Items)))
		v.Min, v.Max, v.Values = n, n, items.Items
	case schema.StyleLinear:
		return v.linear(rule(schema.XRuleStart), rule(schema.XRuleEnd), rule(schema.XRuleStep))
	default: // logspace, random: count values, made when the task starts
		n, ok := positive(rule(schema.XRuleCount))
		if !ok {
			return v.notKnown("its count is not a whole number above 0")
		}
		v.Min, v.Max = n, n
	}
	return v
}

// variantStyle reads a style as valohai-yaml's cast does: none is
// single, others lower-cased.
func variantStyle(v pyvalue.Value) (string, string) {
	if !v.Truthy() {
		return schema.StyleSingle, ""
	}
	s, ok := v.Str()
	if !ok {
		return "", "its style is not readable"
	}
	s = strings.ToLower(s)
	for _, k := range styles {
		if s == k {
			return s, ""
		}
	}
	return "", fmt.Sprintf("%s is not a style", v.DescribeRepr())
}

// notKnown marks the number of v's values as not known.
func (v Variant) notKnown(why string) Variant {
	v.Min, v.Max, v.Values, v.Why = nil, nil, nil, why
	return v
}

// linear counts the values of a linear range from start to end by step.
// Where end itself falls on the range, whether Valohai includes it is not
// known here: the count is then one of two numbers (a range whose start
// is its end has the one value).
func (v Variant) linear(start, end, step pyvalue.Value) Variant {
	a, okA := float(start)
	b, okB := float(end)
	s, okS := float(step)
	switch {
	case !okA || !okB || !okS:
		return v.notKnown("its start, end and step are not all numbers")
	case s == 0:
		return v.notKnown("its step is 0")
	}
	r := (b - a) / s
	if r < 0 || math.IsInf(r, 0) || math.IsNaN(r) || r > 1e15 {
		return v.notKnown("its step does not lead from start to end")
	}
	whole := math.Round(r)
	if math.Abs(r-whole) <= 1e-9*math.Max(1, whole) {
		n := int64(whole)
		if n == 0 {
			v.Min, v.Max, v.Values = big.NewInt(1), big.NewInt(1), []pyvalue.Value{start}
			return v
		}
		v.Min, v.Max = big.NewInt(n), big.NewInt(n+1)
		return v
	}
	n := big.NewInt(int64(math.Floor(r)) + 1)
	v.Min, v.Max = n, n
	return v
}

// count says how many values v has, for a plan's How.
func (v Variant) count() string { return v.valueCount() + " of `" + v.Name + "`" }

// valueCount is "1 value", "3 values" or "3 or 4 values".
func (v Variant) valueCount() string {
	if v.Min.IsInt64() && v.Min.Int64() == 1 && v.Min.Cmp(v.Max) == 0 {
		return "1 value"
	}
	return rangeText(v.Min, v.Max) + " values"
}

// Describe says what is known of v's values.
func (v Variant) Describe() string {
	if v.Min == nil {
		return fmt.Sprintf("`%s` (%s): %s", v.Name, v.Style, v.Why)
	}
	what := fmt.Sprintf("`%s` (%s): %s", v.Name, v.Style, v.valueCount())
	if v.Min.Cmp(v.Max) != 0 {
		what += " (whether Valohai includes `end` itself is not known here)"
	}
	if len(v.Values) > 0 {
		parts := make([]string, 0, min(len(v.Values), 6))
		for i, val := range v.Values {
			if i == 6 {
				parts = append(parts, "…")
				break
			}
			parts = append(parts, val.DescribeRepr())
		}
		what += ": " + strings.Join(parts, ", ")
	}
	return what
}

// float reads a number (not a boolean).
func float(v pyvalue.Value) (float64, bool) {
	if v.Kind == pyvalue.Bool {
		return 0, false
	}
	return v.Float64()
}

// positive reads a whole number above 0 (an int, not a boolean).
func positive(v pyvalue.Value) (*big.Int, bool) {
	if v.Kind != pyvalue.Int || !v.Truthy() || v.Int.Sign() < 0 {
		return nil, false
	}
	return new(big.Int).Set(v.Int), true
}
