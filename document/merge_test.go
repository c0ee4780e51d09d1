package document

import (
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestMerges: a mapping's keys and values are what PyYAML's safe_load
// makes of its `<<` merges (the expected texts are its dicts, in order),
// and ValueOf agrees with Pairs on every key.
func TestMerges(t *testing.T) {
	tests := []struct{ yaml, want string }{
		{"{<<: {a: 1, b: 1}, b: 2}", "{a: 1, b: 2}"},
		{"{b: 2, <<: {a: 1, b: 1}}", "{a: 1, b: 2}"},
		{"{<<: [{a: 1}, {a: 2, b: 2}]}", "{a: 1, b: 2}"},
		{"{<<: {a: 1}, <<: {a: 2}}", "{a: 2}"},
		{"{<<: {<<: {a: 1, c: 1}, a: 2}, b: 3}", "{a: 2, c: 1, b: 3}"},
		{"[&x {a: 1}, &y {<<: *x, b: 2}, &z {<<: *x, a: 3}, {<<: [*y, *z]}]", "[{a: 1}, {a: 1, b: 2}, {a: 3}, {a: 1, b: 2}]"},
		{"[&s {<<: *s, a: 1}, {<<: *s, b: 2}]", "[{a: 1}, {a: 1, b: 2}]"},
		{"{'<<': {a: 1}, b: 2}", "{<<: {a: 1}, b: 2}"},
		{"{!!merge <<: {a: 1}, b: 2}", "{a: 1, b: 2}"},
		{"{<<: [{a: 1}, 5], b: 2}", "{a: 1, b: 2}"}, // refused by the loader; what the mappings bring is not missing
	}
	for _, tt := range tests {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(tt.yaml), &doc); err != nil {
			t.Fatal(err)
		}
		if got := loaded(t, doc.Content[0]); got != tt.want {
			t.Errorf("%s: loaded as %s, want %s", tt.yaml, got, tt.want)
		}
	}
}

// loaded writes n as the loader reads it, checking ValueOf, KeyOf and
// the Own variants on the way.
func loaded(t *testing.T, n *yaml.Node) string {
	n = Deref(n)
	switch n.Kind {
	case yaml.SequenceNode:
		var parts []string
		for _, e := range n.Content {
			parts = append(parts, loaded(t, e))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case yaml.MappingNode:
		var parts []string
		for _, p := range Pairs(n) {
			if v := ValueOf(n, p.Key.Value); v != p.Value {
				t.Errorf("ValueOf(%s) is not the value Pairs gives", p.Key.Value)
			}
			if k := KeyOf(n, p.Key.Value); k != p.Key {
				t.Errorf("KeyOf(%s) is not the key Pairs gives", p.Key.Value)
			}
			if own := OwnValueOf(n, p.Key.Value); (own == p.Value) == p.Merged {
				t.Errorf("%s: OwnValueOf disagrees with Merged=%v", p.Key.Value, p.Merged)
			}
			parts = append(parts, p.Key.Value+": "+loaded(t, p.Value))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return n.Value
}

// TestMergesBounded: mappings merged into each other many times over are
// read once each, not once per way of reaching them.
func TestMergesBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("- &m0 {k0: 0}\n")
	const levels = 60
	for i := 1; i <= levels; i++ {
		b.WriteString("- &m" + itoa(i) + " {<<: [*m" + itoa(i-1) + ", *m" + itoa(i-1) + "], k" + itoa(i) + ": " + itoa(i) + "}\n")
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(b.String()), &doc); err != nil {
		t.Fatal(err)
	}
	top := doc.Content[0].Content[levels]
	if got := len(Pairs(top)); got != levels+1 {
		t.Errorf("%d keys, want %d", got, levels+1)
	}
	if ValueOf(top, "k0") == nil || ValueOf(top, "missing") != nil {
		t.Error("ValueOf does not find k0, or finds a key that is not there")
	}
}
