package document

import (
	"math"
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

// Number11 returns the numeric value of a YAML 1.1 int or float text.
func Number11(s string) (float64, bool) {
	t := strings.ReplaceAll(s, "_", "")
	neg := false
	if t != "" && (t[0] == '-' || t[0] == '+') {
		neg = t[0] == '-'
		t = t[1:]
	}
	var v float64
	switch {
	case t == "":
		return 0, false
	case strings.Contains(t, ":"):
		for _, part := range strings.Split(t, ":") {
			f, err := strconv.ParseFloat(part, 64)
			if err != nil {
				return 0, false
			}
			v = v*60 + f
		}
	case strings.HasPrefix(t, "0b"):
		i, err := strconv.ParseUint(t[2:], 2, 64)
		if err != nil {
			return 0, false
		}
		v = float64(i)
	case strings.HasPrefix(t, "0x"):
		i, err := strconv.ParseUint(t[2:], 16, 64)
		if err != nil {
			return 0, false
		}
		v = float64(i)
	case len(t) > 1 && t[0] == '0' && !strings.ContainsAny(t, ".eE"):
		i, err := strconv.ParseUint(t[1:], 8, 64)
		if err != nil {
			return 0, false
		}
		v = float64(i)
	case strings.EqualFold(t, ".inf"):
		v = math.Inf(1)
	case strings.EqualFold(t, ".nan"):
		return math.NaN(), true
	default:
		f, err := strconv.ParseFloat(t, 64)
		if err != nil {
			return 0, false
		}
		v = f
	}
	if neg {
		v = -v
	}
	return v, true
}
