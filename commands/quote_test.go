package commands

import "testing"

// TestQuote quotes as shlex.quote does.
func TestQuote(t *testing.T) {
	for in, want := range map[string]string{
		"":           "''",
		"a b":        "'a b'",
		"it's":       `'it'"'"'s'`,
		"ä":          "'ä'",
		"--x=1":      "--x=1",
		"a$b":        "'a$b'",
		"@%+=:,./-_": "@%+=:,./-_",
	} {
		if got := Quote(in); got != want {
			t.Errorf("Quote(%q) = %s, want %s", in, got, want)
		}
	}
}
