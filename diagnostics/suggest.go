package diagnostics

import (
	"strings"

	"github.com/agnivade/levenshtein"
)

// closest returns the candidate nearest to s by edit distance, if it is
// near enough to be a likely typo, or "".
func closest(s string, candidates []string) string {
	best, bestDist := "", 1<<30
	ls := strings.ToLower(s)
	for _, c := range candidates {
		if strings.ToLower(c) == ls {
			return c
		}
		d := levenshtein.ComputeDistance(ls, strings.ToLower(c))
		if d < bestDist {
			best, bestDist = c, d
		}
	}
	limit := 2
	if len(s) <= 3 {
		limit = 1
	}
	if len(s) >= 8 {
		limit = 3
	}
	if bestDist <= limit {
		return best
	}
	return ""
}
