package model

import (
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
)

// Model is the meaning of one version of a document.
type Model struct {
	Doc *document.Document
	// Items are the top-level items of a known kind, in file order,
	// broken ones (recovered from a syntax error) included.
	Items []*Symbol

	refsOnce sync.Once
	refs     []*Ref

	m      *document.Mapper
	all    []*Symbol
	bodies map[*yaml.Node]*Symbol // a symbol's body node → the symbol
	tables map[Kind]*table
	// unreadable reports a broken item whose kind could not be read: it
	// may define a name of any kind.
	unreadable bool
	// shallow reports a model whose items' children are read on demand
	// (Expand).
	shallow bool
}

// modelKey stores a version's model on the document.
type modelKey struct{}

// Of returns the model of doc, built once per version and shared by every
// request that reads that version.
func Of(doc *document.Document) *Model {
	return doc.Derived(modelKey{}, func() any { return Build(doc) }).(*Model)
}

// Build builds the model of doc. Prefer Of, which shares it.
func Build(doc *document.Document) *Model {
	x := &Model{Doc: doc, m: doc.Mapper(), bodies: map[*yaml.Node]*Symbol{}, tables: map[Kind]*table{}}
	p := doc.Parsed()
	for _, it := range p.Items {
		if s := x.item(it.Node, false); s != nil {
			x.Items = append(x.Items, s)
		}
	}
	if len(p.Errors) > 0 {
		x.recoverBroken(p)
	}
	for _, s := range x.Items {
		x.table(s.Kind).add(s)
	}
	return x
}

// Refs returns every reference, in file order. They are found on first
// use: completion needs only the names.
func (x *Model) Refs() []*Ref {
	x.refsOnce.Do(func() {
		if x.m == nil {
			return // a model without positions
		}
		for _, s := range x.Items {
			if !s.Broken {
				x.refsOf(s)
			}
		}
	})
	return x.refs
}

// FromItems builds a model of the names that the top-level item nodes
// define, without positions or references, and the items' children read
// only when Expand asks: what completion needs while the version is not
// parsed yet (the nodes may come from parsing items on their own).
// Lookups and StepOf follow the same rules as Of.
func FromItems(nodes []*yaml.Node) *Model {
	x := &Model{bodies: map[*yaml.Node]*Symbol{}, tables: map[Kind]*table{}, shallow: true}
	for _, n := range nodes {
		if s := x.item(n, false); s != nil {
			x.Items = append(x.Items, s)
			x.table(s.Kind).add(s)
		}
	}
	return x
}

// Mapper returns the position mapper of the model's text.
func (x *Model) Mapper() *document.Mapper { return x.m }

// At returns what is at offset off: a reference, or a symbol's name.
func (x *Model) At(off int) (*Symbol, *Ref) {
	for _, r := range x.Refs() {
		if Contains(r.Span, off) {
			return nil, r
		}
	}
	for _, s := range x.all {
		if s.Named && !s.Broken && Contains(s.NameSpan, off) {
			return s, nil
		}
	}
	return nil, nil
}

// Resolve returns the symbol meant at off: the symbol whose name is there,
// or the definition of the reference there. ref is the reference at off,
// if any.
func (x *Model) Resolve(off int) (sym *Symbol, ref *Ref) {
	s, r := x.At(off)
	if r != nil {
		return r.Target, r
	}
	return s, nil
}

// RefsTo returns the references to s, in file order.
func (x *Model) RefsTo(s *Symbol) []*Ref {
	var out []*Ref
	for _, r := range x.Refs() {
		if r.Target == s {
			out = append(out, r)
		}
	}
	return out
}

// Symbols returns every symbol (items and the names inside them), in the
// order they were read.
func (x *Model) Symbols() []*Symbol { return x.all }

// SymbolOf returns the symbol whose body is node n (an item's, a node's,
// a parameter's mapping), or nil.
func (x *Model) SymbolOf(n *yaml.Node) *Symbol { return x.bodies[n] }
