package expr

import (
	"strings"
	"testing"
	"time"

	"github.com/valohai-ls/valohai-ls/internal/childtest"
)

// TestCheckNesting: expressions nested as deep as their length allows are
// refused with the reason, in a child process with a deadline; one nested
// as deep as Python allows is read.
func TestCheckNesting(t *testing.T) {
	const n = maxExprLen/2 - 10
	tests := []struct {
		name, expr, want string
	}{
		{"parentheses", strings.Repeat("(", n) + "1" + strings.Repeat(")", n), "too many nested parentheses (more than 200)"},
		{"calls", strings.Repeat("f(", n/2) + strings.Repeat(")", n/2), "too many nested parentheses (more than 200)"},
		{"not", strings.Repeat("not ", maxExprLen/4-1) + "x", "the expression nests too deeply (at most 7 levels)"},
		{"minus", strings.Repeat("-", maxExprLen-1) + "1", "the expression nests too deeply (at most 7 levels)"},
		{"powers", strings.Repeat("1**", maxExprLen/3-1) + "1", "the expression nests too deeply (at most 7 levels)"},
		{"as deep as Python allows", strings.Repeat("(", maxBrackets) + "1" + strings.Repeat(")", maxBrackets), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !childtest.Child(t) {
				childtest.Run(t, 20*time.Second)
				return
			}
			err := Check(tt.expr)
			got := ""
			if err != nil {
				got = err.Msg
			}
			if got != tt.want {
				t.Errorf("Check = %q, want %q", got, tt.want)
			}
		})
	}
}
