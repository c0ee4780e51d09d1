package scripts

import (
	"strings"

	"github.com/agnivade/levenshtein"

	"github.com/valohai-ls/valohai-ls/python"
)

// CloseOption returns the `--` option of the script whose spelling is
// close to opt, which the script does not have: the same words with `-`
// for `_` or another case (`--learning-rate`, `--learning_rate`), or a
// small typo (`--epoch`, `--epochs`); "" when none is, or when two are.
func CloseOption(sc *python.Script, opt string) string {
	if sc == nil || !strings.HasPrefix(opt, "--") {
		return ""
	}
	want := normalOption(opt)
	best, bestDist, ties := "", 1<<30, 0
	seen := map[string]bool{}
	for _, a := range sc.Arguments {
		for _, o := range a.Options {
			if !strings.HasPrefix(o, "--") || o == opt || seen[o] {
				continue
			}
			seen[o] = true
			d := 0
			if normalOption(o) != want {
				d = 1 + levenshtein.ComputeDistance(want, normalOption(o))
			}
			switch {
			case d < bestDist:
				best, bestDist, ties = o, d, 0
			case d == bestDist:
				ties++
			}
		}
	}
	limit := 2 // a typo of one character
	if len(want) >= 8 {
		limit = 3
	}
	if best == "" || ties > 0 || bestDist > limit {
		return ""
	}
	return best
}

// normalOption is an option's words: no dashes before it, lower case, `_`
// for `-`.
func normalOption(o string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimLeft(o, "-")), "-", "_")
}
