package navigation

import (
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/fixture"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/project"
)

// TestFixtures runs every case of testdata/*.txt. The expectations a case
// may have, all about the marker's position:
//
//	definition: TEXT         the definition's name text; file:PATH[:LINE] for a file; none
//	definition-line: N       the one-based line of the definition
//	references: N            how many references (definition excluded)
//	reference-lines: A, B    their one-based lines
//	highlights: N            how many highlights (definition included)
//	prepare: TEXT            the text prepareRename selects; none
//	placeholder: TEXT        the name it offers, when not the text (an alias)
//	rename: NEW              rename to NEW, then:
//	edits: N                 how many edits
//	after: TEXT              text the renamed document contains (repeatable)
//	absent-after: TEXT       text it does not contain
//	rename-error: TEXT       the rename is refused with a message containing TEXT
//	roundtrip: no            renaming back need not restore the text (quotes added)
//	symbol: PATH             an outline path, kind:name/kind:name (repeatable)
//	outline-count: N         how many top-level symbols
//	lens: STEP=N             the code lens of STEP counts N nodes
//	link: PATH               a document link to PATH (repeatable); links: N counts them
//	file: PATH: CONTENT      a file to create beside the document (\n for new lines)
func TestFixtures(t *testing.T) {
	fixture.Run(t, "testdata/*.txt", runCase)
}

func runCase(t *testing.T, tc fixture.Case) {
	dir := t.TempDir()
	for _, f := range tc.Expect["file"] {
		path, content, _ := strings.Cut(f, ":")
		p := filepath.Join(dir, filepath.FromSlash(strings.TrimSpace(path)))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		content = strings.ReplaceAll(strings.TrimSpace(content), `\n`, "\n")
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	doc := document.New("file://"+filepath.ToSlash(dir)+"/valohai.yaml", 1, tc.Text)
	x := model.Of(doc)
	m := doc.Mapper()
	opts := project.Options{Dir: dir}
	off := tc.Offset
	text := func(sp document.Span) string { return tc.Text[sp.Start:sp.End] }
	line := func(o int) int { return m.LineOf(o) + 1 }
	one := func(key string) (string, bool) {
		v := tc.Expect[key]
		if len(v) == 0 {
			return "", false
		}
		return v[0], true
	}
	atoi := func(s string) int {
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatalf("bad number %q", s)
		}
		return n
	}

	if want, ok := one("definition"); ok {
		defs := Definition(x, off, opts)
		got := "none"
		if len(defs) > 0 {
			d := defs[0]
			if d.Symbol != nil {
				got = text(d.Symbol.NameSpan)
				if wl, ok := one("definition-line"); ok && line(d.Symbol.NameSpan.Start) != atoi(wl) {
					t.Errorf("definition on line %d, want %s", line(d.Symbol.NameSpan.Start), wl)
				}
			} else {
				rel, _ := filepath.Rel(dir, d.Path)
				got = "file:" + filepath.ToSlash(rel)
				if strings.Count(want, ":") == 2 {
					got += ":" + strconv.Itoa(d.Line+1)
				}
			}
		}
		if got != want {
			t.Errorf("definition %q, want %q", got, want)
		}
	}
	if want, ok := one("references"); ok {
		refs := References(x, off, false)
		if len(refs) != atoi(want) {
			t.Errorf("%d references, want %s: %v", len(refs), want, spansText(tc.Text, refs))
		}
		if wl := tc.List("reference-lines"); len(wl) > 0 {
			var got []string
			for _, r := range refs {
				got = append(got, strconv.Itoa(line(r.Start)))
			}
			if !slices.Equal(got, wl) {
				t.Errorf("reference lines %v, want %v", got, wl)
			}
		}
		with := References(x, off, true)
		if len(with) < len(refs) {
			t.Errorf("references with the declaration: %d < %d", len(with), len(refs))
		}
	}
	if want, ok := one("highlights"); ok {
		if hl := Occurrences(x, off); len(hl) != atoi(want) {
			t.Errorf("%d highlights, want %s", len(hl), want)
		}
	}
	if want, ok := one("prepare"); ok {
		sp, name, ok, err := PrepareRename(x, off)
		got := "none"
		if ok {
			got = text(sp)
			if wp, ok := one("placeholder"); ok && name != wp || !ok && name != got {
				t.Errorf("prepare placeholder %q for range text %q", name, got)
			}
		}
		if err != nil {
			got = "error: " + err.Error()
		}
		if got != want && !(strings.HasPrefix(want, "error: ") && strings.Contains(got, strings.TrimPrefix(want, "error: "))) {
			t.Errorf("prepareRename %q, want %q", got, want)
		}
	}
	if newName, ok := one("rename"); ok {
		edits, err := Rename(x, off, newName)
		if want, ok := one("rename-error"); ok {
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("rename to %q: error %v, want one containing %q", newName, err, want)
			}
		} else if err != nil {
			t.Fatalf("rename to %q: %v", newName, err)
		} else {
			if want, ok := one("edits"); ok && len(edits) != atoi(want) {
				t.Errorf("%d edits, want %s: %+v", len(edits), want, edits)
			}
			after := apply(tc.Text, edits)
			for _, w := range tc.Expect["after"] {
				if !strings.Contains(after, w) {
					t.Errorf("renamed text lacks %q:\n%s", w, after)
				}
			}
			for _, w := range tc.Expect["absent-after"] {
				if strings.Contains(after, w) {
					t.Errorf("renamed text still has %q:\n%s", w, after)
				}
			}
			// The renamed document names the same things: renaming back
			// from the new name restores the text.
			x2 := model.Of(document.New(doc.URI, 2, after))
			if pos := renamedOffset(edits, off); pos >= 0 && !slices.Contains(tc.Expect["roundtrip"], "no") {
				back, err := Rename(x2, pos, originalName(tc.Text, x, off))
				if err != nil {
					t.Errorf("renaming back: %v", err)
				} else if got := apply(after, back); got != tc.Text {
					t.Errorf("renaming back does not restore the text:\n%s", got)
				}
			}
		}
	}
	for _, p := range tc.List("symbol") {
		if !hasPath(Outline(x), strings.Split(p, "/")) {
			t.Errorf("outline lacks %s; it has:\n%s", p, dump(Outline(x), ""))
		}
	}
	if want, ok := one("outline-count"); ok && len(Outline(x)) != atoi(want) {
		t.Errorf("%d top-level symbols, want %s:\n%s", len(Outline(x)), want, dump(Outline(x), ""))
	}
	for _, s := range Outline(x) {
		checkRanges(t, s)
	}
	for _, l := range tc.List("lens") {
		step, n, _ := strings.Cut(l, "=")
		found := false
		for _, lens := range Lenses(x) {
			if lens.Step.Name == step {
				found = true
				if len(lens.Nodes) != atoi(n) {
					t.Errorf("lens of %s counts %d, want %s (%s)", step, len(lens.Nodes), n, lens.Title())
				}
			}
		}
		if !found {
			t.Errorf("no lens for step %s", step)
		}
	}
	links := Links(x, opts)
	var linked []string
	for _, l := range links {
		rel, _ := filepath.Rel(dir, l.Path)
		linked = append(linked, filepath.ToSlash(rel)+"@"+text(l.Span))
	}
	for _, w := range tc.List("link") {
		if !slices.ContainsFunc(linked, func(s string) bool { return strings.HasPrefix(s, w+"@") || s == w }) {
			t.Errorf("no link to %s; links: %v", w, linked)
		}
	}
	if want, ok := one("links"); ok && len(links) != atoi(want) {
		t.Errorf("%d links, want %s: %v", len(links), want, linked)
	}
}

