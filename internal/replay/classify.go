package replay

import (
	"fmt"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/schema"
)

// Class says whether completion can be expected to offer a key of a real
// file where it is written.
type Class int

// Key classes. Only Known keys count in the hit rate's threshold; a miss
// of any other key is explained by its class.
const (
	Known       Class = iota // a key of the format at that place
	NotInFormat              // the format has no such key there
	FreeForm                 // a key of a mapping that takes any keys
	Duplicate                // written more than once in its mapping
	Unparsed                 // in a part of the file that does not parse
)

func (c Class) String() string {
	switch c {
	case Known:
		return "known"
	case NotInFormat:
		return "not in the format"
	case FreeForm:
		return "free-form mapping"
	case Duplicate:
		return "duplicate key"
	}
	return "file does not parse there"
}

// keyInfo is the class of a key and, for keys not in the format, the
// construct it was written in.
type keyInfo struct {
	class Class
	where string
}

func (k keyInfo) String() string {
	if k.where != "" {
		return fmt.Sprintf("%s (in %s)", k.class, k.where)
	}
	return k.class.String()
}

// classify returns the class of the key written at each one-based line of
// text, read from the items that parse.
func classify(text string) map[int]keyInfo {
	out := map[int]keyInfo{}
	doc := document.New("file:///valohai.yaml", 1, text)
	for _, it := range doc.Parsed().Items {
		classifyNode(it.Node, schema.Root.Items, out)
	}
	return out
}

// classifyNode records the keys of n, a value of type t, and below.
func classifyNode(n *yaml.Node, t *schema.Type, out map[int]keyInfo) {
	if n == nil {
		return
	}
	t = t.ForShape(shape(n))
	switch n.Kind {
	case yaml.MappingNode:
		classifyMapping(n, t, out)
	case yaml.SequenceNode:
		var items *schema.Type
		if t != nil && t.Kind == schema.List {
			items = t.Items
		}
		for _, e := range n.Content {
			classifyNode(e, items, out)
		}
	}
}

func classifyMapping(n *yaml.Node, t *schema.Type, out map[int]keyInfo) {
	var o *schema.Obj
	if t != nil && t.Kind == schema.Object {
		o = t.Object
	}
	if o != nil && o.Discriminator != "" {
		o = o.Select(valueOf(n, o.Discriminator))
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		seen[n.Content[i].Value]++
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		info := keyInfo{class: Known}
		var vt *schema.Type
		switch key := o.Key(k.Value); {
		case key != nil:
			vt = key.Type
		case o == schema.Item:
			info.class, info.where = NotInFormat, "top-level item"
		case o != nil && (o.Open || o.Values != nil):
			info.class, vt = FreeForm, o.Values
		default:
			info.class = NotInFormat
			if o != nil {
				info.where = o.Name
			}
		}
		if seen[k.Value] > 1 && info.class == Known {
			info.class = Duplicate
		}
		out[k.Line] = info
		classifyNode(v, vt, out)
	}
}

func valueOf(n *yaml.Node, key string) string {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1].Value
		}
	}
	return ""
}

func shape(n *yaml.Node) schema.Shape {
	switch n.Kind {
	case yaml.MappingNode:
		return schema.ShapeMapping
	case yaml.SequenceNode:
		return schema.ShapeSequence
	}
	return schema.ShapeScalar
}
