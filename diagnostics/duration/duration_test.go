package duration

import (
	"strings"
	"testing"
)

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		err  string
	}{
		{"30s", 30, ""},
		{"1h 30m 5s", 5405, ""},
		{"1h30m", 5400, ""},
		{"2 hours", 7200, ""},
		{"10min", 600, ""},
		{"1.5h", 5400, ""},
		{"1d, 2w", 86400 + 2*604800, ""},
		{"about 5 secs", 5, ""},
		{"   ", 0, ""},
		{"", 0, ""},
		{"90", 0, "no unit"},
		{"10 S", 0, "no unit"},
		{"1,5h", 0, "no unit"},
		{"5 years", 0, "unknown unit"},
		{"abc", 0, "no positive duration"},
		{"0s", 0, "no positive duration"},
		{"1.5.2h", 0, "not a number"},
		{".h", 0, "not a number"},
	}
	for _, tc := range tests {
		got, err := Parse(tc.in)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%q: unexpected error %v", tc.in, err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%q: error %v, want one about %q", tc.in, err, tc.err)
		case tc.err == "" && got != tc.want:
			t.Errorf("%q = %v, want %v", tc.in, got, tc.want)
		}
	}
}
