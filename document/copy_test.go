package document

import (
	"reflect"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestCopyShifted checks that a copied tree equals the tree with its
// lines moved, that its nodes are returned in depth-first order, and that
// a wrong size hint is only a hint.
func TestCopyShifted(t *testing.T) {
	src := "- step:\n    name: a\n    command: [x, y]\n    parameters:\n      - name: p\n        default: 1\n"
	n, err := parseNode(src)
	if err != nil {
		t.Fatal(err)
	}
	var want []*yaml.Node
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		want = append(want, n)
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(n)
	for _, size := range []int{0, len(want), 1, 3, len(want) - 1, len(want) + 5} {
		pre := copyShifted(n, size, 4)
		if len(pre) != len(want) {
			t.Fatalf("size %d: %d nodes, want %d", size, len(pre), len(want))
		}
		for i, w := range want {
			got := pre[i]
			if got.Value != w.Value || got.Kind != w.Kind || got.Column != w.Column || len(got.Content) != len(w.Content) {
				t.Fatalf("size %d: node %d is %+v, want %+v", size, i, got, *w)
			}
			if w.Line > 0 && got.Line != w.Line+4 {
				t.Errorf("size %d: node %d on line %d, want %d", size, i, got.Line, w.Line+4)
			}
			for k, c := range got.Content {
				if c == want[0] || reflect.ValueOf(c).Pointer() == reflect.ValueOf(w.Content[k]).Pointer() {
					t.Fatalf("size %d: node %d shares a child with the source", size, i)
				}
			}
		}
	}
}
