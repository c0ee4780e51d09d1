package cursor

import "testing"

func TestCloseLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"    key: value", "    key: value"},
		{"    key: \"abc", "    key: \"abc\""},
		{"    key: 'it''s", "    key: 'it''s'"},
		{"    key: [a, b", "    key: [a, b]"},
		{"    key: [{a: 1, b", "    key: [{a: 1, b}]"},
		{"    key: {a: {b:", "    key: {a: {b: }}"},
		{"    key: [a, \"b", "    key: [a, \"b\"]"},
		{"    key: echo \"hi", "    key: echo \"hi"},
		{"    key: a # [comment", "    key: a # [comment"},
	}
	for _, tc := range tests {
		if got := closeLine(tc.in); got != tc.want {
			t.Errorf("closeLine(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
