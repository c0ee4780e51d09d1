package completion

import (
	"regexp"
	"strings"
)

var (
	// unescaper removes the backslashes of snippet escapes.
	unescaper   = strings.NewReplacer(`\}`, "}", `\$`, "$", `\,`, ",", `\|`, "|", `\\`, `\`)
	tabstop     = regexp.MustCompile(`\$\{\d+:((?:[^{}\\]|\\.)*)\}`)
	choice      = regexp.MustCompile(`\$\{\d+\|((?:[^,|\\]|\\.)*)[^}]*\|\}`)
	bareTabstop = regexp.MustCompile(`\$\d+|\$\{\d+\}`)
)

// plain turns a snippet into the text it inserts with every placeholder at
// its default, for clients without snippet support.
func plain(s string) string {
	for prev := ""; prev != s; {
		prev = s
		s = tabstop.ReplaceAllString(s, "$1")
	}
	s = choice.ReplaceAllString(s, "$1")
	s = bareTabstop.ReplaceAllString(s, "")
	s = unescaper.Replace(s)
	return strings.TrimRight(s, " ")
}
