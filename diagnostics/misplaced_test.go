package diagnostics

import (
	"context"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
)

// A key indented one level too deep, inside the last item of a list, is
// named where it is, with how far to move it, and offered no fix that
// would add a second, empty one.
func TestMisplacedKeyMessage(t *testing.T) {
	tests := []struct {
		yaml, want string
	}{
		{"- pipeline:\n    name: p\n    nodes:\n      - name: x\n        type: execution\n        step: s\n        edges: []\n",
			"pipeline \"p\" needs edges: `edges` is inside node \"x\"; move it four spaces left"},
		{"- pipeline:\n    name: p\n    nodes:\n    - name: x\n      type: execution\n      step: s\n      edges: []\n",
			"pipeline \"p\" needs edges: `edges` is inside node \"x\"; move it two spaces left"},
		{"- pipeline:\n    name: p\n    nodes:\n      - name: x\n        type: execution\n        step: s\n",
			"pipeline \"p\" needs edges (write `edges: []` when there are none)"},
	}
	for _, tc := range tests {
		var got []Diagnostic
		for _, d := range Diagnose(context.Background(), document.New("file:///valohai.yaml", 1, tc.yaml)) {
			if d.Code == CodeMissingKey {
				got = append(got, d)
			}
		}
		if len(got) != 1 || got[0].Message != tc.want {
			t.Errorf("%q: missing-key %+v, want %q", tc.yaml, got, tc.want)
			continue
		}
		if misplaced := tc.want[len(tc.want)-5:] == " left"; misplaced == (got[0].Fix != nil) {
			t.Errorf("%q: fix %v; want one only when the key is not written elsewhere", tc.yaml, got[0].Fix)
		}
	}
}
