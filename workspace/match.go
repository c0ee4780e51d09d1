package workspace

import (
	"sort"
	"strings"
	"unicode"
)

// maxResults bounds an answer: a client shows the best few anyway.
const maxResults = 500

// Match returns the symbols whose name matches query, best first. The
// characters of the query must appear in the name in order, ignoring
// case; a name that starts with the query comes first, then one that
// holds it whole, then the others by how close together the characters
// are. An empty query matches everything.
func Match(files map[string][]Symbol, query string) []Symbol {
	type scored struct {
		Symbol
		score int
	}
	q := []rune(strings.ToLower(query))
	var found []scored
	for _, syms := range files {
		for _, s := range syms {
			if sc, ok := score(strings.ToLower(s.Name), q); ok {
				found = append(found, scored{s, sc})
			}
		}
	}
	sort.Slice(found, func(i, j int) bool {
		a, b := found[i], found[j]
		if a.score != b.score {
			return a.score > b.score
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Span.Start < b.Span.Start
	})
	if len(found) > maxResults {
		found = found[:maxResults]
	}
	out := make([]Symbol, len(found))
	for i, f := range found {
		out[i] = f.Symbol
	}
	return out
}

// score rates how well name holds the query's runes in order.
func score(name string, q []rune) (int, bool) {
	if len(q) == 0 {
		return 0, true
	}
	switch i := strings.Index(name, string(q)); {
	case i == 0:
		return 3000 - len(name), true
	case i > 0:
		return 2000 - i - len(name), true
	}
	gaps, last, k := 0, -1, 0
	for i, r := range []rune(name) {
		if k < len(q) && r == q[k] {
			if last >= 0 {
				gaps += i - last - 1
			}
			if last < 0 || !unicode.IsLetter(r) {
				gaps-- // a match at a word start is worth a little
			}
			last = i
			k++
		}
	}
	if k < len(q) {
		return 0, false
	}
	return 1000 - gaps - len(name), true
}
