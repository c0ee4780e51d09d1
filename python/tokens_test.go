package python

import (
	"strings"
	"testing"
)

// tokenString writes tokens as KIND:text, space-separated; a Newline is
// "NL".
func tokenString(src []byte, toks []Token) string {
	var parts []string
	for _, t := range toks {
		switch t.Kind {
		case TNewline:
			parts = append(parts, "NL")
		case TName:
			parts = append(parts, "N:"+t.Text(src))
		case TNumber:
			parts = append(parts, "#:"+t.Text(src))
		case TString:
			parts = append(parts, "S:"+t.Text(src))
		case TOp:
			parts = append(parts, "O:"+t.Text(src))
		default:
			parts = append(parts, "E:"+t.Text(src))
		}
	}
	return strings.Join(parts, " ")
}

func TestTokenize(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"prefixes", `rb'x' Br"y" f'z' RF"w" u'v' t"q" bad'x'`,
			`S:rb'x' S:Br"y" S:f'z' S:RF"w" S:u'v' S:t"q" N:bad S:'x' NL`},
		{"triple", "x = '''a ' '' \"\nb'''\ny",
			"N:x O:= S:'''a ' '' \"\nb''' NL N:y NL"},
		{"escaped quote", `"a\"b" r"c\"d"`, `S:"a\"b" S:r"c\"d" NL`},
		{"fstring nested same quotes", `f"{x["a"]}" + 1`, `S:f"{x["a"]}" O:+ #:1 NL`},
		{"fstring nested spec", `f"{x:{width}.{prec}f}" y`, `S:f"{x:{width}.{prec}f}" N:y NL`},
		{"fstring brace in string", `f"{'}'}" y`, `S:f"{'}'}" N:y NL`},
		{"fstring doubled braces", `f"{{literal}}" y`, `S:f"{{literal}}" N:y NL`},
		{"fstring dict in field", `f"{ {'a': 1}['a'] }" y`, `S:f"{ {'a': 1}['a'] }" N:y NL`},
		{"fstring in fstring", `f"{f"{x!r:>{w}}"}" y`, `S:f"{f"{x!r:>{w}}"}" N:y NL`},
		{"fstring triple multiline field", "f\"\"\"{a\n + b}\"\"\" y", "S:f\"\"\"{a\n + b}\"\"\" N:y NL"},
		{"fstring self-documenting", `f"{x=}" f"{x = !r}"`, `S:f"{x=}" S:f"{x = !r}" NL`},
		{"raw fstring", `rf"\d{x}" fR'\{y}'`, `S:rf"\d{x}" S:fR'\{y}' NL`},
		{"backslash continuation", "a = 1 + \\\n    2\nb", "N:a O:= #:1 O:+ #:2 NL N:b NL"},
		{"brackets continue lines", "f(\n  1,  # one\n  2)\nx", "N:f O:( #:1 O:, #:2 O:) NL N:x NL"},
		{"comments and blank lines", "x  # c\n\n   # only\ny", "N:x NL N:y NL"},
		{"numbers", "1_000 0x_FF 1.5e-3 .5 1E10 3j 1.j 0o17 0b1010 10.", "#:1_000 #:0x_FF #:1.5e-3 #:.5 #:1E10 #:3j #:1.j #:0o17 #:0b1010 #:10. NL"},
		{"operators", "a := b -> c ** d // e @ f ... g **= h //= i != j <= k >>= l",
			"N:a O::= N:b O:-> N:c O:** N:d O:// N:e O:@ N:f O:... N:g O:**= N:h O://= N:i O:!= N:j O:<= N:k O:>>= N:l NL"},
		{"attribute on number", "1 .real", "#:1 O:. N:real NL"},
		{"unterminated string", "\"abc\nx", "S:\"abc NL N:x NL"},
		{"unterminated triple", "'''abc\nx", "S:'''abc\nx NL"},
		{"crlf", "a\r\nb\r\n", "N:a NL N:b NL"},
		{"unicode names", "naïve = 'é'", "N:naïve O:= S:'é' NL"},
		{"stray bytes", "a $ b ?", "N:a E:$ N:b E:? NL"},
		{"unbalanced closer", ") x\ny", "O:) N:x NL N:y NL"},
		{"decorator", "@dataclass\nclass A: pass", "O:@ N:dataclass NL N:class N:A O:: N:pass NL"},
		{"byte order mark", "\ufeffimport valohai", "N:import N:valohai NL"},
		{"empty", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := []byte(c.src)
			if got := tokenString(src, Tokenize(src)); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

func TestTokenLinesAndIndent(t *testing.T) {
	src := []byte("x = '''a\nb'''\nif y:\n    z(\n  1)\n")
	toks := Tokenize(src)
	type li struct {
		text         string
		line, indent int
	}
	var got []li
	for _, tk := range toks {
		if tk.Kind != TNewline {
			got = append(got, li{tk.Text(src), tk.Line, tk.Indent})
		}
	}
	want := []li{
		{"x", 1, 0}, {"=", 1, -1}, {"'''a\nb'''", 1, -1},
		{"if", 3, 0}, {"y", 3, -1}, {":", 3, -1},
		{"z", 4, 4}, {"(", 4, -1}, {"1", 5, -1}, {")", 5, -1},
	}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("token %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestFields(t *testing.T) {
	src := []byte(`f"a {b.c("d")} {e:{w}} {{x}}"`)
	toks := Tokenize(src)
	var got []string
	for _, f := range Fields(src, toks[0]) {
		got = append(got, string(src[f[0]:f[1]]))
	}
	want := []string{`b.c("d")`, `e:{w}`}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}
