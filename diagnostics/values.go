package diagnostics

import (
	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/pyvalue"
	"github.com/valohai-ls/valohai-ls/schema"
)

// scalarText returns the text of a scalar value, and whether n is one.
func scalarText(n *yaml.Node) (string, bool) {
	n = document.Deref(n)
	if n == nil || n.Kind != yaml.ScalarNode || document.Resolve11(n) == document.Null {
		return "", false
	}
	return n.Value, true
}

// text returns the text of a scalar value, or "".
func text(n *yaml.Node) string {
	s, _ := scalarText(n)
	return s
}

// isString reports whether n is a scalar that YAML 1.1 reads as a string.
func isString(n *yaml.Node) bool {
	n = document.Deref(n)
	return n != nil && n.Kind == yaml.ScalarNode && document.Resolve11(n) == document.String
}

// has reports whether mapping n has key.
func has(n *yaml.Node, key string) bool { return document.KeyOf(n, key) != nil }

// truthy reports whether Python would read the value of key as true:
// present, not null, not false, zero, empty text or an empty collection.
func truthy(n *yaml.Node) bool {
	n = document.Deref(n)
	if n == nil {
		return false
	}
	return pyvalue.Of(n).Truthy()
}

// mappings returns the mapping items of a sequence value.
func mappings(n *yaml.Node) []*yaml.Node {
	n = document.Deref(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	var out []*yaml.Node
	for _, e := range n.Content {
		if e = document.Deref(e); e.Kind == yaml.MappingNode {
			out = append(out, e)
		}
	}
	return out
}

// listify returns the items of a sequence, or a scalar as a one-item list.
func listify(n *yaml.Node) []*yaml.Node {
	n = document.Deref(n)
	switch {
	case n == nil || isNull(n):
		return nil
	case n.Kind == yaml.SequenceNode:
		out := make([]*yaml.Node, len(n.Content))
		for i, e := range n.Content {
			out[i] = document.Deref(e)
		}
		return out
	}
	return []*yaml.Node{n}
}

// named is an item of a list keyed by name, such as a step's parameter.
type named struct {
	name string
	node *yaml.Node // the item's mapping
	key  *yaml.Node // the name's value node
}

// untextual reports a name written as a scalar that YAML does not read as
// text (null, a number, a boolean, a date): it has an error of its own,
// defines no name, and may be the one that another name meant (as the
// model reads it: model.Symbol.Untextual).
func untextual(v *yaml.Node) bool {
	v = document.Deref(v)
	return v != nil && v.Kind == yaml.ScalarNode && document.Resolve11(v) != document.String
}

// byName returns the items of a list of mappings that have a name, the
// last one of each name winning as in the official parser, in the order
// in which the names first appear.
func byName(list *yaml.Node) ([]named, map[string]named) {
	var order []named
	last := map[string]named{}
	for _, it := range mappings(list) {
		v := document.ValueOf(it, schema.XName)
		name, ok := scalarText(v)
		if !ok || untextual(v) {
			continue
		}
		if _, seen := last[name]; !seen {
			order = append(order, named{name: name})
		}
		last[name] = named{name: name, node: it, key: v}
	}
	for i := range order {
		order[i] = last[order[i].name]
	}
	return order, last
}
