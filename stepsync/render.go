package stepsync

import (
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// scalar writes a scalar value as YAML, quoted where needed.
func scalar(v any) string {
	switch x := v.(type) {
	case bool:
		return strconv.FormatBool(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case Float:
		return x.Text
	case string:
		n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: x}
		if strings.ContainsAny(x, "\n\r\t") || x == "" {
			n.Style = yaml.DoubleQuotedStyle
		}
		b, err := yaml.Marshal(n)
		if err != nil {
			return strconv.Quote(x)
		}
		return strings.TrimSuffix(string(b), "\n")
	case nil:
		return "null"
	}
	return strconv.Quote("")
}

// value writes the value of a key: " scalar" on the key's line, or the
// lines of a list indented by ind (each starting with nl).
func value(v any, ind, nl string) string {
	list, ok := v.([]any)
	if !ok {
		return " " + scalar(v)
	}
	if len(list) == 0 {
		return " []"
	}
	var b strings.Builder
	for _, x := range list {
		b.WriteString(nl + ind + "- " + scalar(x))
	}
	return b.String()
}

// field writes `key: value` at column col (without a leading line break).
func field(f Field, col int, nl string) string {
	return f.Key + ":" + value(f.Value, strings.Repeat(" ", col+2), nl)
}

// item writes a list item: the dash at column dash, its keys at column
// key, each line but the first starting with nl and its indentation.
func item(it Item, dash, key int, nl string) string {
	if key <= dash {
		key = dash + 2
	}
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", dash) + "-" + strings.Repeat(" ", key-dash-1) + "name: " + scalar(it.Name))
	for _, f := range it.Fields {
		b.WriteString(nl + strings.Repeat(" ", key) + field(f, key, nl))
	}
	return b.String()
}
