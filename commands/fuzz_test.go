package commands

import (
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/pytext"
)

// FuzzBuild builds the commands of a step whose command, pass-as
// template and default are fuzzed: it must answer (commands or an
// error) without panicking, and a command never starts or ends with
// whitespace.
func FuzzBuild(f *testing.F) {
	for _, s := range [][3]string{
		{"python x.py {parameters}", "--{name}={value}", "1"},
		{"x {parameter:a} {parameter-value:a}", "-a {v!r}", "[1, two]"},
		{"x {parameters", "{}", "'it''s'"},
		{"{params}}", "{value:>3}", "1.0e+5"},
	} {
		f.Add(s[0], s[1], s[2])
	}
	f.Fuzz(func(t *testing.T, command, passAs, def string) {
		text := "- step:\n    name: s\n    image: x\n    command: " + command +
			"\n    parameters:\n      - name: a\n        pass-as: " + passAs + "\n        default: " + def + "\n"
		x := model.Of(document.New("file:///p/valohai.yaml", 1, text))
		st := x.Lookup(model.KindStep, "s")
		if st == nil || st.Broken {
			return
		}
		spec, err := Step(x, st)
		if err != nil {
			return
		}
		out, _ := spec.Build(spec.Defaults())
		for _, c := range out {
			if c != "" && (pytext.Space(rune(c[0])) || pytext.Space(rune(c[len(c)-1]))) {
				t.Errorf("command %q is not stripped", c)
			}
		}
	})
}
