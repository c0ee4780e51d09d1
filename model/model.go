package model

import (
	"sort"
	"sync"
	"sync/atomic"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
)

// Model is the meaning of one version of a document.
type Model struct {
	Doc *document.Document
	// Items are the top-level items of a known kind, in file order,
	// broken ones (recovered from a syntax error) included.
	Items []*Symbol

	m      *document.Mapper
	all    []*Symbol
	tables map[Kind]*table
	// unreadable reports a broken item whose kind could not be read: it
	// may define a name of any kind.
	unreadable bool
	// sums are the summaries of the items that parsed, by item symbol.
	sums map[*Symbol]*summary
	// reused and made count the item summaries taken from an earlier
	// version and those made for this one.
	reused, made int

	// lazy holds what is computed on first use, shared by the views that
	// Tracking makes.
	lazy *lazy
	// deps, when set, records what lookups answered (see Tracking).
	deps *Deps
	// extra are bodies of a loaded hollow item (see With).
	extra map[*yaml.Node]*Symbol
	// shallow reports a model whose items' children are read on demand
	// (Expand).
	shallow bool
}

// lazy is the part of a model computed on first use.
type lazy struct {
	refsOnce  sync.Once
	refsReady atomic.Bool // refsOnce has run
	refs      []*Ref
	itemRefs  map[*Symbol][2]int // an item's references: refs[from:to]
	itemDeps  map[*Symbol]*Deps  // what finding an item's references looked up
	cmds      []document.Span    // the command scalars' text

	bodiesOnce sync.Once
	bodies     map[*yaml.Node]*Symbol // a symbol's body node → the symbol

	mu     sync.Mutex
	names  map[Kind]uint64     // digests of Names, by kind
	loaded map[*Symbol]*Symbol // hollow items loaded again (see Hollow)
}

// modelKey stores a version's model on the document.
type modelKey struct{}

// Of returns the model of doc, built once per version and shared by every
// request that reads that version.
func Of(doc *document.Document) *Model {
	return doc.Derived(modelKey{}, func() any { return Build(doc) }).(*Model)
}

