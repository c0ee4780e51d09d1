package model

import (
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
)

// TestEachKept checks that EachKept visits the items Kept returns, in
// order, loading hollow ones, and stops when asked.
func TestEachKept(t *testing.T) {
	text := "- step:\n    name: a\n    image: x\n- step:\n    name: b\n    image: x\n- step:\n    name: a\n    image: y\n- step:\n    image: z\n- step:\n"
	doc := document.New("file:///v/valohai.yaml", 1, text)
	whole := Of(doc)
	var hollow []*Symbol
	loads := 0
	for _, s := range whole.Items {
		w := s
		hollow = append(hollow, Hollow(s, func() *Symbol { loads++; return w }))
	}
	tests := []struct {
		name string
		x    *Model
	}{
		{"whole", whole},
		{"hollow", Assemble(doc, hollow)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := whole.Kept(KindStep)
			var got []*Symbol
			tt.x.EachKept(KindStep, func(s *Symbol) bool {
				if s.IsHollow() {
					t.Errorf("item %q visited hollow", s.Name)
				}
				got = append(got, s)
				return true
			})
			if len(got) != len(want) || len(got) != 3 {
				t.Fatalf("visited %d items, Kept has %d (want 3)", len(got), len(want))
			}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("item %d: %q, Kept has %q", i, got[i].Name, want[i].Name)
				}
			}
			n := 0
			tt.x.EachKept(KindStep, func(*Symbol) bool { n++; return false })
			if n != 1 {
				t.Errorf("visited %d items after f returned false, want 1", n)
			}
		})
	}
	if loads != 4 {
		t.Errorf("hollow items loaded %d times, want 4 (3, then 1)", loads)
	}
}
