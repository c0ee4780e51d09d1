// Package document holds one version of an open valohai.yaml: its text, a
// position mapper, and the yaml.v3 tree parsed from it. A Document is
// immutable; the tree is parsed at most once, on first use, and shared by
// every request that reads that version.
package document

import (
	"sync"
	"sync/atomic"

	"gopkg.in/yaml.v3"
)

// Document is one immutable version of a file.
type Document struct {
	URI     string
	Version int32
	Text    string

	mapper *Mapper

	once   sync.Once
	parsed *Parsed
	ready  atomic.Bool
	prev   atomic.Pointer[Document] // an earlier version to parse incrementally from
	trees  *trees                   // item trees by text, shared by the file's versions

	derived derived // values computed from this version

	spansOnce sync.Once
	spans     []Span
}

// ItemSpans returns the spans of the top-level items, found from the
// text's lines (so they exist whether or not the text parses).
func (d *Document) ItemSpans() []Span {
	d.spansOnce.Do(func() { d.spans = ItemSpans(d.mapper) })
	return d.spans
}

// New returns a document for text. Parsing is deferred until Parsed is called.
func New(uri string, version int32, text string) *Document {
	return &Document{URI: uri, Version: version, Text: text, mapper: NewMapper(text), trees: newTrees()}
}

// Mapper returns the position mapper of the document's text.
func (d *Document) Mapper() *Mapper { return d.mapper }

// Parsed returns the parse result, parsing the text on first use.
func (d *Document) Parsed() *Parsed {
	d.once.Do(func() {
		d.parsed = d.parse()
		d.ready.Store(true)
	})
	return d.parsed
}

// Parsed is the result of parsing a whole document.
type Parsed struct {
	// Root is the document node of the whole file, or nil when the file does
	// not parse as a whole.
	Root *yaml.Node
	// Items are the top-level items. When the whole file parses they come
	// from Root; otherwise each item that parses on its own is listed, so
	// that the rest of the file can still be analysed.
	Items []*Item
	// Errors are the YAML syntax errors found.
	Errors []*SyntaxError
	// Partial reports that Items were recovered item by item.
	Partial bool

	anchors bool  // the tree uses anchors or aliases
	memo    *memo // per-item results, when the whole text parsed
	reused  int   // items whose trees came from an earlier version
}

// Reused returns how many items' trees were taken from the version this
// one was parsed from (none when it was parsed whole).
func (p *Parsed) Reused() int { return p.reused }

// Item is one top-level list item: its mapping (or other) node, and the
// byte span of its text.
type Item struct {
	Node       *yaml.Node
	Start, End int

	// preorder are the nodes of a tree copied from an earlier version's.
	preorder []yaml.Node
}

// Preorder returns the nodes of the item's tree in depth-first order, the
// root first, when the tree is a copy of an earlier version's made because
// lines moved (see NewVersion); nil otherwise. The copies of one tree all
// have its shape: a node's index in one is its index in the others, and
// in the tree they were copied from.
func (it *Item) Preorder() []yaml.Node { return it.preorder }
