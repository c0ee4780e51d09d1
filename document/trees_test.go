package document

import "testing"

func TestItemTree(t *testing.T) {
	tests := []struct {
		name, text string
		ok         bool
	}{
		{"one item", "- step:\n    name: a\n", true},
		{"broken", "- step:\n    name: \"a\n", false},
		{"two items", "- step: {}\n- step: {}\n", false},
		{"not a list", "step: {}\n", false},
		{"empty", "", false},
	}
	d := New("u", 1, "")
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n := d.ItemTree(tc.text)
			if (n != nil) != tc.ok {
				t.Fatalf("ItemTree(%q) = %v, want a node: %v", tc.text, n, tc.ok)
			}
			if again := d.ItemTree(tc.text); again != n {
				t.Errorf("second lookup gave another node")
			}
		})
	}
}

func TestItemTreesSharedByVersionsAndBounded(t *testing.T) {
	d := New("u", 1, "- step: {}\n")
	keep := "- step:\n    name: kept\n"
	first := d.ItemTree(keep)
	next := NewVersion(d, 2, "- step: {}\n\n")
	for i := 0; i < 3*treesPerGeneration; i++ {
		next.ItemTree("- step:\n    name: n" + string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676)) + "\n")
		if i%treesPerGeneration == 0 {
			next.ItemTree(keep) // in use: stays cached
		}
	}
	if next.ItemTree(keep) != first {
		t.Error("an item in use was dropped, or the versions do not share the cache")
	}
	tr := next.trees
	tr.mu.Lock()
	n := len(tr.cur) + len(tr.old)
	tr.mu.Unlock()
	if n > 2*treesPerGeneration {
		t.Errorf("cache holds %d entries, more than %d", n, 2*treesPerGeneration)
	}
	if New("u", 1, "").trees == d.trees {
		t.Error("separate files share a cache")
	}
}
