package codeaction

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/schema"
)

// mapping is a mapping of the document with the construct it is, and the
// span where the checker reports its missing keys.
type mapping struct {
	node   *yaml.Node
	obj    *schema.Obj // the construct (the chosen one, when discriminated)
	choose bool        // obj is discriminated but no choice is made
	anchor document.Span
}

// scalarAt is a scalar value and the type it must have.
type scalarAt struct {
	node  *yaml.Node
	typ   *schema.Type
	owner *mapping
	key   string
}

// walk is the document's mappings and scalars, paired with the schema as
// the checker pairs them.
type walk struct {
	maps    []*mapping
	scalars []*scalarAt
}

func walkDoc(doc *document.Document) *walk {
	w := &walk{}
	m := doc.Mapper()
	for _, it := range doc.Parsed().Items {
		n := it.Node
		if n == nil || n.Kind != yaml.MappingNode {
			continue
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			kk := schema.KindNamed(n.Content[i].Value)
			if kk == nil {
				continue
			}
			if kk.Type.Object != schema.Item {
				w.value(m, n.Content[i+1], kk.Type, m.NodeSpan(n.Content[i]), nil, kk.Name)
			}
			break
		}
	}
	return w
}

// value pairs n with t; anchor is where n's missing keys are reported.
func (w *walk) value(m *document.Mapper, n *yaml.Node, t *schema.Type, anchor document.Span, owner *mapping, key string) {
	if n == nil || t == nil || n.Kind == yaml.AliasNode {
		return
	}
	if t.Kind == schema.OneOf {
		t = t.ForShape(schema.ShapeOf(n))
		if t == nil {
			return
		}
	}
	switch {
	case t.Kind == schema.Object && n.Kind == yaml.MappingNode && t.Object != nil:
		mp := &mapping{node: n, obj: t.Object, anchor: anchor}
		if d := t.Object.Discriminator; d != "" {
			if c := t.Object.Choice(scalarValue(document.ValueOf(n, d))); c != nil {
				mp.obj = c
			} else {
				mp.choose = true
			}
		}
		w.maps = append(w.maps, mp)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if kt := mp.obj.Key(k.Value); kt != nil {
				w.value(m, v, kt.Type, m.NodeSpan(k), mp, k.Value)
			} else if mp.obj.Values != nil {
				w.value(m, v, mp.obj.Values, m.NodeSpan(k), mp, k.Value)
			}
		}
	case t.Kind == schema.List && n.Kind == yaml.SequenceNode:
		for _, e := range n.Content {
			a := m.NodeSpan(e)
			if e.Kind == yaml.MappingNode && len(e.Content) > 0 {
				a = m.NodeSpan(e.Content[0])
			}
			w.value(m, e, t.Items, a, owner, "")
		}
	case n.Kind == yaml.ScalarNode:
		w.scalars = append(w.scalars, &scalarAt{node: n, typ: t, owner: owner, key: key})
	}
}

// at returns the mappings whose missing keys are reported at offset off.
func (w *walk) at(off int) []*mapping {
	var out []*mapping
	for _, mp := range w.maps {
		if mp.anchor.Start == off {
			out = append(out, mp)
		}
	}
	return out
}

// scalarAtSpan returns the scalar written at sp.
func (w *walk) scalarAtSpan(m *document.Mapper, sp document.Span) *scalarAt {
	for _, s := range w.scalars {
		if m.NodeSpan(s.node) == sp {
			return s
		}
	}
	return nil
}

// ownerOfKey returns the mapping that has the key written at sp, and the
// index of the key in its content.
func (w *walk) ownerOfKey(m *document.Mapper, sp document.Span) (*mapping, int) {
	for _, mp := range w.maps {
		for i := 0; i+1 < len(mp.node.Content); i += 2 {
			if m.NodeSpan(mp.node.Content[i]) == sp {
				return mp, i
			}
		}
	}
	return nil, -1
}

func hasKey(n *yaml.Node, key string) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key || n.Content[i].Value == "<<" {
			return true
		}
	}
	return false
}

func scalarValue(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}

// indentOf returns the leading spaces of the line holding off.
func indentOf(m *document.Mapper, off int) string {
	l := m.Line(m.LineOf(off))
	return l[:len(l)-len(strings.TrimLeft(l, " "))]
}
