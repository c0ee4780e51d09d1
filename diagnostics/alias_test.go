package diagnostics

import (
	"context"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
)

// TestTypeAlias offers the parameter type that a common other name
// (int, str, bool, float64) stands for.
func TestTypeAlias(t *testing.T) {
	for _, tc := range []struct{ typ, want string }{
		{"int", "integer"}, {"Integer", "integer"}, {"str", "string"}, {"bool", "flag"},
		{"boolean", "flag"}, {"float64", "float"}, {"double", "float"},
	} {
		text := "- step:\n    name: a\n    image: x\n    command: y\n    parameters:\n      - name: p\n        type: " + tc.typ + "\n"
		var got []string
		for _, d := range Diagnose(context.Background(), document.New("file:///valohai.yaml", 1, text)) {
			if d.Code == CodeInvalidValue {
				got = d.Suggestions
			}
		}
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("type %s: suggestions %q, want [%q]", tc.typ, got, tc.want)
		}
	}
}
