package model

import (
	"slices"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
)

// Summarize returns the symbol of one top-level item, its tree node, with
// positions in m's text (nil for an item of no known kind).
func Summarize(m *document.Mapper, node *yaml.Node) *Symbol {
	x := &Model{m: m, tables: map[Kind]*table{}, lazy: &lazy{}}
	return x.item(node, false)
}

// Hollow returns a copy of the item symbol s that holds no tree: its kind,
// key, name (and the name's scalar) and spans remain, and the names of
// its parameters, inputs and files, so that the name tables, the references to its children
// (Child, Doubt, ChildNames) and the rules over names work; load gives
// the whole symbol again when a lookup finds it. It lets a huge file be
// checked item by item without keeping every item's tree.
func Hollow(s *Symbol, load func() *Symbol) *Symbol {
	h := *s
	h.Children, h.named, h.Node = nil, nil, nil
	for _, kind := range []Kind{KindParameter, KindInput, KindFile} { // the children whose names other items' references need
		var names []string
		for k := range s.named {
			if k.kind == kind {
				names = append(names, k.name)
			}
		}
		if names != nil {
			slices.Sort(names)
			h.names = append(h.names, kindNames{kind, names})
		}
	}
	if s.Kind == KindStep {
		names, ok := DeclaredOutputs(s)
		h.outputs = &declared{names, ok}
	}
	if s.Body != nil {
		h.Body = &yaml.Node{Kind: yaml.MappingNode} // it has a body, not read here
	}
	h.load = load
	return &h
}

// Assemble builds the model of a document's items given as their symbols,
// whole or hollow (see Hollow), in file order. It does not parse the
// document.
func Assemble(doc *document.Document, items []*Symbol) *Model {
	x := &Model{Doc: doc, m: doc.Mapper(), tables: map[Kind]*table{}, lazy: &lazy{}}
	for _, s := range items {
		if s == nil {
			continue
		}
		x.Items = append(x.Items, s)
		if s.Body != nil {
			x.all = append(x.all, s)
			for _, c := range s.Children {
				if c.Kind != KindEdge {
					x.all = append(x.all, c)
				}
			}
		}
		x.table(s.Kind).add(s)
	}
	return x
}

// Provide makes x the model that Of returns for doc, unless Of has built
// one already; it returns the model Of returns.
func Provide(doc *document.Document, x *Model) *Model {
	return doc.Derived(modelKey{}, func() any { return x }).(*Model)
}

// With returns a view of x in which w, the whole symbol of one of x's
// hollow items, is what SymbolOf finds for the nodes of its tree.
func (x *Model) With(w *Symbol) *Model {
	v := *x
	v.extra = map[*yaml.Node]*Symbol{}
	var walk func(s *Symbol)
	walk = func(s *Symbol) {
		if s.Body != nil {
			v.extra[s.Body] = s
		}
		for _, c := range s.Children {
			walk(c)
		}
	}
	walk(w)
	return &v
}

// Whole returns s, loaded again when it is hollow (see Hollow).
func (x *Model) Whole(s *Symbol) *Symbol { return x.whole(s) }

// Unload forgets the hollow items loaded again (see Whole), so that their
// trees can be freed; they are loaded again when next needed.
func (x *Model) Unload() {
	x.lazy.mu.Lock()
	defer x.lazy.mu.Unlock()
	x.lazy.loaded = nil
}

// IsHollow reports whether s is a hollow symbol (see Hollow).
func (s *Symbol) IsHollow() bool { return s.load != nil }

// loadedPerModel bounds how many hollow items a model keeps loaded.
const loadedPerModel = 128

// whole returns s, loaded again when it is hollow.
func (x *Model) whole(s *Symbol) *Symbol {
	if s == nil || s.load == nil {
		return s
	}
	x.lazy.mu.Lock()
	defer x.lazy.mu.Unlock()
	if w, ok := x.lazy.loaded[s]; ok {
		return w
	}
	if len(x.lazy.loaded) >= loadedPerModel || x.lazy.loaded == nil {
		x.lazy.loaded = map[*Symbol]*Symbol{}
	}
	w := s.load()
	if w == nil {
		return s
	}
	x.lazy.loaded[s] = w
	return w
}
