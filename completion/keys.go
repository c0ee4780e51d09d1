package completion

import (
	"fmt"

	"github.com/valohai-ls/valohai-ls/schema"
)

// keys offers the keys of the enclosing mapping that are not yet present,
// leaving out the keys of a variant other than the one already chosen.
func (b *builder) keys() {
	o := b.c.Object
	if o == nil {
		return
	}
	chosen := b.chosenVariant(o)
	for i, k := range o.Keys {
		if b.c.Present[k.Name] {
			continue
		}
		if v := o.VariantOf(k.Name); v != nil && chosen != "" && v.Name != chosen {
			continue
		}
		insert, snippet := b.keyInsert(k)
		b.add(Item{
			Label:      k.Name,
			Kind:       KindProperty,
			Detail:     detail(o, k),
			Doc:        schema.KeyMarkdown(o, k),
			Insert:     insert,
			Snippet:    snippet,
			SortText:   sortText(k, i),
			FilterText: k.Name,
			Deprecated: k.Deprecated != "",
		})
	}
}

// chosenVariant returns the name of the variant already present in the
// mapping, or "".
func (b *builder) chosenVariant(o *schema.Obj) string {
	for _, v := range o.Variants {
		for _, k := range v.Keys {
			if b.c.Present[k] {
				return v.Name
			}
		}
	}
	return ""
}

func detail(o *schema.Obj, k *schema.Key) string {
	s := k.Type.Describe()
	if k.Required {
		s += " (required)"
	} else if o.VariantOf(k.Name) != nil {
		s += " (one variant)"
	}
	return s
}

// sortText puts required keys first, then keeps the schema's order.
func sortText(k *schema.Key, i int) string {
	r := 1
	if k.Required {
		r = 0
	}
	return fmt.Sprintf("%d%03d", r, i)
}

// keyInsert is the text that completes key k, and whether it is a
// snippet. In a flow mapping ("{a: 1, |}") the value goes on the same line.
func (b *builder) keyInsert(k *schema.Key) (string, bool) {
	switch {
	case b.c.HasColon:
		return k.Name, false
	case b.c.Flow:
		return k.Name + ": ", false
	case !b.opts.Snippets:
		return k.Name + plain(schema.ValueSnippet(k, schema.Typing)), false
	}
	return k.Name + schema.ValueSnippet(k, schema.Typing), true
}
