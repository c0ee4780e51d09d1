package hover

import "testing"

func TestPlainText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"**image** — step key\n\n*string*, required, default `8000`", "image — step key\n\nstring, required, default 8000"},
		{"Example:\n```yaml\nimage: python:3.12\n```", "Example:\n    image: python:3.12"},
		{"- `grid_search` — every combination", "- grid_search — every combination"},
		{"a glob `train.output.model*` here", "a glob train.output.model* here"},
		{"2 * 3 is 6", "2 * 3 is 6"},
		{"**Deprecated:** use `x`", "Deprecated: use x"},
		{"a \\* b and `unclosed", "a * b and `unclosed"},
	}
	for _, tt := range tests {
		if got := PlainText(tt.in); got != tt.want {
			t.Errorf("PlainText(%q) =\n%q, want\n%q", tt.in, got, tt.want)
		}
	}
}
