package completion

import (
	"github.com/valohai-ls/valohai-ls/schema"
)

// values offers what can be written as the value at the cursor: enum
// values, booleans, names the file defines, and command placeholders.
func (b *builder) values() {
	t := b.c.Type
	if t == nil {
		return
	}
	if t.Ref == schema.RefCommand {
		b.placeholders()
		return
	}
	for i, v := range t.Enum {
		b.add(Item{
			Label:    v.Name,
			Kind:     KindEnumMember,
			Detail:   b.c.KeyName,
			Doc:      schema.ValueMarkdown(b.c.Key, &t.Enum[i]),
			Insert:   v.Name,
			SortText: sortIndex(i),
		})
	}
	if t.Kind == schema.Boolean || t.EnumAlsoBool {
		for i, v := range []string{"true", "false"} {
			b.add(Item{Label: v, Kind: KindKeyword, Detail: b.c.KeyName, Insert: v, SortText: sortIndex(100 + i)})
		}
	}
	b.references(t.Ref)
}

func sortIndex(i int) string {
	const digits = "0123456789"
	return string([]byte{digits[i/100%10], digits[i/10%10], digits[i%10]})
}
