package python

import (
	"bytes"
	"os"
	"testing"
	"time"
)

// lineAt counts lines as the tokenizer does: \n, \r\n and a lone \r each
// end one.
func lineAt(src []byte, off int) int {
	line := 1
	for i := 0; i < off; i++ {
		if src[i] == '\n' || src[i] == '\r' && (i+1 >= len(src) || src[i+1] != '\n') {
			line++
		}
	}
	return line
}

func FuzzRead(f *testing.F) {
	if src, err := os.ReadFile("testdata/modern.py"); err == nil {
		f.Add(src)
	}
	for _, c := range prepareCases {
		f.Add([]byte(c.src))
	}
	for _, s := range []string{
		`f"{x["a"]:{w}}" '''x`, "p.add_argument('--a', type=lambda a, b: a, default=(1,))",
		"valohai.prepare(default_parameters={**a}, step=(\"a\" \"b\"))", "\\\n\r\n\r(", "x = [[[[{1: (2,)}]]]]",
		"import valohai as vh\nvh.parameters(f'{vh.inputs(\"x\")}')", "match x:\n case {'a': [1, *r]}: valohai.prepare()",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		toks := Tokenize(src)
		prev := 0
		for _, tk := range toks {
			if tk.Start < prev || tk.End < tk.Start || tk.End > len(src) {
				t.Fatalf("token %+v out of order or outside the file (%d bytes)", tk, len(src))
			}
			prev = tk.Start
		}
		s := Read(src)
		check := func(what string, p Pos) {
			t.Helper()
			if p.Offset < 0 || p.Offset > len(src) {
				t.Fatalf("%s: offset %d outside the file (%d bytes)", what, p.Offset, len(src))
			}
			if want := lineAt(src, p.Offset); p.Line != want {
				t.Fatalf("%s: line %d at offset %d, want %d", what, p.Line, p.Offset, want)
			}
		}
		var value func(string, Value)
		value = func(what string, v Value) {
			if v.Kind != Expr || v.Pos != (Pos{}) {
				check(what, v.Pos)
			}
			for _, it := range v.Items {
				value(what, it)
			}
		}
		if p := s.Prepare; p != nil {
			check("prepare", p.Pos)
			for _, st := range []Str{p.Step, p.Image, p.Environment, p.UploadStore} {
				if st.Set {
					check("keyword", st.Pos)
				}
			}
			for _, d := range []*Dict{p.DefaultParameters, p.DefaultInputs} {
				if d == nil {
					continue
				}
				check("dict", d.Pos)
				for _, e := range d.Entries {
					check("key", e.Pos)
					value("entry", e.Value)
				}
			}
			for _, u := range p.Unreadable {
				check("unreadable", u.Pos)
			}
		}
		for _, a := range s.Arguments {
			check("argument", a.Pos)
			if a.Line < 1 || a.Line > a.Pos.Line {
				t.Fatalf("argument line %d after its add_argument's line %d", a.Line, a.Pos.Line)
			}
			for _, p := range a.OptionsPos {
				check("option", p)
			}
			if a.HasDefault {
				value("default", a.Default)
			}
		}
		joined := adjacentStrings(src)
		for _, u := range append(s.Parameters, s.Inputs...) {
			check("use", u.Pos)
			if !bytes.Contains(src, []byte(u.Name)) && u.Name != "" && !bytes.Contains(src, []byte("\\")) && !joined {
				t.Fatalf("use name %q not in the file", u.Name)
			}
		}
	})
}

// TestReadHostile reads inputs built to be slow or deep: nested f-strings
// and brackets, long runs of operators and unterminated strings.
func TestReadHostile(t *testing.T) {
	var nested bytes.Buffer
	for range 20000 {
		nested.WriteString(`f"{`)
	}
	nested.WriteString("valohai.parameters('x')")
	var brackets bytes.Buffer
	brackets.WriteString("valohai.prepare(default_parameters=")
	for range 20000 {
		brackets.WriteString("[")
	}
	for _, src := range [][]byte{
		nested.Bytes(),
		brackets.Bytes(),
		bytes.Repeat([]byte("p.add_argument('--a', default=[1,]),"), 5000),
		bytes.Repeat([]byte("'''"), 30000),
		bytes.Repeat([]byte("(\\\n"), 30000),
		append(append([]byte("P = "), bytes.Repeat([]byte("("), 20000)...), bytes.Repeat([]byte("1,)"), 20000)...),
		append(append([]byte("P = "), bytes.Repeat([]byte("{1: ("), 20000)...), bytes.Repeat([]byte("2,)}"), 20000)...),
	} {
		start := time.Now()
		Read(src)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%d bytes starting %q took %v", len(src), src[:20], d)
		}
	}
}

// adjacentStrings reports string literals written one after the other,
// which Python joins ("a" "b" is "ab", not in the file as such).
func adjacentStrings(src []byte) bool {
	toks := Tokenize(src)
	for i := 1; i < len(toks); i++ {
		if toks[i].Kind == TString && toks[i-1].Kind == TString {
			return true
		}
	}
	return false
}
