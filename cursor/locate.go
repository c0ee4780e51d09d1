package cursor

import (
	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/schema"
)

// locate walks the item tree to the node that target accepts and fills in
// the context from the path. It reports whether the node was found.
func (c *Context) locate(item *yaml.Node, target func(*yaml.Node) bool) bool {
	itemType := schema.Root.Items
	path, found := walk(item, itemType, "", target, nil)
	if found == nil {
		return false
	}
	c.Path = path
	c.fromPath(found)
	return true
}

// found is the node a walk stopped at and how it sits in its parent.
type found struct {
	node   *yaml.Node
	parent *yaml.Node // mapping or sequence holding node
	isKey  bool
	key    string // the key the node is the value of, or the key itself
}

// walk searches n (of type t) depth-first for the target node, returning
// the frames down to the node's parent.
func walk(n *yaml.Node, t *schema.Type, key string, target func(*yaml.Node) bool, path []Frame) ([]Frame, *found) {
	if n == nil || n.Kind == yaml.AliasNode {
		return nil, nil
	}
	t = t.ForShape(schema.ShapeOf(n))
	path = append(path, Frame{Node: n, Type: t, Key: key})
	switch n.Kind {
	case yaml.MappingNode:
		obj := objectOf(n, t)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if target(k) {
				return path, &found{node: k, parent: n, isKey: true, key: k.Value}
			}
			vt := valueType(obj, k.Value)
			if v.Kind == yaml.ScalarNode {
				if target(v) {
					return path, &found{node: v, parent: n, key: k.Value}
				}
				continue
			}
			if p, f := walk(v, vt, k.Value, target, path); f != nil {
				return p, f
			}
		}
	case yaml.SequenceNode:
		var it *schema.Type
		if t != nil && t.Kind == schema.List {
			it = t.Items
		}
		for _, e := range n.Content {
			if e.Kind == yaml.ScalarNode {
				if target(e) {
					return path, &found{node: e, parent: n, key: key}
				}
				continue
			}
			if p, f := walk(e, it, "", target, path); f != nil {
				return p, f
			}
		}
	}
	return nil, nil
}

// objectOf returns the object describing mapping n of type t, resolving a
// discriminator from n's own keys.
func objectOf(n *yaml.Node, t *schema.Type) *schema.Obj {
	if t == nil || t.Kind != schema.Object || t.Object == nil {
		return nil
	}
	o := t.Object
	if o.Discriminator == "" {
		return o
	}
	v := ""
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == o.Discriminator {
			v = n.Content[i+1].Value
		}
	}
	return o.Select(v)
}

// valueType returns the type of key's value in obj.
func valueType(obj *schema.Obj, key string) *schema.Type {
	if obj == nil {
		return nil
	}
	if k := obj.Key(key); k != nil {
		return k.Type
	}
	return obj.Values
}

// fromPath fills the context from the found node and the path to it.
func (c *Context) fromPath(f *found) {
	last := c.Path[len(c.Path)-1]
	c.Kind = kindOf(c.Path)
	if f.parent.Kind == yaml.SequenceNode {
		// A scalar list item: a value of the list's item type.
		c.Where = Value
		c.ListItem = true
		c.KeyName = f.key
		if last.Type != nil && last.Type.Kind == schema.List {
			c.Type = last.Type.Items.Scalar()
		}
		c.listKey()
		return
	}
	obj := objectOf(f.parent, last.Type)
	c.Object = obj
	c.Mapping = f.parent
	for i := 0; i+1 < len(f.parent.Content); i += 2 {
		if k := f.parent.Content[i]; k != f.node && k.Value != Placeholder {
			c.Present[k.Value] = true
		}
	}
	if f.isKey {
		c.Where = Key
		if f.node.Value != Placeholder {
			c.KeyName = f.node.Value
			c.Key = obj.Key(f.node.Value)
		}
		c.scalarListItem()
		return
	}
	c.Where = Value
	c.KeyName = f.key
	if obj != nil {
		c.Key = obj.Key(f.key)
	}
	c.Type = valueType(obj, f.key).Scalar()
}

// listKey sets the key whose value holds the list of the cursor's scalar:
// the nearest key on the path (an edge written `[source, target]` is in a
// list of lists, under `edges`).
func (c *Context) listKey() {
	for i := len(c.Path) - 1; i >= 1; i-- {
		if f := c.Path[i]; f.Key != "" {
			parent := c.Path[i-1]
			c.KeyName = f.Key
			c.Object = objectOf(parent.Node, parent.Type)
			c.Key = c.Object.Key(f.Key)
			return
		}
	}
}

// scalarListItem turns a key typed as "- word" into a list value when the
// list holds scalars only (a deployment node's endpoints, for example). A
// list whose items may also be mappings (mounts, edges) keeps the key.
func (c *Context) scalarListItem() {
	if !c.HasDash || c.HasColon || len(c.Path) < 2 {
		return
	}
	list := c.Path[len(c.Path)-2]
	if list.Node.Kind != yaml.SequenceNode || list.Type == nil || list.Type.Kind != schema.List {
		return
	}
	if it := list.Type.Items; it != nil && it.ForShape(schema.ShapeMapping).Kind != schema.Object {
		c.Where = Value
		c.ListItem = true
		c.Type = it.Scalar()
		c.KeyName = list.Key
		c.Key = nil
		c.Present = map[string]bool{}
		c.Mapping = nil
		if len(c.Path) >= 3 {
			parent := c.Path[len(c.Path)-3]
			c.Object = objectOf(parent.Node, parent.Type)
			c.Key = c.Object.Key(list.Key)
		}
	}
}

// kindOf returns the top-level kind of the item on the path.
func kindOf(path []Frame) *schema.Key {
	if len(path) > 1 {
		return schema.KindNamed(path[1].Key)
	}
	return nil
}
