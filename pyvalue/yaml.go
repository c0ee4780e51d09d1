package pyvalue

import (
	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
)

// Of reads n as the official loader does (PyYAML's YAML 1.1 typing): nil
// is None, an alias the value it names, a mapping its keys as merged.
// It is the one reading of a YAML value as a Python value.
func Of(n *yaml.Node) Value {
	n = document.Deref(n)
	if n == nil {
		return Value{}
	}
	switch n.Kind {
	case yaml.SequenceNode:
		v := Value{Kind: List, Items: make([]Value, 0, len(n.Content))}
		for _, e := range n.Content {
			v.Items = append(v.Items, Of(e))
		}
		return v
	case yaml.MappingNode:
		return Value{Kind: Dict, Len: mappingLen(n)}
	}
	v := Value{Text: n.Value}
	switch document.Resolve11(n) {
	case document.Null:
		v.Kind = None
	case document.Bool:
		v.Kind, v.Bool = Bool, document.Bool11(n.Value)
	case document.Int:
		var ok bool
		v.Kind = Int
		v.Int, ok = document.Int11(n.Value)
		v.unread = !ok
	case document.Float:
		var ok bool
		v.Kind = Float
		v.Float, ok = document.Float11(n.Value)
		v.unread = !ok
	case document.Timestamp:
		var ok bool
		v.Kind = Date
		v.date, ok = timestamp(n.Value)
		v.unread = !ok
	default:
		v.Kind = Str
	}
	return v
}

// mappingLen is the number of keys of mapping n as the loader reads it:
// merged keys counted, a key written twice once.
func mappingLen(n *yaml.Node) int {
	if len(n.Content) == 0 {
		return 0
	}
	return len(document.Pairs(n))
}
