package document

import (
	"errors"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// ScalarType is what a scalar means under YAML 1.1, the rules of the
// official valohai.yaml parser (PyYAML). They differ from yaml.v3's YAML 1.2
// reading for yes/no/on/off, dates, octal and sexagesimal numbers.
type ScalarType int

// Scalar types.
const (
	String ScalarType = iota
	Null
	Bool
	Int
	Float
	Timestamp
)

// String names the type as a user would say it.
func (t ScalarType) String() string {
	return [...]string{"string", "null", "boolean", "integer", "number", "date"}[t]
}

var (
	int11   = regexp.MustCompile(`^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$`)
	float11 = regexp.MustCompile(`^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$`)
	time11  = regexp.MustCompile(`^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$`)
)

// Resolve11 returns the YAML 1.1 type of a scalar node.
func Resolve11(n *yaml.Node) ScalarType {
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return String
	}
	if n.Style&yaml.TaggedStyle != 0 {
		switch n.ShortTag() {
		case "!!null":
			return Null
		case "!!bool":
			return Bool
		case "!!int":
			return Int
		case "!!float":
			return Float
		case "!!timestamp":
			return Timestamp
		}
		return String
	}
	return ResolvePlain11(n.Value)
}

// ResolvePlain11 returns the YAML 1.1 type of an unquoted scalar's text.
func ResolvePlain11(s string) ScalarType {
	if s == "" {
		return Null
	}
	switch s {
	case "~", "null", "Null", "NULL":
		return Null
	case "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE",
		"false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF":
		return Bool
	}
	c := s[0]
	if !(c >= '0' && c <= '9') && c != '-' && c != '+' && c != '.' {
		return String
	}
	switch {
	case int11.MatchString(s):
		return Int
	case float11.MatchString(s):
		return Float
	case time11.MatchString(s):
		return Timestamp
	}
	return String
}

// Bool11 returns the truth value of a YAML 1.1 boolean text.
func Bool11(s string) bool {
	switch strings.ToLower(s) {
	case "yes", "true", "on":
		return true
	}
	return false
}

// Int11 reads a YAML 1.1 int text exactly, as PyYAML does: underscores
// dropped, 0b binary, 0x hexadecimal, a leading 0 octal, a:b:c base 60.
// It is the one reading of a YAML 1.1 number's digits (with Float11).
func Int11(s string) (*big.Int, bool) {
	t, neg := sign11(strings.ReplaceAll(s, "_", ""))
	v := new(big.Int)
	ok := true
	switch {
	case t == "0":
	case strings.HasPrefix(t, "0b"):
		_, ok = v.SetString(t[2:], 2)
	case strings.HasPrefix(t, "0x"):
		_, ok = v.SetString(t[2:], 16)
	case strings.HasPrefix(t, "0"):
		_, ok = v.SetString(t[1:], 8)
	case strings.Contains(t, ":"):
		sixty, d := big.NewInt(60), new(big.Int)
		for _, part := range strings.Split(t, ":") {
			if _, ok := d.SetString(part, 10); !ok {
				return nil, false
			}
			v.Mul(v, sixty).Add(v, d)
		}
	default:
		_, ok = v.SetString(t, 10)
	}
	if !ok {
		return nil, false
	}
	if neg {
		v.Neg(v)
	}
	return v, true
}

// Float11 reads a YAML 1.1 float text as PyYAML does: underscores
// dropped, .inf and .nan, a:b:c.d base 60.
func Float11(s string) (float64, bool) {
	t, neg := sign11(strings.ToLower(strings.ReplaceAll(s, "_", "")))
	var f float64
	switch {
	case t == ".inf":
		f = math.Inf(1)
	case t == ".nan":
		return math.NaN(), true
	case strings.Contains(t, ":"):
		for _, part := range strings.Split(t, ":") {
			d, ok := parseFloat(part)
			if !ok {
				return 0, false
			}
			f = f*60 + d
		}
	default:
		var ok bool
		if f, ok = parseFloat(t); !ok {
			return 0, false
		}
	}
	if neg {
		f = -f
	}
	return f, true
}

// parseFloat is Python's float() of a decimal text: out of range is an
// infinity, not an error.
func parseFloat(t string) (float64, bool) {
	f, err := strconv.ParseFloat(t, 64)
	return f, err == nil || errors.Is(err, strconv.ErrRange)
}

// sign11 splits a number's sign from its digits: neg for a leading -.
func sign11(t string) (digits string, neg bool) {
	if t != "" && (t[0] == '-' || t[0] == '+') {
		return t[1:], t[0] == '-'
	}
	return t, false
}
