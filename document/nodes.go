package document

import "gopkg.in/yaml.v3"

// Deref follows an alias to its anchored node, once.
func Deref(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

// ValueOf returns the value of key in mapping n as the official loader
// reads it: the last one written (as YAML loaders keep a repeated key),
// else the one a `<<` merge brings in; nil when there is none. An alias n
// is followed.
func ValueOf(n *yaml.Node, key string) *yaml.Node {
	_, v := lookup(n, key)
	return v
}

// KeyOf returns the key node of key in mapping n, found as ValueOf finds
// the value (it is written in another mapping when a merge brings it), or
// nil.
func KeyOf(n *yaml.Node, key string) *yaml.Node {
	k, _ := lookup(n, key)
	return k
}

// OwnValueOf and OwnKeyOf are ValueOf and KeyOf for the keys written in n
// itself, not merged: what an edit of n's text may change.
func OwnValueOf(n *yaml.Node, key string) *yaml.Node {
	_, v := own(n, key)
	return v
}

// OwnKeyOf returns the key node of key written in mapping n (the last), or nil.
func OwnKeyOf(n *yaml.Node, key string) *yaml.Node {
	k, _ := own(n, key)
	return k
}

func own(n *yaml.Node, key string) (k, v *yaml.Node) {
	n = Deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := len(n.Content) - 2; i >= 0; i -= 2 {
		if c := n.Content[i]; c.Value == key && !IsMerge(c) {
			return c, n.Content[i+1]
		}
	}
	return nil, nil
}

// Scalar returns n's value when it is a scalar, else "".
func Scalar(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}