// apply applies non-overlapping edits to text.
func apply(text string, edits []Edit) string {
	es := slices.Clone(edits)
	sort.Slice(es, func(i, j int) bool { return es[i].Start > es[j].Start })
	for _, e := range es {
		text = text[:e.Start] + e.Text + text[e.End:]
	}
	return text
}

// renamedOffset maps off through edits: the start of the edit that covers
// it, or -1.
func renamedOffset(edits []Edit, off int) int {
	shift := 0
	es := slices.Clone(edits)
	sort.Slice(es, func(i, j int) bool { return es[i].Start < es[j].Start })
	for _, e := range es {
		if e.Start <= off && off <= e.End {
			start := e.Start + shift
			if strings.HasPrefix(e.Text, `"`) {
				start++
			}
			return start
		}
		shift += len(e.Text) - (e.End - e.Start)
	}
	return -1
}

func originalName(text string, x *model.Model, off int) string {
	_, name, _, _ := PrepareRename(x, off)
	return name
}

func hasPath(syms []*model.Symbol, path []string) bool {
	for _, s := range syms {
		if string(s.Kind)+":"+s.Title() == path[0] {
			if len(path) == 1 || hasPath(s.Children, path[1:]) {
				return true
			}
		}
	}
	return false
}

func dump(syms []*model.Symbol, indent string) string {
	var b strings.Builder
	for _, s := range syms {
		b.WriteString(indent + string(s.Kind) + ":" + s.Title() + "\n")
		b.WriteString(dump(s.Children, indent+"  "))
	}
	return b.String()
}

// checkRanges checks that each symbol's selection is inside its range and
// each child inside its parent.
func checkRanges(t *testing.T, s *model.Symbol) {
	t.Helper()
	a, b := s.Selection()
	if a < s.Range.Start || b > s.Range.End || a > b {
		t.Errorf("%s %q: selection %d..%d outside range %+v", s.Kind, s.Name, a, b, s.Range)
	}
	for _, c := range s.Children {
		if c.Range.Start < s.Range.Start || c.Range.End > s.Range.End {
			t.Errorf("%s %q: range %+v outside its parent's %+v", c.Kind, c.Name, c.Range, s.Range)
		}
		checkRanges(t, c)
	}
}

func spansText(text string, sps []document.Span) []string {
	var out []string
	for _, sp := range sps {
		out = append(out, text[sp.Start:sp.End])
	}
	return out
}
