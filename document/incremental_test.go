package document

import (
	"math/rand"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

const incBase = `- step:
    name: a
    image: x
    command: run
- endpoint:
    name: predict
    image: y
    wsgi: a:b
- pipeline:
    name: p
    nodes:
      - name: n
        type: execution
        step: a
    edges: []
`

// TestIncrementalMatchesFullParse applies random small edits and checks
// that the incremental parse gives the same trees as a full parse.
func TestIncrementalMatchesFullParse(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	edits := []string{"", "x", " #e", "\n", "\n    image: z", "é😀", ":", "\n- "}
	prev := New("u", 1, incBase)
	prev.Parsed()
	for k := 0; k < 2000; k++ {
		text := prev.Text
		a := rng.Intn(len(text) + 1)
		b := min(len(text), a+rng.Intn(4))
		next := text[:a] + edits[rng.Intn(len(edits))] + text[b:]
		if strings.Count(next, "\n") > 60 {
			next = incBase
		}
		d := NewVersion(prev, int32(k+2), next)
		got := d.Parsed()
		want := Parse(next, NewMapper(next))
		if (got.Root == nil) != (want.Root == nil) || len(got.Items) != len(want.Items) {
			t.Fatalf("edit %d: root %v/%v items %d/%d for\n%s", k, got.Root != nil, want.Root != nil, len(got.Items), len(want.Items), next)
		}
		for i := range got.Items {
			if !sameTree(got.Items[i].Node, want.Items[i].Node) || got.Items[i].Start != want.Items[i].Start || got.Items[i].End != want.Items[i].End {
				t.Fatalf("edit %d: item %d differs for\n%s", k, i, next)
			}
		}
		if got.Root != nil && !sameTree(got.Root, want.Root) {
			t.Fatalf("edit %d: roots differ", k)
		}
		prev = d
	}
}

func sameTree(a, b *yaml.Node) bool {
	if a.Kind != b.Kind || a.Value != b.Value || a.Line != b.Line || a.Column != b.Column || a.Style != b.Style || len(a.Content) != len(b.Content) {
		return false
	}
	for i := range a.Content {
		if !sameTree(a.Content[i], b.Content[i]) {
			return false
		}
	}
	return true
}
