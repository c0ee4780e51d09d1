package schema

import "gopkg.in/yaml.v3"

// Shape is the YAML shape of a value, used to choose among one-of options.
type Shape int

// Value shapes.
const (
	ShapeScalar Shape = iota
	ShapeMapping
	ShapeSequence
)

// ForShape returns the type t takes for a value of shape s: for a one-of,
// the option of that shape (or the first option); otherwise t itself.
func (t *Type) ForShape(s Shape) *Type {
	if t == nil || t.Kind != OneOf {
		return t
	}
	for _, o := range t.Options {
		switch {
		case s == ShapeMapping && o.Kind == Object,
			s == ShapeSequence && o.Kind == List,
			s == ShapeScalar && o.Kind != Object && o.Kind != List:
			return o
		}
	}
	if len(t.Options) > 0 {
		return t.Options[0]
	}
	return nil
}

// Scalar returns the scalar option of t (t itself when it is a scalar type).
func (t *Type) Scalar() *Type {
	if t == nil {
		return nil
	}
	if t.Kind == List {
		return nil
	}
	return t.ForShape(ShapeScalar)
}

// Select returns the object that describes a mapping whose discriminator
// has value v. When o has no discriminator, o itself. When v selects no
// choice, an object with every choice's keys, so that a user who has not
// written the discriminator yet still sees all keys.
func (o *Obj) Select(v string) *Obj {
	if o == nil || o.Discriminator == "" {
		return o
	}
	if c := o.Choice(v); c != nil {
		return c
	}
	return o.Merged()
}

// DiscriminatorKey returns the key whose value picks one of o's choices,
// as an enum of the choices' values.
func (o *Obj) DiscriminatorKey() *Key {
	k := &Key{Name: o.Discriminator, Type: &Type{Kind: String}}
	for _, ch := range o.Choices {
		k.Type.Enum = append(k.Type.Enum, Value{Name: ch.Const})
	}
	return k
}

// Merged returns an object with the keys of all of o's choices, the
// discriminator first.
func (o *Obj) Merged() *Obj {
	m := &Obj{Name: o.Name, Doc: o.Doc, Label: o.Label, Snippet: o.Snippet}
	seen := map[string]bool{}
	if k := o.Key(o.Discriminator); k != nil {
		m.Keys = append(m.Keys, k)
		seen[k.Name] = true
	}
	for _, c := range o.Choices {
		for _, k := range c.Keys {
			if !seen[k.Name] {
				seen[k.Name] = true
				m.Keys = append(m.Keys, k)
			}
		}
	}
	return m
}

// ShapeOf returns the shape of a YAML node.
func ShapeOf(n *yaml.Node) Shape {
	switch n.Kind {
	case yaml.MappingNode:
		return ShapeMapping
	case yaml.SequenceNode:
		return ShapeSequence
	}
	return ShapeScalar
}
