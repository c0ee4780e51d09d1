// Package suggest is the project's one did-you-mean: given a name that is
// not known and the names that are, it returns the one the writer most
// likely meant, or nothing when no single name stands out.
//
// The rule, in order:
//
//  1. A candidate that is the name in another case (`Train` for `train`)
//     is the one meant.
//  2. Else a candidate that is the name with other word separators and
//     case (`keep_directories` for `keep-directories`).
//  3. Else the candidates nearest by edit distance, where inserting,
//     deleting or changing a letter or swapping two neighbours each
//     count one (`iaeg` and `aige` are two from `image`), case ignored,
//     and a name of n characters may be at most Limit(n) edits from the
//     candidate. A name of up to four characters, where two edits are
//     half of it, must also look like a candidate two edits away: begin
//     with its first letter (or its first two swapped) and have all its
//     letters but one in it (`swp` → `step`, `img` → `image`, but `ram`
//     is not `name`, nor `node`). A two-letter name one letter changed
//     from a candidate is no typo of it (`l2` is not `lr`).
//
// At each step, exactly one candidate must qualify: two at the same
// distance (or two spellings of the same words) are a tie, and a tie
// gives no suggestion, because a wrong guess costs more than none.
package suggest

import (
	"strings"

	edlib "github.com/hbollon/go-edlib"
)

// Limit returns the most edits a misspelling of an n-character name may
// have: none for one character, one for two, two up to seven and three
// from eight on (`batch-inefrenec` is two swaps from `batch-inference`).
func Limit(n int) int {
	switch {
	case n <= 1:
		return 0
	case n == 2:
		return 1
	case n < 8:
		return 2
	default:
		return 3
	}
}

// Distance is the number of edits between a and b, case ignored: a
// letter inserted, deleted or changed, or two neighbours swapped, also
// where another edit touches them (`aige` is a swap and an insertion
// from `image`): the Damerau–Levenshtein distance.
func Distance(a, b string) int {
	return edlib.DamerauLevenshteinDistance(strings.ToLower(a), strings.ToLower(b))
}

// Closest returns the one candidate s most likely stands for by the rule
// of the package doc, or "" when none does or two tie. s itself, when it
// is a candidate, is returned as it is.
func Closest(s string, candidates []string) string {
	for _, c := range candidates {
		if c == s {
			return c
		}
	}
	if c, ok := only(candidates, func(c string) bool { return strings.EqualFold(c, s) }); ok {
		return c
	}
	words := Words(s)
	if c, ok := only(candidates, func(c string) bool { return words != "" && Words(c) == words }); ok {
		return c
	}
	best, bestDist, ties := "", Limit(len([]rune(s)))+1, 0
	seen := map[string]bool{}
	for _, c := range candidates {
		if seen[c] {
			continue
		}
		seen[c] = true
		d := Distance(s, c)
		if d >= 2 && len([]rune(s)) <= shortName && !alike(s, c) || d == 1 && twoLetterChange(s, c) {
			continue
		}
		switch {
		case d < bestDist:
			best, bestDist, ties = c, d, 0
		case d == bestDist:
			ties++
		}
	}
	if best == "" || ties > 0 {
		return ""
	}
	return best
}

// shortName is the length up to which a name two edits from a candidate
// must be alike it.
const shortName = 4

// twoLetterChange reports a two-letter s that c changes one letter of
// (`l2` for `lr`): two-letter names differing so are often distinct names
// (l1, l2, lr), so no guess is made; a letter added or the two swapped
// (`lrs`, `rl` for `lr`) still is one.
func twoLetterChange(s, c string) bool {
	a, b := []rune(strings.ToLower(s)), []rune(strings.ToLower(c))
	return len(a) == 2 && len(b) == 2 && !(a[0] == b[1] && a[1] == b[0])
}

// alike reports whether c begins as s does (the same first letter, or
// its first two letters swapped) and holds all of s's letters but one,
// case ignored.
func alike(s, c string) bool {
	a, b := []rune(strings.ToLower(s)), []rune(strings.ToLower(c))
	if len(a) < 2 || len(b) < 2 {
		return false
	}
	if a[0] != b[0] && (a[0] != b[1] || a[1] != b[0]) {
		return false
	}
	have := map[rune]int{}
	for _, r := range b {
		have[r]++
	}
	missing := 0
	for _, r := range a {
		if have[r] > 0 {
			have[r]--
		} else {
			missing++
		}
	}
	return missing <= 1
}

// only returns the one distinct candidate that match accepts; ok is
// false when none or several do.
func only(candidates []string, match func(string) bool) (string, bool) {
	found := ""
	for _, c := range candidates {
		if !match(c) || c == found {
			continue
		}
		if found != "" {
			return "", false
		}
		found = c
	}
	return found, found != ""
}

// Words is s in lower case with each run of `-`, `_` and spaces written
// as one `-`, leading and trailing ones dropped: the words of a name
// whatever their separators (`--Learning_Rate` → `learning-rate`).
func Words(s string) string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == '-' || r == '_' || r == ' '
	})
	return strings.Join(f, "-")
}
