package pyvalue

import (
	"encoding/json"
	"math/big"
	"strconv"
	"strings"
)

// FromJSON converts a value decoded by encoding/json (with UseNumber) as
// Python's json module reads it: a number with a fraction or an exponent
// is a float (an infinity when out of range), others ints.
func FromJSON(raw any) Value {
	switch x := raw.(type) {
	case nil:
		return Value{}
	case bool:
		return NewBool(x)
	case string:
		return NewStr(x)
	case json.Number:
		s := x.String()
		if strings.ContainsAny(s, ".eE") {
			f, _ := strconv.ParseFloat(s, 64) // ±Inf when out of range, as Python reads it
			return Value{Kind: Float, Float: f, Text: s}
		}
		if i, ok := new(big.Int).SetString(s, 10); ok {
			return Value{Kind: Int, Int: i, Text: s}
		}
		return NewStr(s)
	case float64:
		return NewFloat(x)
	case []any:
		v := Value{Kind: List, Items: make([]Value, 0, len(x))}
		for _, e := range x {
			v.Items = append(v.Items, FromJSON(e))
		}
		return v
	}
	m, _ := raw.(map[string]any) // the one kind left: an object
	return Value{Kind: Dict, Len: len(m)}
}
