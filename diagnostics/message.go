package diagnostics

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxQuoted is the most characters of a value a message quotes; a longer
// value is cut, with an ellipsis, so that a huge single-line value does
// not make a huge message.
const MaxQuoted = 60

// ShortenValues cuts every double-quoted value in msg (as %q writes it),
// and every other run of characters without a space (a long number
// written as is), to MaxQuoted characters, the last one an ellipsis.
func ShortenValues(msg string) string {
	if len(msg) <= MaxQuoted {
		return msg
	}
	var b strings.Builder
	for i := 0; i < len(msg); {
		j := strings.IndexByte(msg[i:], '"')
		if j < 0 {
			b.WriteString(shortenWords(msg[i:]))
			break
		}
		b.WriteString(shortenWords(msg[i : i+j]))
		i += j
		lit, err := strconv.QuotedPrefix(msg[i:])
		if err != nil {
			// An unbalanced quote: the rest is plain text.
			b.WriteString(shortenWords(msg[i:]))
			break
		}
		i += len(lit)
		if s, err := strconv.Unquote(lit); err == nil && utf8.RuneCountInString(s) > MaxQuoted {
			lit = strconv.Quote(cut(s))
		}
		b.WriteString(lit)
	}
	return b.String()
}

// shortenWords cuts each run of non-space characters of s that is longer
// than MaxQuoted.
func shortenWords(s string) string {
	if len(s) <= MaxQuoted {
		return s
	}
	var b strings.Builder
	start := -1
	flush := func(end int) {
		if start >= 0 {
			// Punctuation after the value stays: "1111…; write".
			w := s[start:end]
			tail := len(strings.TrimRight(w, ".,;:!?)"))
			b.WriteString(cut(w[:tail]) + w[tail:])
			start = -1
		}
	}
	for i, r := range s {
		if unicode.IsSpace(r) {
			flush(i)
			b.WriteRune(r)
		} else if start < 0 {
			start = i
		}
	}
	flush(len(s))
	return b.String()
}

// cut shortens s to MaxQuoted characters, the last one an ellipsis.
func cut(s string) string {
	if utf8.RuneCountInString(s) <= MaxQuoted {
		return s
	}
	return string([]rune(s)[:MaxQuoted-1]) + "…"
}
