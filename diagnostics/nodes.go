package diagnostics

import (
	"fmt"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/pyvalue"
	"github.com/valohai-ls/valohai-ls/schema"
)

func isNull(n *yaml.Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && document.Resolve11(n) == document.Null)
}

// shapeFits reports whether n has the shape (and scalar type) of t, which
// is how one-of options are chosen.
func shapeFits(n *yaml.Node, t *schema.Type) bool {
	switch t.Kind {
	case schema.Any:
		return true
	case schema.Object:
		return n.Kind == yaml.MappingNode
	case schema.List:
		if n.Kind != yaml.SequenceNode {
			return false
		}
		for _, e := range n.Content {
			if !shapeFits(document.Deref(e), t.Items) {
				return false
			}
		}
		return true
	case schema.OneOf:
		for _, o := range t.Options {
			if shapeFits(n, o) {
				return true
			}
		}
		return false
	}
	if n.Kind != yaml.ScalarNode {
		return false
	}
	st := document.Resolve11(n)
	switch t.Kind {
	case schema.String:
		return st == document.String || (t.EnumAlsoBool && st == document.Bool)
	case schema.Boolean:
		return st == document.Bool
	case schema.Number:
		return st == document.Int || st == document.Float
	case schema.Integer:
		if st != document.Int && st != document.Float {
			return false
		}
		v, ok := number11(n)
		return ok && v == float64(int64(v))
	}
	return false
}

// describeNode says what a value is, for "must be X, not Y" messages.
func describeNode(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias of " + describeNode(document.Deref(n))
	case yaml.DocumentNode:
		return "a document"
	}
	switch document.Resolve11(n) {
	case document.Null:
		return "empty"
	case document.Bool:
		return fmt.Sprintf("the boolean %s", n.Value)
	case document.Int, document.Float:
		return fmt.Sprintf("the number %s", n.Value)
	case document.Timestamp:
		return fmt.Sprintf("the date %s", n.Value)
	}
	return fmt.Sprintf("the string %q", n.Value)
}

// article returns "a" or "an" for a word.
func article(word string) string {
	if word == "" {
		return "a"
	}
	switch word[0] {
	case 'a', 'e', 'i', 'o', 'u':
		return "an"
	}
	return "a"
}

// orList joins names as "a, b or c".
func orList(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	s := ""
	for i, n := range names[:len(names)-1] {
		if i > 0 {
			s += ", "
		}
		s += n
	}
	return s + " or " + names[len(names)-1]
}

// number11 returns the value of a scalar that YAML 1.1 reads as an int or
// a float, as a float64.
func number11(n *yaml.Node) (float64, bool) {
	v := pyvalue.Of(n)
	if v.Kind != pyvalue.Int && v.Kind != pyvalue.Float {
		return 0, false
	}
	return v.Float64()
}
