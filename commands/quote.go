package commands

import "strings"

// Quote quotes s for a POSIX shell as Python's shlex.quote does: as it is
// when it holds only letters, digits and @%+=:,./-_, ” when empty, else
// in single quotes with each single quote written '"'"'.
func Quote(s string) string {
	if s == "" {
		return "''"
	}
	if safe(s) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'"'"'`) + "'"
}

// safe reports whether s holds only what shlex.quote leaves unquoted
// (ASCII word characters and @%+=:,./-).
func safe(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case strings.IndexByte("_@%+=:,./-", c) >= 0:
		default:
			return false
		}
	}
	return true
}

// quoteAll quotes each argument and joins them with spaces.
func quoteAll(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = Quote(a)
	}
	return strings.Join(q, " ")
}
