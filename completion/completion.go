// Package completion offers what can be typed at a position of a
// valohai.yaml: the keys a mapping still lacks, whole items as snippets,
// enum values, and the names that the file itself defines.
package completion

import (
	"context"

	"github.com/valohai-ls/valohai-ls/cursor"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/schema"
)

// Kind is the kind of a completion item, with LSP's numbering.
type Kind int

// Item kinds used.
const (
	KindProperty   Kind = 10
	KindValue      Kind = 12
	KindEnumMember Kind = 20
	KindSnippet    Kind = 15
	KindReference  Kind = 18
	KindModule     Kind = 9
	KindKeyword    Kind = 14
)

// Item is one completion.
type Item struct {
	Label  string
	Kind   Kind
	Detail string
	// Doc is markdown documentation.
	Doc string
	// Insert replaces the bytes [Start, End) of the document. Snippet
	// reports that it uses LSP snippet syntax.
	Insert     string
	Snippet    bool
	Start, End int
	SortText   string
	FilterText string
	Deprecated bool
}

// Options are the client's abilities.
type Options struct {
	// Snippets reports that the client accepts snippet insert texts.
	Snippets bool
}

// Complete returns the completions at byte offset off of doc.
func Complete(ctx context.Context, doc *document.Document, off int, opts Options) []Item {
	if ctx.Err() != nil {
		return nil
	}
	c := cursor.Find(doc, off, true)
	b := &builder{c: c, doc: doc, opts: opts}
	switch c.Where {
	case cursor.TopLevel:
		b.kinds()
	case cursor.Key:
		if c.Object == schema.Item {
			b.kinds()
		} else {
			b.keys()
		}
	case cursor.Value:
		b.values()
	}
	return b.items
}

// builder collects items for one request.
type builder struct {
	c     *cursor.Context
	doc   *document.Document
	opts  Options
	items []Item
}

func (b *builder) add(it Item) {
	if it.Start == 0 && it.End == 0 {
		it.Start, it.End = b.c.WordStart, b.c.WordEnd
		if b.c.Where == cursor.Value && it.Start > 0 && b.doc.Text[it.Start-1] == ':' {
			// Right after "key:": a value needs its space.
			it.Insert = " " + it.Insert
		}
	}
	b.items = append(b.items, it)
}
