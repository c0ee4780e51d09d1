package commands

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
)

// FromYAML reads n as the official loader does (PyYAML's YAML 1.1
// typing): nil is None.
func FromYAML(n *yaml.Node) Value {
	n = document.Deref(n)
	if n == nil {
		return Value{}
	}
	switch n.Kind {
	case yaml.SequenceNode:
		v := Value{Kind: List, Items: make([]Value, 0, len(n.Content))}
		for _, e := range n.Content {
			v.Items = append(v.Items, FromYAML(e))
		}
		return v
	case yaml.MappingNode:
		return Value{Kind: Other, Text: "a mapping"}
	case yaml.ScalarNode:
	default:
		return Value{Kind: Other, Text: "a YAML node"}
	}
	switch document.Resolve11(n) {
	case document.Null:
		return Value{}
	case document.Bool:
		return BoolValue(document.Bool11(n.Value))
	case document.Int:
		if i, ok := document.Int11(n.Value); ok {
			return BigIntValue(i)
		}
	case document.Float:
		if f, ok := document.Float11(n.Value); ok {
			return FloatValue(f)
		}
	case document.Timestamp:
		if t, ok := timestamp11(n.Value); ok {
			return Value{Kind: Date, Text: t}
		}
		return Value{Kind: Other, Text: "the date " + n.Value}
	default:
		return StrValue(n.Value)
	}
	return Value{Kind: Other, Text: "the number " + n.Value}
}

// ValuesFromJSON reads a JSON object of parameter values as Python's
// json module would: a number with a fraction or an exponent is a float,
// others ints. The names are returned in the order written.
func ValuesFromJSON(data []byte) (map[string]Value, []string, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	tok, err := d.Token()
	if err != nil {
		return nil, nil, fmt.Errorf("reading the values: %w", err)
	}
	if tok != json.Delim('{') {
		return nil, nil, fmt.Errorf("the values must be a JSON object of parameter names and values")
	}
	values := map[string]Value{}
	var names []string
	for d.More() {
		k, err := d.Token()
		if err != nil {
			return nil, nil, fmt.Errorf("reading the values: %w", err)
		}
		var raw any
		if err := d.Decode(&raw); err != nil {
			return nil, nil, fmt.Errorf("reading the value of %q: %w", k, err)
		}
		name := k.(string)
		if _, seen := values[name]; !seen {
			names = append(names, name)
		}
		values[name] = fromJSON(raw)
	}
	if _, err := d.Token(); err != nil {
		return nil, nil, fmt.Errorf("reading the values: %w", err)
	}
	if _, err := d.Token(); err == nil {
		return nil, nil, fmt.Errorf("the values are followed by more text")
	}
	return values, names, nil
}

// FromJSON converts a value decoded by encoding/json (with UseNumber).
func FromJSON(raw any) Value { return fromJSON(raw) }

func fromJSON(raw any) Value {
	switch x := raw.(type) {
	case nil:
		return Value{}
	case bool:
		return BoolValue(x)
	case string:
		return StrValue(x)
	case json.Number:
		s := x.String()
		if strings.ContainsAny(s, ".eE") {
			f, _ := strconv.ParseFloat(s, 64) // ±Inf when out of range, as Python reads it
			return FloatValue(f)
		}
		if i, ok := new(big.Int).SetString(s, 10); ok {
			return BigIntValue(i)
		}
		return StrValue(s)
	case float64:
		return FloatValue(x)
	case []any:
		v := Value{Kind: List, Items: make([]Value, 0, len(x))}
		for _, e := range x {
			v.Items = append(v.Items, fromJSON(e))
		}
		return v
	}
	return Value{Kind: Other, Text: "a mapping"}
}
