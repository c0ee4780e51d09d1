package schema

import "strings"

// SnippetMode says what a key's value snippet is for.
type SnippetMode int

const (
	// Typing opens the value for the user to type it: the cursor ends
	// where the value goes ($0), as completion leaves it.
	Typing SnippetMode = iota
	// Filling writes a whole value to be filled in: tab stops with the
	// key's example, an empty list or mapping, as a quick fix that adds
	// missing keys writes them.
	Filling
)

// ValueSnippet is the LSP snippet written after a key's name: the colon
// and a value for k's type (the key's own snippet when it has one, a
// choice of an enum's values or of true and false, a list item's
// template).
func ValueSnippet(k *Key, mode SnippetMode) string {
	if k.Snippet != "" {
		if strings.HasPrefix(k.Snippet, "\n") || strings.HasPrefix(k.Snippet, " ") {
			return ":" + k.Snippet
		}
		return ": " + k.Snippet
	}
	free := ": $0"
	if mode == Filling {
		free = ": $1"
	}
	t := k.Type
	if t != nil && t.Kind == OneOf {
		if mode == Filling {
			t = t.ForShape(ShapeScalar)
		} else {
			t = t.Scalar()
		}
	}
	switch {
	case t == nil:
		return free
	case t.Kind == List:
		if it := t.Items; it != nil && it.Kind == Object && it.Object != nil && it.Object.Snippet != "" {
			return ":\n  - " + IndentLines(it.Object.Snippet, "    ")
		}
		if mode == Filling {
			return ": []"
		}
		return ":\n  - $0"
	case t.Kind == Object:
		switch {
		case mode == Typing:
			return ":\n  $0"
		case t.Object != nil && t.Object.Snippet != "":
			return ":\n  " + IndentLines(t.Object.Snippet, "  ")
		}
		return ": {}"
	case len(t.Enum) > 0 && !t.EnumOpen:
		return ": ${1|" + EnumChoices(t) + "|}"
	case t.Kind == Boolean:
		return ": ${1|true,false|}"
	}
	if v := exampleValue(k); mode == Filling && v != "" {
		return ": ${1:" + strings.NewReplacer(`\`, `\\`, "}", `\}`, "$", `\$`).Replace(v) + "}"
	}
	return free
}

// exampleValue is the value of a one-line `key: value` example.
func exampleValue(k *Key) string {
	v, ok := strings.CutPrefix(k.Example, k.Name+": ")
	if !ok || strings.Contains(v, "\n") {
		return ""
	}
	return strings.TrimSpace(v)
}

// choiceEscaper escapes the characters that end a snippet choice.
var choiceEscaper = strings.NewReplacer(",", "\\,", "|", "\\|")

// EnumChoices writes t's enum values as the choices of a snippet's
// `${1|a,b|}`.
func EnumChoices(t *Type) string {
	names := make([]string, 0, len(t.Enum))
	for _, v := range t.Enum {
		names = append(names, choiceEscaper.Replace(v.Name))
	}
	return strings.Join(names, ",")
}

// IndentLines indents every line of s after the first by prefix.
func IndentLines(s, prefix string) string {
	return strings.ReplaceAll(s, "\n", "\n"+prefix)
}
