package python

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/valohai-ls/valohai-ls/internal/childtest"
)

// nested returns open n times, then inner, then close n times.
func nested(open, inner, close string, n int) string {
	return strings.Repeat(open, n) + inner + strings.Repeat(close, n)
}

// TestReadNesting: a script nested deeper than Python allows is refused
// with the reason, wherever the nesting is (an assignment, prepare()'s
// keywords, an add_argument default, a dict of dicts), and one nested as
// deep as Python allows is read. Each huge case runs in a child process
// with a deadline: a stack overflow is fatal.
func TestReadNesting(t *testing.T) {
	const huge = 700_000
	deep := []struct {
		name, src string
		line      int
	}{
		{"parentheses", "x = " + nested("(", "1", ")", huge) + "\n", 1},
		{"lists", "x = " + nested("[", "1", "]", huge) + "\n", 1},
		{"dicts", "x = " + nested("{'a': ", "1", "}", huge/4) + "\n", 1},
		{"prepare", "import valohai\nvalohai.prepare(step='t', default_parameters=" + nested("{'a': ", "1", "}", huge/4) + ")\n", 2},
		{"add_argument", "import argparse\np = argparse.ArgumentParser()\np.add_argument('--x', default=" + nested("[", "1", "]", huge) + ")\n", 3},
		{"calls", "f" + nested("(", "", ")", huge) + "\n", 1},
		{"a line each", "x = " + nested("(\n", "1", ")\n", huge/2), 201},
		{"just past the limit", "x = " + nested("(", "1", ")", MaxNesting+1) + "\n", 1},
	}
	for _, tt := range deep {
		t.Run(tt.name, func(t *testing.T) {
			if !childtest.Child(t) {
				childtest.Run(t, 20*time.Second)
				return
			}
			sc := Read([]byte(tt.src))
			want := fmt.Sprintf("its brackets are nested more than 200 deep at line %d, which Python refuses", tt.line)
			if sc.Refused != want {
				t.Errorf("Refused %q, want %q", sc.Refused, want)
			}
			if sc.Prepare != nil || len(sc.Arguments) > 0 {
				t.Errorf("a refused script was read: %+v", sc)
			}
		})
	}
	t.Run("as deep as Python allows", func(t *testing.T) {
		src := "import valohai\nvalohai.prepare(step='t', default_parameters={'a': " + nested("[", "1", "]", MaxNesting-2) + "})\n"
		sc := Read([]byte(src))
		if sc.Refused != "" || sc.Prepare == nil || len(sc.Prepare.DefaultParameters.Entries) != 1 {
			t.Fatalf("Refused %q, prepare %+v", sc.Refused, sc.Prepare)
		}
	})
}
