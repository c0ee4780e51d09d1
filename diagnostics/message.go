package diagnostics

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxQuoted is the most characters of a value a message quotes; a longer
// value is cut, with an ellipsis, so that a huge single-line value does
// not make a huge message.
const MaxQuoted = 60

// shortenQuoted cuts every double-quoted value in msg (as %q writes it)
// to MaxQuoted characters, the last one an ellipsis.
func shortenQuoted(msg string) string {
	if !strings.Contains(msg, `"`) || len(msg) <= MaxQuoted {
		return msg
	}
	var b strings.Builder
	for i := 0; i < len(msg); {
		j := strings.IndexByte(msg[i:], '"')
		if j < 0 {
			b.WriteString(msg[i:])
			break
		}
		b.WriteString(msg[i : i+j])
		i += j
		lit, err := strconv.QuotedPrefix(msg[i:])
		if err != nil {
			b.WriteByte('"')
			i++
			continue
		}
		i += len(lit)
		if s, err := strconv.Unquote(lit); err == nil && utf8.RuneCountInString(s) > MaxQuoted {
			r := []rune(s)
			lit = strconv.Quote(string(r[:MaxQuoted-1]) + "…")
		}
		b.WriteString(lit)
	}
	return b.String()
}
