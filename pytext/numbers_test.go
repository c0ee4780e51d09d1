package pytext

import "testing"

// The verdicts are CPython 3.12's: whether int(s) and float(s) succeed.
func TestNumbers(t *testing.T) {
	for _, tc := range []struct {
		in             string
		isInt, isFloat bool
	}{
		{"1", true, true},
		{" -12 ", true, true},
		{"+1_000", true, true},
		{"1__0", false, false},
		{"_1", false, false},
		{"1_", false, false},
		{"\u00a07\u2003", true, true},
		{"\x1c5\x1f", true, true},
		{"1.5", false, true},
		{".5", false, true},
		{"5.", false, true},
		{"1e5", false, true},
		{"1E-5", false, true},
		{"1_0.2_5e1_0", false, true},
		{"inf", false, true},
		{"-Infinity", false, true},
		{"NaN", false, true},
		{"nan1", false, false},
		{"0x10", false, false},
		{"1.2.3", false, false},
		{"e5", false, false},
		{".", false, false},
		{"", false, false},
		{"true", false, false},
	} {
		if got := IntOK(tc.in); got != tc.isInt {
			t.Errorf("IntOK(%q) = %v, want %v", tc.in, got, tc.isInt)
		}
		if got := FloatOK(tc.in); got != tc.isFloat {
			t.Errorf("FloatOK(%q) = %v, want %v", tc.in, got, tc.isFloat)
		}
	}
}
