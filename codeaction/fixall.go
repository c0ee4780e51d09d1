package codeaction

import (
	"sort"
	"unicode/utf8"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
)

// safeFixers are the fixers whose only, preferred fix needs no choice: a
// did-you-mean with one candidate, a name made valid, the one edit that
// undoes a syntax error (or makes `key:value` a mapping). Adding a missing key
// (its value is a guess) and keeping one of two variants (a choice) are
// left to the user.
var safeFixers = []fixer{didYouMean, validName, syntaxFix, spaceAfterColon, indentStray}

// FixAll returns the edits of every fix of diags that can be applied
// without a choice: a diagnostic's fix is taken when it is its only one
// and preferred, and a fix whose edits overlap those of a fix taken
// before it (in the order of the text) is left for the next round. The
// edits are sorted by position and do not overlap.
func FixAll(doc *document.Document, diags []diagnostics.Diagnostic) []Edit {
	c := &ctx{doc: doc, m: doc.Mapper()}
	var fixes []Action
	for _, d := range diags {
		var found []Action
		for _, f := range safeFixers {
			found = append(found, f(c, d)...)
		}
		if len(found) == 1 && found[0].Preferred && len(found[0].Edits) > 0 && !hasSnippet(found[0]) {
			fixes = append(fixes, found[0])
		}
	}
	sort.SliceStable(fixes, func(i, j int) bool { return first(fixes[i]) < first(fixes[j]) })
	var out []Edit
	seen := map[Edit]bool{}
	for _, a := range fixes {
		if overlaps(out, a.Edits, seen) {
			continue
		}
		for _, e := range a.Edits {
			if !seen[e] {
				seen[e] = true
				out = append(out, e)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

func hasSnippet(a Action) bool {
	for _, e := range a.Edits {
		if e.Snippet {
			return true
		}
	}
	return false
}

func first(a Action) int {
	m := a.Edits[0].Start
	for _, e := range a.Edits {
		m = min(m, e.Start)
	}
	return m
}

// overlaps reports whether an edit of es touches one of taken (an edit
// taken already, the same fix found twice, does not count).
func overlaps(taken, es []Edit, seen map[Edit]bool) bool {
	for _, e := range es {
		if seen[e] {
			continue
		}
		for _, t := range taken {
			if e.Start < t.End && t.Start < e.End || e.Start == t.Start {
				return true
			}
		}
	}
	return false
}

// Apply returns text with the sorted, non-overlapping edits made.
func Apply(text string, edits []Edit) string {
	out := make([]byte, 0, len(text))
	at := 0
	for _, e := range edits {
		out = append(out, text[at:e.Start]...)
		out = append(out, e.Text...)
		at = e.End
	}
	return string(append(out, text[at:]...))
}

// maxRounds bounds FixText: a fix may reveal another (a key made known
// whose value is then checked), and each round checks the result again.
const maxRounds = 5

// FixText applies FixAll to doc, checks the result again with diagnose
// and fixes what that finds, until nothing is left to fix (at most
// maxRounds rounds). It returns the text and how many edits were made.
func FixText(doc *document.Document, diagnose func(*document.Document) []diagnostics.Diagnostic) (string, int) {
	n := 0
	for round := 0; round < maxRounds; round++ {
		edits := FixAll(doc, diagnose(doc))
		if len(edits) == 0 {
			break
		}
		n += len(edits)
		doc = document.New(doc.URI, doc.Version, Apply(doc.Text, edits))
	}
	return doc.Text, n
}

// Replacement returns the one edit that turns text into fixed: the span
// between their common start and end, at rune boundaries.
func Replacement(text, fixed string) (Edit, bool) {
	if text == fixed {
		return Edit{}, false
	}
	p := 0
	for p < len(text) && p < len(fixed) && text[p] == fixed[p] {
		p++
	}
	for p > 0 && p < len(text) && !utf8.RuneStart(text[p]) {
		p--
	}
	s := 0
	for s < len(text)-p && s < len(fixed)-p && text[len(text)-1-s] == fixed[len(fixed)-1-s] {
		s++
	}
	for s > 0 && !utf8.RuneStart(text[len(text)-s]) {
		s--
	}
	return Edit{Start: p, End: len(text) - s, Text: fixed[p : len(fixed)-s]}, true
}
