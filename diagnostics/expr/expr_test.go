package expr

import (
	"strings"
	"testing"
)

func TestCheckExpressionAccepts(t *testing.T) {
	for _, expr := range []string{
		"stop > 1",
		"metadata.loss < 0.1 and metadata.epoch >= 5",
		"not a",
		"-a",
		"+a * 2 // 3 - 1 / 4",
		"a in (1, 2)",
		"a not in {1, 2}",
		"a is None",
		"a is not None",
		"f(x)",
		"max(metadata.a, 1, 'x')",
		`a == "s"`,
		"'a' 'b' == u'ab'",
		"True",
		"1_000 + 0x1F + 0o7 + 0b1 + 1.5e3 + .5 + 5.",
		"metadata.val-loss < 1",
		"class > 1",
		"metadata.if > 1",
		"(a)",
		"()",
		"a, b",
		"(a,)",
		"a ==\\\n 1",
		"(a ==\n 1)",
		"a # note",
		"\na\n",
		"a and b or not c",
		"r'\\d' == x",
		"a+b+c+d+e+f+g",
	} {
		if err := Check(expr); err != nil {
			t.Errorf("%q: unexpected error %q", expr, err.Msg)
		}
	}
}

func TestCheckExpressionRejects(t *testing.T) {
	tests := []struct{ expr, msg string }{
		{"[1,2]", "list literals"},
		{"a[0]", "indexing"},
		{"a < b < c", "chained comparisons"},
		{"f(x=1)", "keyword arguments"},
		{"f(**k)", "keyword arguments"},
		{"a % 2", "operator %"},
		{"a ** 2", "operator **"},
		{"a | b", "operator |"},
		{"a @ b", "operator @"},
		{"~a", "operator ~"},
		{"x if y else z", "invalid syntax"},
		{"lambda: 1", "invalid syntax"},
		{"", "empty"},
		{"   ", "empty"},
		{" a", "unexpected indent"},
		{"'abc", "never closed"},
		{"a+b+c+d+e+f+g+h+i", "nests too deeply"},
		{"{}", "dict literals"},
		{"{'a': 1}", "dict literals"},
		{"f'{a}'", "f-strings"},
		{"b'x'", "bytes"},
		{"1j", "imaginary"},
		{"...", "`...`"},
		{"f(x)(y)", "plain function name"},
		{"a.b(c)", "plain function name"},
		{"f(x).y", "dotted name"},
		{"True.x", "dotted name"},
		{"f(*a)", "unpacking"},
		{"(x := 1)", "assignment expressions"},
		{"[x for x in y]", "comprehensions"},
		{"(x for x in y)", "generator"},
		{"a b", "invalid syntax"},
		{"a\nb", "one line"},
		{"(a", "never closed"},
		{"a)", "unmatched"},
		{"01", "must not start with 0"},
		{"1__0", "invalid number"},
		{"a $ b", "invalid character"},
		{"a;b", "invalid syntax"},
		{"not", "ends too early"},
		{"a = 1", "invalid syntax"},
		{"a\\ b", "line-continuation"},
	}
	for _, tc := range tests {
		err := Check(tc.expr)
		switch {
		case err == nil:
			t.Errorf("%q: accepted, want an error about %q", tc.expr, tc.msg)
		case !strings.Contains(err.Msg, tc.msg):
			t.Errorf("%q: error %q, want one about %q", tc.expr, err.Msg, tc.msg)
		}
	}
}

func TestCheckExpressionDepthLimit(t *testing.T) {
	// The evaluator counts the expression itself as the first of eight
	// levels, so six chained additions (whose innermost operands sit on
	// the seventh level) are the most it allows.
	if err := Check("a+b+c+d+e+f+g"); err != nil {
		t.Errorf("6 additions: %v", err.Msg)
	}
	if err := Check("a+b+c+d+e+f+g+h"); err == nil {
		t.Error("7 additions: accepted")
	}
	if err := Check("metadata.a.b.c.d.e.f.g.h > 1"); err != nil {
		t.Errorf("a long dotted name counts once: %v", err.Msg)
	}
}

func TestCheckExpressionLength(t *testing.T) {
	long := "a" + strings.Repeat(" + a", maxExprLen/4)
	if err := Check(long); err == nil || !strings.Contains(err.Msg, "longer than") {
		t.Errorf("long expression: %v", err)
	}
}
