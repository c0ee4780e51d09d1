package model

import (
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
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
	var loads atomic.Int32
	for _, s := range whole.Items {
		w := s
		hollow = append(hollow, Hollow(s, func() *Symbol { loads.Add(1); return w }))
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
	// 3, then 1 to 3: items are loaded ahead of the one visited.
	if n := loads.Load(); n < 4 || n > 6 {
		t.Errorf("hollow items loaded %d times, want 4 to 6", n)
	}
}

// TestEachKeptLoadsAhead checks that hollow items loaded ahead of the one
// visited are given in file order, and that few are held at a time.
func TestEachKeptLoadsAhead(t *testing.T) {
	var b strings.Builder
	for i := range 300 {
		fmt.Fprintf(&b, "- step:\n    name: s%d\n    image: x\n", i)
	}
	doc := document.New("file:///v/valohai.yaml", 1, b.String())
	whole := Of(doc)
	var loads, visits, most atomic.Int32
	var hollow []*Symbol
	for _, s := range whole.Items {
		w := s
		hollow = append(hollow, Hollow(s, func() *Symbol {
			ahead := loads.Add(1) - visits.Load()
			for m := most.Load(); ahead > m && !most.CompareAndSwap(m, ahead); m = most.Load() {
			}
			return w
		}))
	}
	i := 0
	Assemble(doc, hollow).EachKept(KindStep, func(s *Symbol) bool {
		visits.Add(1)
		if want := fmt.Sprintf("s%d", i); s.Name != want || s.IsHollow() {
			t.Fatalf("visit %d: %q (hollow %v), want %q loaded", i, s.Name, s.IsHollow(), want)
		}
		i++
		return true
	})
	if i != 300 || loads.Load() != 300 {
		t.Errorf("visited %d, loaded %d; want 300 each", i, loads.Load())
	}
	if m := most.Load(); m > int32(3*runtime.GOMAXPROCS(0)+2) {
		t.Errorf("%d items loaded ahead of the one visited", m)
	}
}

// TestDefinesDoesNotLoad checks that asking whether a name is defined
// answers as Lookup does without loading a hollow item.
func TestDefinesDoesNotLoad(t *testing.T) {
	doc := document.New("file:///v/valohai.yaml", 1, "- step:\n    name: a\n    image: x\n")
	whole := Of(doc)
	var loads atomic.Int32
	var hollow []*Symbol
	for _, s := range whole.Items {
		w := s
		hollow = append(hollow, Hollow(s, func() *Symbol { loads.Add(1); return w }))
	}
	x := Assemble(doc, hollow)
	for _, tt := range []struct {
		name string
		want bool
	}{{"a", true}, {"b", false}} {
		if got := x.Defines(KindStep, tt.name); got != tt.want || got != (whole.Lookup(KindStep, tt.name) != nil) {
			t.Errorf("Defines(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
	if n := loads.Load(); n != 0 {
		t.Errorf("%d items loaded", n)
	}
}
