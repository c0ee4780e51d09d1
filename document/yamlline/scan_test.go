package yamlline

import (
	"strings"
	"testing"
)

func TestFlowAt(t *testing.T) {
	tests := []struct {
		line        string // "|" marks the cursor
		inFlow, key bool
	}{
		{"    key: |", false, false},
		{"    key: [a, |", true, false},
		{"    key: [|]", true, false},
		{"    key: {a: 1, |}", true, true},
		{"    key: {a: |}", true, false},
		{"    key: [{a: 1, |", true, true},
		{"    key: [{a: 1}, |", true, false},
		{"    key: \"[a, |", false, false},
		{"    key: echo [a, |", false, false},
		{"    key: {a: \"x, |", true, false},
		{"    - [a, |", true, false},
	}
	for _, tc := range tests {
		col := strings.Index(tc.line, "|")
		line := strings.Replace(tc.line, "|", "", 1)
		inFlow, key := FlowAt(line, col)
		if inFlow != tc.inFlow || key != tc.key {
			t.Errorf("%q: in flow %v, key %v; want %v, %v", tc.line, inFlow, key, tc.inFlow, tc.key)
		}
	}
}

func TestUnclosed(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  int
	}{
		{"all closed", []string{"- step:", "    name: \"a\"", "    command: [a, b]"}, -1},
		{"open quote", []string{"- step:", "    name: \"a", "    image: x"}, 1},
		{"quote over two lines", []string{"- step:", "    name: \"a", "      b\"", "    image: x"}, -1},
		{"escaped quote", []string{"- step:", "    name: \"a\\\"", "    image: x"}, 1},
		{"open bracket", []string{"- step:", "    command: [a,", "    image: x"}, 1},
		{"innermost first", []string{"- step:", "    a: [", "      {b: 1", "    image: x"}, 2},
		{"quotes in a block scalar", []string{"- step:", "    command: |", "      echo \"hi", "    image: x"}, -1},
		{"quote inside a plain value", []string{"- step:", "    command: echo \"hi", "    image: x"}, -1},
		{"quote in a comment", []string{"- step:", "    name: a # it's", "    image: x"}, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			states := Scan(tc.lines)
			if got := states[len(tc.lines)].Unclosed(); got != tc.want {
				t.Errorf("unclosed = %d, want %d", got, tc.want)
			}
		})
	}
}
