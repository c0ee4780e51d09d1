package pyvalue

import (
	"testing"

	"gopkg.in/yaml.v3"
)

// FuzzOf reads a fuzzed scalar: it must not panic, a value equals itself
// unless Python says otherwise (a NaN, a mapping, what PyYAML cannot
// read), and what it prints as repr() reads back as an equal value.
func FuzzOf(f *testing.F) {
	for _, s := range []string{"0x1F", "1:30", "-0b1_0", "1.0e+400", ".nan", "yes", "2020-02-31", "!!int x", "[1, {a: 2}]", "123456789012345678901234567890"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var doc yaml.Node
		if yaml.Unmarshal([]byte("a: "+s), &doc) != nil || len(doc.Content) == 0 || len(doc.Content[0].Content) < 2 {
			return
		}
		v := Of(doc.Content[0].Content[1])
		_, _ = v.Str()
		_ = v.Truthy()
		_ = v.DescribeWritten() + v.DescribeRepr()
		r, ok := v.Repr()
		if !ok || v.Kind != Int {
			return
		}
		if !Equal(v, v) {
			t.Errorf("%s: %s is not equal to itself", s, r)
		}
		var back yaml.Node
		if err := yaml.Unmarshal([]byte("a: "+r), &back); err != nil {
			t.Fatalf("%s: repr %s does not parse: %v", s, r, err)
		}
		if w := Of(back.Content[0].Content[1]); !Equal(v, w) {
			t.Errorf("%s: repr %s reads back as %s", s, r, w.DescribeRepr())
		}
	})
}
