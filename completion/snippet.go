package completion

import (
	"strings"

	"github.com/valohai-ls/valohai-ls/snippet"
)

// plain turns a snippet into the text it inserts with every placeholder at
// its default, for clients without snippet support. Trailing spaces go,
// except after a list item's dash, where typing goes on.
func plain(s string) string {
	p := snippet.Plain(s)
	if strings.HasSuffix(p, "- ") {
		return p
	}
	return strings.TrimRight(p, " ")
}
