package document

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// TestEditedSpans checks that the item spans found from an earlier
// version's and the lines an edit touched equal those read from the whole
// edited text, over random edits that add, remove and break item lines.
func TestEditedSpans(t *testing.T) {
	base := "# comment\n\n- step:\n    name: a\n    command:\n      - run\n- endpoint:\n    name: e\n\n-\n  step:\n    name: b\n-\tpipeline: {}\n"
	pieces := []string{"", "x", "\n", "- step:\n", "\n- ", "-", "--- ", "---\n", "  - name: p\n", "#c\n", " ", "- ", "\n\n", "é", "\r\n"}
	rng := rand.New(rand.NewPCG(3, 4))
	text := base
	fast := 0
	for k := 0; k < 3000; k++ {
		if k%25 == 0 || len(text) > 600 {
			text = base
		}
		// Mostly after the first item's first line, as typing is.
		from := 0
		if i := strings.Index(text, "- step:\n"); i >= 0 && rng.IntN(10) > 0 {
			from = i + len("- step:\n")
		}
		a := from + rng.IntN(len(text)-from+1)
		b := min(len(text), a+rng.IntN(12))
		next := text[:a] + pieces[rng.IntN(len(pieces))] + text[b:]
		om, m := NewMapper(text), NewMapper(next)
		pre := commonPrefix(text, next)
		suf := commonSuffix(text[pre:], next[pre:])
		got, whole := editedSpans(om, ItemSpans(om), m, pre, suf)
		want := ItemSpans(m)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("edit %d of %q into %q:\ngot  %v\nwant %v", k, text, next, got, want)
		}
		if !whole {
			fast++
		}
		text = next
	}
	if fast < 1000 { // most edits keep the items at column zero
		t.Errorf("only %d edits took the incremental path", fast)
	}
}
