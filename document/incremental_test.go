package document

import (
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/internal/editgen"
)

const incBase = `# a comment before the items
- step:
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
- step:
    name: b
    image: x
    command: run
`

// TestIncrementalMatchesFullParse edits a file version after version:
// edits that keep it valid (inside a value, an inserted line, a whole item
// added or removed), edits that break it and repair it, and random ones.
// Every version's incremental parse must give the trees of a full parse,
// and reuse the tree of every item the edit did not touch.
func TestIncrementalMatchesFullParse(t *testing.T) {
	g := editgen.New(1, incBase)
	prev := New("u", 1, incBase)
	prev.Parsed()
	g.Parses = func(string) bool { return prev.Parsed().Root != nil }
	seen := map[editgen.Kind]int{}
	reusedTotal := 0
	for k := 0; k < 3000; k++ {
		e := g.Next(prev.Text)
		d := NewVersion(prev, int32(k+2), e.Text)
		got := d.Parsed()
		want := Parse(e.Text, NewMapper(e.Text))
		if (got.Root == nil) != (want.Root == nil) || len(got.Items) != len(want.Items) {
			t.Fatalf("edit %d (%v): root %v/%v items %d/%d for\n%s", k, e.Kind, got.Root != nil, want.Root != nil, len(got.Items), len(want.Items), e.Text)
		}
		for i := range got.Items {
			if !sameTree(got.Items[i].Node, want.Items[i].Node) || got.Items[i].Start != want.Items[i].Start || got.Items[i].End != want.Items[i].End {
				t.Fatalf("edit %d (%v): item %d differs for\n%s", k, e.Kind, i, e.Text)
			}
		}
		if got.Root != nil && !sameTree(got.Root, want.Root) {
			t.Fatalf("edit %d (%v): roots differ for\n%q\nafter\n%q", k, e.Kind, e.Text, prev.Text)
		}
		prevWhole := prev.Parsed().Root != nil
		switch {
		case !prevWhole || got.Root == nil:
			// The file stopped parsing, or starts parsing again: nothing
			// is reused, and the next version starts afresh.
			if got.Reused() != 0 {
				t.Fatalf("edit %d (%v): %d items reused across a version that does not parse", k, e.Kind, got.Reused())
			}
		case e.Untouched >= 0:
			if got.Reused() != e.Untouched {
				t.Fatalf("edit %d (%v): %d items reused, want %d, for\n%s\nafter\n%s", k, e.Kind, got.Reused(), e.Untouched, e.Text, prev.Text)
			}
			seen[e.Kind]++
		}
		reusedTotal += got.Reused()
		prev = d
	}
	for _, kind := range []editgen.Kind{editgen.Value, editgen.Line, editgen.Add, editgen.Remove} {
		if seen[kind] < 200 {
			t.Errorf("only %d %v edits between versions that parse", seen[kind], kind)
		}
	}
	t.Logf("edits checked by kind: %v; items reused: %d", seen, reusedTotal)
	if reusedTotal == 0 {
		t.Error("no item was ever reused")
	}
}

// TestNewVersionSkipsUnparsedVersions checks that a version parses
// incrementally from the last parsed one when the versions between were
// never parsed (diagnostics skip them while the user types).
func TestNewVersionSkipsUnparsedVersions(t *testing.T) {
	v1 := New("u", 1, incBase)
	v1.Parsed()
	v2 := NewVersion(v1, 2, incBase+"- step:\n    name: c\n")
	v3 := NewVersion(v2, 3, incBase+"- step:\n    name: cd\n")
	p := v3.Parsed()
	if p.Root == nil || len(p.Items) != 5 || p.Reused() != 4 {
		t.Fatalf("items %d, reused %d; want 5 items, 4 reused", len(p.Items), p.Reused())
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
