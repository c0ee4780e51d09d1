package pytext

import (
	"math"
	"testing"
)

// The expected texts are what CPython 3.12 prints for repr(x).
func TestStr(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", `''`},
		{"abc", `'abc'`},
		{"it's", `"it's"`},
		{`say "hi"`, `'say "hi"'`},
		{`both ' and "`, `'both \' and "'`},
		{`back\slash`, `'back\\slash'`},
		{"tab\tnew\nret\r", `'tab\tnew\nret\r'`},
		{"\x00\x1f\x7f", `'\x00\x1f\x7f'`},
		{"\u0085\u00a0é", `'\x85\xa0é'`},
		{"zero\u200bwidth", `'zero\u200bwidth'`},
		{"\U000e0001", `'\U000e0001'`},
		{"ümlaut 日本", `'ümlaut 日本'`},
		{"\xff\xfe", `'\xff\xfe'`},
	} {
		if got := Str(tc.in); got != tc.want {
			t.Errorf("Str(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestFloat(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want string
	}{
		{0, "0.0"},
		{math.Copysign(0, -1), "-0.0"},
		{1, "1.0"},
		{0.1, "0.1"},
		{1e-4, "0.0001"},
		{1.5e-5, "1.5e-05"},
		{123456789012345.6, "123456789012345.6"},
		{1e16, "1e+16"},
		{-2.5e100, "-2.5e+100"},
		{math.Inf(1), "inf"},
		{math.Inf(-1), "-inf"},
		{math.NaN(), "nan"},
	} {
		if got := Float(tc.in); got != tc.want {
			t.Errorf("Float(%v) = %s, want %s", tc.in, got, tc.want)
		}
	}
}
