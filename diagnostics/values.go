package diagnostics

import (
	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
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
}

// untextual reports a name written as a scalar that YAML does not read as
// text (null, a number, a boolean, a date): it has an error of its own,
// defines no name, and may be the one that another name meant (as the
// model reads it: model.Symbol.Untextual).
func untextual(v *yaml.Node) bool {
	v = document.Deref(v)
	return v != nil && v.Kind == yaml.ScalarNode && document.Resolve11(v) != document.String
}

// children returns the mappings of item e's children of kind (a step's
// parameters...), in the order written: every mapping of its list, named
// or not, as the model reads them.
func children(e *model.Symbol, kind model.Kind) []*yaml.Node {
	var out []*yaml.Node
	for _, ch := range e.Children {
		if ch.Kind == kind && ch.Body != nil {
			out = append(out, ch.Body)
		}
	}
	return out
}

// kept returns item e's children of kind that the official parser keeps
// by name: those named with text (`name: ""` too, which the model leaves
// unnamed), the last of each name winning, in the order in which the
// names first appear.
func kept(e *model.Symbol, kind model.Kind) []named {
	var order []named
	last := map[string]named{}
	for _, ch := range e.Children {
		if ch.Kind != kind || ch.Body == nil || ch.Untextual {
			continue
		}
		if ch.Name == "" && !emptyName(ch.Body) {
			continue
		}
		if _, seen := last[ch.Name]; !seen {
			order = append(order, named{name: ch.Name})
		}
		last[ch.Name] = named{name: ch.Name, node: ch.Body}
	}
	for i := range order {
		order[i] = last[order[i].name]
	}
	return order
}

// emptyName reports an item whose name is written as empty text
// (`name: ""`), which the model does not tell from no name.
func emptyName(it *yaml.Node) bool {
	v := document.Deref(document.ValueOf(it, schema.XName))
	return v != nil && v.Kind == yaml.ScalarNode && v.Value == "" && document.Resolve11(v) == document.String
}
