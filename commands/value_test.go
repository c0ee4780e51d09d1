package commands

import (
	"testing"

	"gopkg.in/yaml.v3"
)

// TestFromYAML reads scalars as PyYAML types them and prints them as
// Python's repr does.
func TestFromYAML(t *testing.T) {
	for _, tc := range []struct{ yaml, repr string }{
		{"1_000", "1000"},
		{"0x1F", "31"},
		{"017", "15"},
		{"0b101", "5"},
		{"1:30", "90"},
		{"-0", "0"},
		{"190:20:30", "685230"},
		{"123456789012345678901234567890", "123456789012345678901234567890"},
		{"1.5", "1.5"},
		{"1.0e+5", "100000.0"},
		{"-.inf", "-inf"},
		{".NaN", "nan"},
		{"1e5", "'1e5'"},
		{"1e-5", "'1e-5'"},
		{"0.1", "0.1"},
		{"3.0", "3.0"},
		{"1_0.5", "10.5"},
		{".5", "0.5"},
		{"-0.0", "-0.0"},
		{"1:30.5", "90.5"},
		{"100000000000000000.0", "1e+17"},
		{"0.00001", "1e-05"},
		{"0.0001", "0.0001"},
		{"12345678901234567.0", "1.2345678901234568e+16"},
		{"yes", "True"},
		{"Off", "False"},
		{"~", "None"},
		{`"it's"`, `"it's"`},
		{`'x"y''z'`, `'x"y\'z'`},
		{`"\t\x01é\u200b"`, `'\t\x01é\u200b'`},
		{"[a, 1.5, null, true]", "['a', 1.5, None, True]"},
	} {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte("a: "+tc.yaml), &doc); err != nil {
			t.Fatal(err)
		}
		v := FromYAML(doc.Content[0].Content[1])
		if got, ok := v.Repr(); !ok || got != tc.repr {
			t.Errorf("%s: repr %q (%v), want %q", tc.yaml, got, ok, tc.repr)
		}
	}
}

// TestTimestamp prints dates as Python's str() of what PyYAML makes.
func TestTimestamp(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2020-09-02T00:00:00.000000Z", "2020-09-02 00:00:00+00:00"},
		{"2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.100000-05:00"},
		{"2001-12-14 21:59:43.10 -5", "2001-12-14 21:59:43.100000-05:00"},
		{"2002-12-14", "2002-12-14"},
		{"2001-12-14 21:59:43 +00:30", "2001-12-14 21:59:43+00:30"},
		{"2001-12-14 21:59:43 -00:00", "2001-12-14 21:59:43+00:00"},
		{"2001-12-14 21:59:43", "2001-12-14 21:59:43"},
	} {
		if got, ok := timestamp11(tc.in); !ok || got != tc.want {
			t.Errorf("%s: %q (%v), want %q", tc.in, got, ok, tc.want)
		}
	}
}

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
