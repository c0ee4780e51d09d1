// Package snippet handles LSP snippet text for clients that cannot take it.
package snippet

import (
	"regexp"
	"strings"
)

var (
	unescaper   = strings.NewReplacer(`\}`, "}", `\$`, "$", `\,`, ",", `\|`, "|", `\\`, `\`)
	tabstop     = regexp.MustCompile(`\$\{\d+:((?:[^{}\\]|\\.)*)\}`)
	choice      = regexp.MustCompile(`\$\{\d+\|((?:[^,|\\]|\\.)*)[^}]*\|\}`)
	bareTabstop = regexp.MustCompile(`\$\d+|\$\{\d+\}`)
)

// Plain returns the text a snippet inserts with every placeholder at its
// default (the first choice of a choice), and no tab stops.
func Plain(s string) string {
	for prev := ""; prev != s; {
		prev = s
		s = tabstop.ReplaceAllString(s, "$1")
	}
	s = choice.ReplaceAllString(s, "$1")
	s = bareTabstop.ReplaceAllString(s, "")
	return unescaper.Replace(s)
}
