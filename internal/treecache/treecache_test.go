package treecache

import "testing"

func TestItem(t *testing.T) {
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
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n := Item(tc.text)
			if (n != nil) != tc.ok {
				t.Fatalf("Item(%q) = %v, want a node: %v", tc.text, n, tc.ok)
			}
			if again := Item(tc.text); again != n {
				t.Errorf("second lookup gave another node")
			}
		})
	}
}

func TestGenerations(t *testing.T) {
	keep := "- step:\n    name: kept\n"
	first := Item(keep)
	for i := 0; i < 3*size; i++ {
		Item("- step:\n    name: n" + string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676)) + "\n")
		if i%size == 0 {
			Item(keep) // in use: stays cached
		}
	}
	if Item(keep) != first {
		t.Error("an item in use was dropped")
	}
	cache.Lock()
	n := len(cache.cur) + len(cache.old)
	cache.Unlock()
	if n > 2*size {
		t.Errorf("cache holds %d entries, more than %d", n, 2*size)
	}
}
