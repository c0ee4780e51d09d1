package completion

import (
	"strings"

	"github.com/valohai-ls/valohai-ls/internal/snippet"
)

// plain turns a snippet into the text it inserts with every placeholder at
// its default, for clients without snippet support.
func plain(s string) string {
	return strings.TrimRight(snippet.Plain(s), " ")
}
