// Package duration reads the durations of valohai.yaml (`time-limit`,
// `no-output-timeout`) the way the official parser does.
package duration

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// durationUnits are the seconds in each unit; a suffix counts by its first
// letter, so `m`, `min` and `minutes` all mean minutes.
var durationUnits = map[byte]float64{'s': 1, 'm': 60, 'h': 3600, 'd': 86400, 'w': 604800}

// Parse reads a duration text such as `1h 30m` the way the
// official parser does and returns its length in seconds. Each number must
// be followed by a lower-case unit; text between the number-unit pairs is
// ignored, and the total must be positive. A blank text is no duration
// (0, nil).
func Parse(s string) (float64, error) {
	if strings.TrimSpace(s) == "" {
		return 0, nil
	}
	total := 0.0
	for i := 0; i < len(s); {
		if !isDurationNumber(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isDurationNumber(s[j]) {
			j++
		}
		num := s[i:j]
		k := j
		for k < len(s) && unicode.IsSpace(rune(s[k])) {
			k++
		}
		u := k
		for u < len(s) && s[u] >= 'a' && s[u] <= 'z' {
			u++
		}
		v, err := strconv.ParseFloat(num, 64)
		if err != nil || strings.Count(num, ".") > 1 {
			return 0, fmt.Errorf("%q is not a number", num)
		}
		if u == k {
			return 0, fmt.Errorf("%q has no unit: write s, m, h, d or w after it (in lower case)", strings.TrimSpace(s[i:u]))
		}
		unit, ok := durationUnits[s[k]]
		if !ok {
			return 0, fmt.Errorf("unknown unit %q in %q: use s, m, h, d or w", s[k:u], s[i:u])
		}
		total += v * unit
		i = u
	}
	if total <= 0 {
		return 0, fmt.Errorf("%q holds no positive duration such as `30m` or `1h 30m`", s)
	}
	return total, nil
}

func isDurationNumber(c byte) bool { return c == '.' || (c >= '0' && c <= '9') }
