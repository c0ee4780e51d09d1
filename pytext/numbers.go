package pytext

import (
	"regexp"
	"strings"
	"unicode"
)

// Space reports whitespace as Python's str.split() and str.strip() see it:
// Unicode white space and the four separators U+001C to U+001F.
func Space(r rune) bool { return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f) }

var (
	intText   = regexp.MustCompile(`^[+-]?[0-9](?:_?[0-9])*$`)
	floatText = regexp.MustCompile(`(?i)^[+-]?(?:(?:[0-9](?:_?[0-9])*)?\.[0-9](?:_?[0-9])*|[0-9](?:_?[0-9])*\.?)(?:e[+-]?[0-9](?:_?[0-9])*)?$|^[+-]?(?:inf|infinity|nan)$`)
)

// IntOK reports whether Python's int(s) reads s (in base 10).
func IntOK(s string) bool { return intText.MatchString(strings.TrimFunc(s, Space)) }

// FloatOK reports whether Python's float(s) reads s.
func FloatOK(s string) bool { return floatText.MatchString(strings.TrimFunc(s, Space)) }