// Build builds the model of doc. Prefer Of, which shares it. The summary
// of each item is made from that item alone, and reused from the version
// doc was parsed from for every item an edit did not touch; Build only
// links the summaries: the name tables and the order of the symbols.
func Build(doc *document.Document) *Model {
	x := &Model{Doc: doc, m: doc.Mapper(), tables: map[Kind]*table{}, lazy: &lazy{}}
	p := doc.Parsed()
	x.sums = make(map[*Symbol]*summary, len(p.Items))
	for _, it := range p.Items {
		sm := x.summaryOf(p, it)
		x.all = append(x.all, sm.all...)
		if sm.item != nil {
			x.Items = append(x.Items, sm.item)
			x.sums[sm.item] = sm
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

// Summaries returns how many item summaries this model took from an
// earlier version and how many it made.
func (x *Model) Summaries() (reused, made int) { return x.reused, x.made }

// Refs returns every reference, in file order. They are found on first
// use: completion needs only the names.
func (x *Model) Refs() []*Ref {
	x.lazy.refsOnce.Do(func() {
		if x.m == nil {
			return // a model without positions
		}
		w := &walker{}
		x.lazy.itemRefs = make(map[*Symbol][2]int, len(x.Items))
		x.lazy.itemDeps = make(map[*Symbol]*Deps, len(x.Items))
		for _, s := range x.Items {
			if !s.Broken {
				d := &Deps{}
				w.x, w.item = x.Tracking(d), s
				from := len(w.refs)
				w.refsOf(s)
				x.lazy.itemRefs[s] = [2]int{from, len(w.refs)}
				if !d.Empty() {
					x.lazy.itemDeps[s] = d
				}
			}
		}
		x.lazy.refs, x.lazy.cmds = w.refs, w.cmds
		x.lazy.refsReady.Store(true)
	})
	return x.lazy.refs
}

// RefsOf returns the references written in the top-level item s, in
// file order, as Refs finds them. Through a Tracking view, what finding
// them looked up is recorded, so that a result computed from them is
// reused only while they are the same. The items of a model that was
// not built from a parse (Assemble), and hollow items loaded again (see
// Whole), are walked anew; so is an item asked for before every item's
// references were found: the diagnostics of an edit ask only for the items
// it changed, and walking the whole file for them made an edit of a
// 50,000-line file three times slower.
func (x *Model) RefsOf(s *Symbol) []*Ref {
	if s == nil || s.Broken || x.m == nil {
		return nil
	}
	if _, own := x.sums[s]; own && x.lazy.refsReady.Load() {
		refs := x.Refs()
		if span, ok := x.lazy.itemRefs[s]; ok {
			x.deps.add(x.lazy.itemDeps[s])
			return refs[span[0]:span[1]]
		}
	}
	w := &walker{x: x, item: s}
	w.refsOf(s)
	return w.refs
}

// CommandRegions returns the source text of every command line whose
// {parameter:NAME} placeholders Refs reads (a step's command, a node's
// override of it), in file order: where placeholders are written.
func (x *Model) CommandRegions() []document.Span {
	x.Refs()
	return x.lazy.cmds
}

// FromItems builds a model of the names that the top-level item nodes
// define, without positions or references, and the items' children read
// only when Expand asks: what completion needs while the version is not
// parsed yet (the nodes may come from parsing items on their own).
// Lookups and StepOf follow the same rules as Of.
func FromItems(nodes []*yaml.Node) *Model {
	x := &Model{tables: map[Kind]*table{}, lazy: &lazy{}, shallow: true}
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
	if s, r, ok := x.atItem(off); ok {
		return s, r
	}
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

// atItem answers At by looking only in the item whose range holds off,
// when exactly one item's range holds it and nothing broken is in the
// file (references and names are inside their item's range).
func (x *Model) atItem(off int) (*Symbol, *Ref, bool) {
	if x.m == nil || x.unreadable || len(x.all) == 0 {
		return nil, nil, false
	}
	refs := x.Refs()
	i := sort.Search(len(x.Items), func(i int) bool { return x.Items[i].Range.Start > off }) - 1
	if i < 0 || !Contains(x.Items[i].Range, off) || (i+1 < len(x.Items) && Contains(x.Items[i+1].Range, off)) {
		return nil, nil, false
	}
	it := x.Items[i]
	if it.Broken {
		return nil, nil, false
	}
	for _, s := range x.Items {
		if s.Broken {
			return nil, nil, false
		}
	}
	span := x.lazy.itemRefs[it]
	for _, r := range refs[span[0]:span[1]] {
		if Contains(r.Span, off) {
			return nil, r, true
		}
	}
	if it.Named && Contains(it.NameSpan, off) && it.Body != nil {
		return it, nil, true
	}
	for _, c := range it.Children {
		if c.Kind != KindEdge && c.Named && Contains(c.NameSpan, off) {
			return c, nil, true
		}
	}
	return nil, nil, true
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
func (x *Model) SymbolOf(n *yaml.Node) *Symbol {
	if s, ok := x.extra[n]; ok {
		return s
	}
	if x.shallow {
		// Children are read on demand: look each time.
		return findBody(x.Items, n)
	}
	x.lazy.bodiesOnce.Do(func() {
		x.lazy.bodies = map[*yaml.Node]*Symbol{}
		var walk func(s *Symbol)
		walk = func(s *Symbol) {
			if s.Body != nil {
				x.lazy.bodies[s.Body] = s
			}
			for _, c := range s.Children {
				walk(c)
			}
		}
		for _, s := range x.Items {
			walk(s)
		}
	})
	return x.lazy.bodies[n]
}

// findBody returns the symbol among items and their children whose body
// is n.
func findBody(items []*Symbol, n *yaml.Node) *Symbol {
	for _, s := range items {
		if s.Body == n {
			return s
		}
		for _, c := range s.Children {
			if c.Body == n {
				return c
			}
		}
	}
	return nil
}
