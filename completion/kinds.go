package completion

import (
	"github.com/valohai-ls/valohai-ls/cursor"
	"github.com/valohai-ls/valohai-ls/schema"
)

// kinds offers the top-level kinds, each as a whole-item snippet.
func (b *builder) kinds() {
	for i, k := range schema.Kinds() {
		if k.Deprecated != "" {
			continue
		}
		b.add(Item{
			Label:      k.Name,
			Kind:       KindModule,
			Detail:     "top-level item",
			Doc:        schema.KeyMarkdown(schema.Item, k),
			Insert:     b.kindInsert(k),
			Snippet:    b.opts.Snippets && !b.c.HasColon,
			SortText:   sortText(k, i),
			FilterText: k.Name,
		})
	}
}

// kindInsert is the text for a new item of kind k: "- kind:" (the dash
// only when it is not typed yet) and the construct's body.
func (b *builder) kindInsert(k *schema.Key) string {
	if b.c.HasColon {
		return k.Name
	}
	body := "$0"
	if o := k.Type.Object; o != nil && o.Snippet != "" {
		body = o.Snippet
	}
	s := k.Name + ":\n    " + schema.IndentLines(body, "    ")
	if !b.c.HasDash || b.c.Where == cursor.TopLevel && !b.c.HasDash {
		s = "- " + s
	}
	if !b.opts.Snippets {
		return plain(s)
	}
	return s
}
