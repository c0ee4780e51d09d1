package codeaction

import (
	"context"
	"maps"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/fixture"
)

// TestFixtures runs every case of testdata/*.txt. The diagnostics on the
// marker's line are given to Actions with the marker as the range. The
// expectations:
//
//	action: TITLE          an action with this title is offered (repeatable)
//	absent-action: TITLE   no action has a title containing this
//	apply: TITLE           apply the action with this title, then:
//	after: TEXT            the text contains TEXT (\n for a new line; repeatable)
//	clean: CODE            no diagnostic with CODE remains after applying
//	snippets: no           the client takes no snippet edits
//	snippet: yes|no        whether the applied action's edit is a snippet
//	fixall: yes|no         FixAll makes the applied action's edit, or none
//	others: kept           after applying, the findings are those before
//	                       less the one fixed: none lost, none new
//	preferred: yes|no      whether the applied action is preferred
func TestFixtures(t *testing.T) {
	fixture.Run(t, "testdata/*.txt", runCase)
}

func runCase(t *testing.T, tc fixture.Case) {
	doc := document.New("file:///p/valohai.yaml", 1, tc.Text)
	m := doc.Mapper()
	line := m.LineOf(tc.Offset)
	var diags []diagnostics.Diagnostic
	for _, d := range diagnostics.Suppress(doc, diagnostics.Diagnose(context.Background(), doc)) {
		if m.LineOf(d.Start) <= line && line <= m.LineOf(d.End) {
			diags = append(diags, d)
		}
	}
	opts := Options{Snippets: !slices.Contains(tc.Expect["snippets"], "no")}
	actions := Actions(doc, tc.Offset, tc.Offset, diags, opts)
	var titles []string
	for _, a := range actions {
		titles = append(titles, a.Title)
		if a.Kind == QuickFix && (a.Diag < 0 || a.Diag >= len(diags)) {
			t.Errorf("quick fix %q is not attached to a diagnostic", a.Title)
		}
	}
	for _, w := range tc.Expect["action"] {
		if !slices.Contains(titles, w) {
			t.Errorf("no action %q; offered %q (diagnostics %+v)", w, titles, diags)
		}
	}
	for _, w := range tc.Expect["absent-action"] {
		for _, title := range titles {
			if strings.Contains(title, w) {
				t.Errorf("action %q offered", title)
			}
		}
	}
	apply := tc.Expect["apply"]
	fixAll := tc.Expect["fixall"]
	if len(fixAll) > 0 && fixAll[0] == "no" {
		if es := FixAll(doc, diagnostics.Diagnose(context.Background(), doc)); len(es) > 0 {
			t.Errorf("FixAll edits %+v, want none", es)
		}
	}
	if len(apply) == 0 {
		return
	}
	i := slices.Index(titles, apply[0])
	if i < 0 {
		t.Fatalf("no action %q to apply; offered %q", apply[0], titles)
	}
	a := actions[i]
	if w := tc.Expect["snippet"]; len(w) > 0 {
		snip := slices.ContainsFunc(a.Edits, func(e Edit) bool { return e.Snippet })
		if snip != (w[0] == "yes") {
			t.Errorf("snippet edit: %v, want %s: %+v", snip, w[0], a.Edits)
		}
	}
	after := applyEdits(tc.Text, a.Edits)
	if len(fixAll) > 0 && fixAll[0] == "yes" {
		if got := Apply(tc.Text, FixAll(doc, diagnostics.Diagnose(context.Background(), doc))); got != after {
			t.Errorf("FixAll leaves:\n%s\nwant what %q leaves:\n%s", got, a.Title, after)
		}
	}
	for _, w := range tc.Expect["after"] {
		w = strings.ReplaceAll(w, `\n`, "\n")
		if !strings.Contains(after, w) {
			t.Errorf("after %q, the text lacks %q:\n%s", a.Title, w, after)
		}
	}
	// What a fix leaves must still be YAML; placeholders taken at their
	// defaults, the diagnostic it fixes must be gone.
	plainText := plain(after)
	doc2 := document.New(doc.URI, 2, plainText)
	if len(doc2.Parsed().Errors) > 0 {
		t.Errorf("after %q the text does not parse: %v\n%s", a.Title, doc2.Parsed().Errors[0].Message, plainText)
	}
	if w := tc.Expect["preferred"]; len(w) > 0 && a.Preferred != (w[0] == "yes") {
		t.Errorf("%q preferred: %v, want %s", a.Title, a.Preferred, w[0])
	}
	if slices.Contains(tc.Expect["others"], "kept") {
		othersKept(t, doc, doc2, a, diags[a.Diag])
	}
	for _, code := range tc.List("clean") {
		for _, d := range diagnostics.Diagnose(context.Background(), doc2) {
			if d.Code == code {
				t.Errorf("after %q a %s remains: %s\n%s", a.Title, code, d.Message, plainText)
			}
		}
	}
}

// othersKept checks that the findings of after are those of before less
// fixed, the one a fixes, compared by code and message.
func othersKept(t *testing.T, before, after *document.Document, a Action, fixed diagnostics.Diagnostic) {
	t.Helper()
	count := func(doc *document.Document) map[string]int {
		out := map[string]int{}
		for _, d := range diagnostics.Suppress(doc, diagnostics.Diagnose(context.Background(), doc)) {
			out[d.Code+": "+d.Message]++
		}
		return out
	}
	want, got := count(before), count(after)
	if want[fixed.Code+": "+fixed.Message]--; want[fixed.Code+": "+fixed.Message] == 0 {
		delete(want, fixed.Code+": "+fixed.Message)
	}
	if !maps.Equal(want, got) {
		t.Errorf("after %q the other findings changed:\nbefore (less the fixed one): %v\nafter: %v", a.Title, want, got)
	}
}

func applyEdits(text string, edits []Edit) string {
	es := slices.Clone(edits)
	sort.SliceStable(es, func(i, j int) bool { return es[i].Start > es[j].Start })
	for _, e := range es {
		text = text[:e.Start] + e.Text + text[e.End:]
	}
	return text
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Predict_V2":    "predict-v2",
		"my endpoint":   "my-endpoint",
		"1st-model":     "st-model",
		"A":             "a-1",
		"--x--y--":      "x-y",
		"digit.predict": "digit-predict",
		"123":           "",
	} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRenumber(t *testing.T) {
	used := 0
	a := renumber(": ${1:x}", &used)
	b := renumber(": ${1|a,b|} $2", &used)
	if a != ": ${1:x}" || b != ": ${2|a,b|} $3" || used != 3 {
		t.Errorf("renumber: %q %q %d", a, b, used)
	}
}
