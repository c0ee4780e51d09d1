package diagnostics

import (
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/schema"
)

// Fix is what the quick fixes of a finding need, found by the check that
// reported it, so that fixes never look for it again. Its spans are byte
// offsets of the document, like the finding's.
type Fix struct {
	// Mapping is the mapping the finding is about (its keys to add, its
	// variants to keep), nil for a finding about a value.
	Mapping *Mapping
	// Add are the keys the mapping lacks, all to be added; Choices are
	// keys of which one is to be added (a variant, a one-of group).
	Add     []*schema.Key
	Choices []*schema.Key
	// Variants are the variants present in a mapping that mixes them,
	// each with the entries written for it.
	Variants []VariantEntries
	// Type is the type a value must have, and Value the value as read
	// (for a value that does not match the type's pattern).
	Type  *schema.Type
	Value string
	// Syntax are the one-line edits with which the item of a YAML syntax
	// error parses (the quick fixes check what else they change).
	Syntax []document.SyntaxFix
	// Rename is a name that none of a duplicate's siblings has
	// (`train-2`): its fix renames the duplicate to it. First is where
	// the name is defined first.
	Rename string
	First  document.Span
	// Move is an entry written outside the mapping it belongs to (a key
	// beside an item's kind, Mapping the kind's): its fix indents it in.
	Move *Entry
	// Choice marks the finding's suggestions as one way to fix it of
	// several (quoting a default, or giving the parameter a type): they
	// are offered, never applied unasked.
	Choice bool
}

// Mapping is where a mapping is written: Span its whole text, Indent the
// column of its keys, Flow whether it is written `{...}`.
type Mapping struct {
	Span   document.Span
	Indent int
	Flow   bool
}

// VariantEntries are the entries of one variant in a mapping.
type VariantEntries struct {
	Name    string
	Entries []Entry
}

// Entry is one key of a mapping and the whole text of its value.
type Entry struct {
	Name  string
	Key   document.Span
	Value document.Span
}

// shifted returns a copy of f with its spans moved by delta.
func (f *Fix) shifted(delta int) *Fix {
	if f == nil || delta == 0 {
		return f
	}
	g := *f
	if f.Rename != "" {
		g.First = shift(f.First, delta)
	}
	if f.Mapping != nil {
		mp := *f.Mapping
		mp.Span = shift(mp.Span, delta)
		g.Mapping = &mp
	}
	if f.Move != nil {
		e := Entry{Name: f.Move.Name, Key: shift(f.Move.Key, delta), Value: shift(f.Move.Value, delta)}
		g.Move = &e
	}
	if f.Syntax != nil {
		g.Syntax = make([]document.SyntaxFix, len(f.Syntax))
		for i, sf := range f.Syntax {
			sf.Start, sf.End = sf.Start+delta, sf.End+delta
			g.Syntax[i] = sf
		}
	}
	if f.Variants == nil {
		return &g
	}
	g.Variants = make([]VariantEntries, len(f.Variants))
	for i, v := range f.Variants {
		g.Variants[i] = VariantEntries{Name: v.Name, Entries: make([]Entry, len(v.Entries))}
		for j, e := range v.Entries {
			g.Variants[i].Entries[j] = Entry{Name: e.Name, Key: shift(e.Key, delta), Value: shift(e.Value, delta)}
		}
	}
	return &g
}

func shift(sp document.Span, delta int) document.Span {
	return document.Span{Start: sp.Start + delta, End: sp.End + delta}
}

// mappingFix returns a fix about mapping n, without its keys yet.
func (c *checker) mappingFix(n *yaml.Node) *Fix {
	return &Fix{Mapping: &Mapping{Span: c.m.NodeExtent(n), Indent: max(n.Column-1, 0), Flow: n.Style&yaml.FlowStyle != 0}}
}

// strayFix returns the fix of key k, with value v, written beside an
// item's kind whose value is body: nil unless body is a block mapping.
func (c *checker) strayFix(body, k, v *yaml.Node) *Fix {
	if body == nil || body.Kind != yaml.MappingNode || body.Style&yaml.FlowStyle != 0 || len(body.Content) == 0 {
		return nil
	}
	f := c.mappingFix(body)
	e := Entry{Name: k.Value, Key: c.m.NodeSpan(k), Value: c.m.NodeSpan(k)}
	if v != nil && v.Line > 0 {
		e.Value = c.m.NodeExtent(v)
	}
	f.Move = &e
	return f
}

// variantFix returns the fix of a mapping that mixes variants of o.
func (c *checker) variantFix(n *yaml.Node, o *schema.Obj) *Fix {
	f := c.mappingFix(n)
	for _, v := range o.Variants {
		ve := VariantEntries{Name: v.Name}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			for _, name := range v.Keys {
				if k.Value == name {
					e := Entry{Name: name, Key: c.m.NodeSpan(k), Value: c.m.NodeSpan(k)}
					if val != nil && val.Line > 0 {
						e.Value = c.m.NodeExtent(val)
					}
					ve.Entries = append(ve.Entries, e)
				}
			}
		}
		if len(ve.Entries) > 0 {
			f.Variants = append(f.Variants, ve)
		}
	}
	return f
}

// renameFix returns the fix of a duplicate name whose first definition is
// first: a rename to the name plus the first free number from 2
// (`train-2`, `learning_rate_2`), joined as the name joins its words.
func (c *checker) renameFix(name string, first *yaml.Node, taken func(string) bool) *Fix {
	sep := "-"
	switch {
	case strings.Contains(name, "-"):
	case strings.Contains(name, "_"):
		sep = "_"
	case strings.Contains(name, " "):
		sep = " "
	}
	for i := 2; ; i++ {
		if n := name + sep + strconv.Itoa(i); !taken(n) {
			return &Fix{Rename: n, First: c.m.NodeSpan(first)}
		}
	}
}
