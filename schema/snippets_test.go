package schema

import "testing"

// TestValueSnippet pins what completion (Typing) and the quick fix that
// adds missing keys (Filling) write after a key of each kind of type.
func TestValueSnippet(t *testing.T) {
	str := &Type{Kind: String}
	enum := &Type{Kind: String, Enum: []Value{{Name: "a,b"}, {Name: "c"}}}
	obj := &Type{Kind: Object, Object: &Obj{Snippet: "name: $1\nimage: $2"}}
	items := &Type{Kind: List, Items: obj}
	for _, tc := range []struct {
		name            string
		key             *Key
		typing, filling string
	}{
		{"own snippet", &Key{Name: "k", Snippet: "${1:x}", Type: str}, ": ${1:x}", ": ${1:x}"},
		{"own block snippet", &Key{Name: "k", Snippet: "\n  - $1", Type: str}, ":\n  - $1", ":\n  - $1"},
		{"no type", &Key{Name: "k"}, ": $0", ": $1"},
		{"string with example", &Key{Name: "image", Type: str, Example: "image: python:3.12"}, ": $0", ": ${1:python:3.12}"},
		{"enum", &Key{Name: "k", Type: enum}, `: ${1|a\,b,c|}`, `: ${1|a\,b,c|}`},
		{"boolean", &Key{Name: "k", Type: &Type{Kind: Boolean}}, ": ${1|true,false|}", ": ${1|true,false|}"},
		{"mapping", &Key{Name: "k", Type: obj}, ":\n  $0", ":\n  name: $1\n  image: $2"},
		{"list of mappings", &Key{Name: "k", Type: items}, ":\n  - name: $1\n    image: $2", ":\n  - name: $1\n    image: $2"},
		{"list", &Key{Name: "k", Type: &Type{Kind: List, Items: str}}, ":\n  - $0", ": []"},
	} {
		if got := ValueSnippet(tc.key, Typing); got != tc.typing {
			t.Errorf("%s: Typing = %q, want %q", tc.name, got, tc.typing)
		}
		if got := ValueSnippet(tc.key, Filling); got != tc.filling {
			t.Errorf("%s: Filling = %q, want %q", tc.name, got, tc.filling)
		}
	}
}
