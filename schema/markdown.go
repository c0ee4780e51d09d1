package schema

import (
	"fmt"
	"strings"
)

// KeyMarkdown documents key as a key of owner (nil for a top-level kind):
// its type, whether it is required, its default, allowed values, the
// description and an example.
func KeyMarkdown(owner *Obj, key *Key) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s**", key.Name)
	if owner != nil && owner.Name != "" && owner != Item {
		fmt.Fprintf(&b, " — %s key", owner.Name)
	} else if owner == Item || owner == nil {
		b.WriteString(" — top-level item")
	}
	b.WriteString("\n\n")
	if owner != Item && owner != nil {
		fmt.Fprintf(&b, "*%s*, %s", key.Type.Describe(), requirement(owner, key))
		if key.Default != "" {
			fmt.Fprintf(&b, ", default `%s`", key.Default)
		}
		b.WriteString("\n\n")
	}
	if key.Deprecated != "" {
		fmt.Fprintf(&b, "**Deprecated:** %s\n\n", key.Deprecated)
	}
	if key.Doc != "" {
		b.WriteString(key.Doc)
		b.WriteString("\n\n")
	}
	writeConstraints(&b, key.Type)
	if key.Example != "" {
		fmt.Fprintf(&b, "Example:\n```yaml\n%s\n```\n", key.Example)
	}
	return strings.TrimRight(b.String(), "\n")
}

// requirement says whether key is required in owner, in words.
func requirement(owner *Obj, key *Key) string {
	if key.Required {
		return "required"
	}
	if v := owner.VariantOf(key.Name); v != nil {
		var others []string
		for _, o := range owner.Variants {
			if o.Name != v.Name {
				others = append(others, "`"+o.Name+"`")
			}
		}
		return "required unless " + strings.Join(others, " or ") + " is used (never both)"
	}
	for _, k := range owner.AnyOf {
		if k == key.Name {
			return "this or " + strings.Join(without(owner.AnyOf, k), " or ") + " is required"
		}
	}
	return "optional"
}

func without(list []string, s string) []string {
	var out []string
	for _, v := range list {
		if v != s {
			out = append(out, "`"+v+"`")
		}
	}
	return out
}

// writeConstraints lists allowed values, ranges and patterns of t.
func writeConstraints(b *strings.Builder, t *Type) {
	if t == nil {
		return
	}
	st := t.Scalar()
	if st == nil && t.Kind == List {
		st = t.Items.Scalar()
	}
	if st == nil {
		return
	}
	if len(st.Enum) > 0 {
		if st.EnumOpen {
			b.WriteString("Well-known values:\n")
		} else {
			b.WriteString("Allowed values:\n")
		}
		for _, v := range st.Enum {
			fmt.Fprintf(b, "- `%s`", v.Name)
			if v.Doc != "" {
				fmt.Fprintf(b, " — %s", v.Doc)
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	switch {
	case st.Min != nil && st.Max != nil:
		fmt.Fprintf(b, "Range: %g to %g.\n\n", *st.Min, *st.Max)
	case st.Min != nil:
		fmt.Fprintf(b, "Minimum: %g.\n\n", *st.Min)
	case st.Max != nil:
		fmt.Fprintf(b, "Maximum: %g.\n\n", *st.Max)
	}
	if st.MaxLength > 0 {
		fmt.Fprintf(b, "At most %d characters.\n\n", st.MaxLength)
	}
	if st.PatternHelp != "" {
		fmt.Fprintf(b, "Must be %s.\n\n", st.PatternHelp)
	}
}

// ValueMarkdown documents one enum value of key.
func ValueMarkdown(key *Key, v *Value) string {
	s := fmt.Sprintf("**%s**", v.Name)
	if key != nil {
		s += fmt.Sprintf(" — value of `%s`", key.Name)
	}
	if v.Doc != "" {
		s += "\n\n" + v.Doc
	}
	return s
}
