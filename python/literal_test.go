package python

import "testing"

func TestLiterals(t *testing.T) {
	cases := []struct{ src, want string }{
		{`"a\x41\u00e9\U0001F600\101\n\t\\"`, `"aAé😀A\n\t\\"`},
		{`r"\d\n" R'\''`, `"\\d\\n\\'"`},
		{`"line\
continued"`, `"linecontinued"`},
		{`'''multi
line'''`, `"multi\nline"`},
		{`"unknown \q escape"`, `"unknown \\q escape"`},
		{`("a"` + "\n" + `  "b")`, `"ab"`},
		{`-1_000`, `-1000`},
		{`+0x_ff`, `255`},
		{`0o17, 0b101`, `[15,5]`},
		{`1e3`, `1000`},
		{`[1, (2,), {3}, {"k": None}, (), [], {}]`, `[1,[2],[3],{"k":null},[],[],{}]`},
		{`set()`, `[]`},
		{`True, False`, `[true,false]`},
	}
	for _, c := range cases {
		src := []byte(c.src)
		r := &reader{src: src, toks: Tokenize(src), script: &Script{}}
		r.matchBrackets()
		n := len(r.toks) - 1 // without the final Newline
		v, ok := r.literalTuple(0, n)
		if !ok {
			t.Errorf("%s: not read as a literal", c.src)
			continue
		}
		if got := canon(jsonValue(v)); got != c.want {
			t.Errorf("%s: got %s, want %s", c.src, got, c.want)
		}
	}
	for _, src := range []string{`f"x"`, `"a" f"{b}"`, `"a" b"b"`, `x`, `-x`, `1 + 2`, `1j`, `{**a}`, `[*a]`, `{1: 2 for a in b}`, `set([1])`, `(1`, `"a".upper()`} {
		b := []byte(src)
		r := &reader{src: b, toks: Tokenize(b), script: &Script{}}
		r.matchBrackets()
		if v, ok := r.literalTuple(0, len(r.toks)-1); ok {
			t.Errorf("%s: read as the literal %+v", src, v)
		}
	}
}

// TestUnparse checks expression texts against what Python 3.11's
// ast.unparse writes for them.
func TestUnparse(t *testing.T) {
	cases := []struct{ src, want string }{
		{`os.getenv("VH_OUTPUTS_DIR", "./outputs")`, `os.getenv('VH_OUTPUTS_DIR', './outputs')`},
		{`max(4, multiprocessing.cpu_count()+1)`, `max(4, multiprocessing.cpu_count() + 1)`},
		{`ROOT / "coco128.yaml"`, `ROOT / 'coco128.yaml'`},
		{`True if is_running_in_valohai() else False`, `True if is_running_in_valohai() else False`},
		{`dict(a=1, b=[1, 2,],)`, `dict(a=1, b=[1, 2])`},
		{`(x,)`, `(x,)`},
		{`(f(x))`, `f(x)`},
		{`a[1:2, ::3]`, `a[1:2, ::3]`},
		{`lambda a, *b, **c: -a`, `lambda a, *b, **c: -a`},
		{`{"a": 1, **rest}`, `{'a': 1, **rest}`},
		{`f"Token {auth}"`, `f'Token {auth}'`},
		{`"it's"`, `"it's"`},
		{`b"x" b'y'`, `b'xy'`},
		{`x if not y else z`, `x if not y else z`},
		{`a is not None and b in c`, `a is not None and b in c`},
		{`1_000 + 0x10 + 1e3`, `1000 + 16 + 1000.0`},
	}
	for _, c := range cases {
		src := []byte(c.src)
		r := &reader{src: src, toks: Tokenize(src), script: &Script{}}
		r.matchBrackets()
		if got := r.unparse(0, len(r.toks)-1); got != c.want {
			t.Errorf("%s: got %s, want %s", c.src, got, c.want)
		}
	}
}
