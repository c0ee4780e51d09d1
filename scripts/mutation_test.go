package scripts

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/project"
)

// pair is one python pair, copied where it may be changed.
type pair struct {
	name, dir, text string
}

// copies returns a copy of every python pair.
func copies(t *testing.T) []pair {
	src := pairsDir(t)
	dirs, _ := filepath.Glob(filepath.Join(src, "*"))
	var out []pair
	for _, d := range dirs {
		text, err := os.ReadFile(filepath.Join(d, "valohai.yaml"))
		if err != nil {
			continue
		}
		dst := filepath.Join(t.TempDir(), filepath.Base(d))
		if err := os.CopyFS(dst, os.DirFS(d)); err != nil {
			t.Fatal(err)
		}
		out = append(out, pair{name: filepath.Base(d), dir: dst, text: string(text)})
	}
	return out
}

func findings(dir, text string) []diagnostics.Diagnostic {
	doc := document.New("file://"+filepath.Join(dir, "valohai.yaml"), 1, text)
	return Check(context.Background(), doc, dir, project.NewReader()).Diagnostics
}

func has(ds []diagnostics.Diagnostic, code string, sev diagnostics.Severity) bool {
	for _, d := range ds {
		if d.Code == code && d.Severity == sev {
			return true
		}
	}
	return false
}

// argparseRuns returns, for each step of text, the scripts it runs that
// receive {parameters} and read argparse options.
func argparseRuns(p pair) map[*model.Symbol][]run {
	x := model.Of(document.New("file://"+filepath.Join(p.dir, "valohai.yaml"), 1, p.text))
	r := project.NewReader()
	out := map[*model.Symbol][]run{}
	for _, st := range x.Kept(model.KindStep) {
		for _, nr := range project.StepScripts(x, st, project.Options{Dir: p.dir}) {
			if all, _ := scriptArgs(nr.Args); !all || !nr.Present() {
				continue
			}
			f, err := r.Read(p.dir, nr.Path)
			if err == nil && len(f.Script.Arguments) > 0 && readOptions(f.Script).whole {
				out[st] = append(out[st], run{Run: nr, file: f.Script})
			}
		}
	}
	return out
}

// addParameter writes a parameter at the end of the step's parameters.
func addParameter(text string, st *model.Symbol) (string, bool) {
	var last *model.Symbol
	for _, c := range st.Children {
		if c.Kind == model.KindParameter {
			last = c
		}
	}
	if last == nil || last.Body.Style&0x20 != 0 {
		return "", false
	}
	m := document.NewMapper(text)
	line := m.LineOf(last.Range.Start)
	indent := m.Line(line)[:len(m.Line(line))-len(strings.TrimLeft(m.Line(line), " "))]
	at := last.Range.End
	return text[:at] + "\n" + indent + "- name: zz-added\n" + indent + "  default: 1" + text[at:], true
}

// TestMutationUnknownOption adds a parameter to steps whose script does
// not have its option: a warning for a parse_args script, information
// only for a parse_known_args one.
func TestMutationUnknownOption(t *testing.T) {
	strict, known := 0, 0
	for _, p := range copies(t) {
		for st, runs := range argparseRuns(p) {
			text, ok := addParameter(p.text, st)
			if !ok {
				continue
			}
			ds := findings(p.dir, text)
			for _, rn := range runs {
				switch rn.file.ParsesWith() {
				case "parse_args":
					strict++
					if !has(ds, diagnostics.CodeScriptUnknownOption, diagnostics.Warning) {
						t.Errorf("%s step %q: an added parameter is not reported", p.name, st.Name)
					}
				case "parse_known_args":
					known++
					if has(ds, diagnostics.CodeScriptUnknownOption, diagnostics.Warning) {
						t.Errorf("%s step %q: parse_known_args reported as a failure", p.name, st.Name)
					}
					if !has(ds, diagnostics.CodeScriptUnusedParameter, diagnostics.Information) {
						t.Errorf("%s step %q: the added parameter is not mentioned", p.name, st.Name)
					}
				}
			}
		}
	}
	if strict == 0 || known == 0 {
		t.Fatalf("%d parse_args and %d parse_known_args mutations: not enough to test", strict, known)
	}
	t.Logf("%d parse_args and %d parse_known_args steps mutated", strict, known)
}

// TestMutationRequiredOption makes an option the step passes required in
// the script, then removes its parameter from the step.
func TestMutationRequiredOption(t *testing.T) {
	n := 0
	for _, p := range copies(t) {
		for st, runs := range argparseRuns(p) {
			for _, rn := range runs {
				for _, param := range st.Children {
					if param.Kind != model.KindParameter || !param.Named {
						continue
					}
					o := readOptions(rn.file)
					i := o.find("--" + param.Name)
					if i < 0 || o.args[i].Required {
						continue
					}
					script, _ := os.ReadFile(rn.Path)
					if !requireArgument(t, rn.Path, script, o.args[i].Pos.Offset) {
						continue
					}
					m := document.NewMapper(p.text)
					first, last := m.LineOf(param.Range.Start), m.LineOf(max(param.Range.End-1, param.Range.Start))
					text := p.text[:m.LineStart(first)] + p.text[m.LineStart(last+1):]
					if !has(findings(p.dir, text), diagnostics.CodeScriptRequiredOption, diagnostics.Warning) {
						t.Errorf("%s step %q: required --%s removed from the step is not reported", p.name, st.Name, param.Name)
					}
					if err := os.WriteFile(rn.Path, script, 0o644); err != nil {
						t.Fatal(err)
					}
					n++
					break
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no option could be made required")
	}
	t.Logf("%d required options removed from their steps", n)
}

// TestMutationPrepareParameter removes from the step a parameter that
// the script's valohai.prepare() declares.
func TestMutationPrepareParameter(t *testing.T) {
	n := 0
	r := project.NewReader()
	for _, p := range copies(t) {
		x := model.Of(document.New("file://"+filepath.Join(p.dir, "valohai.yaml"), 1, p.text))
		for _, st := range x.Kept(model.KindStep) {
			for _, nr := range project.StepScripts(x, st, project.Options{Dir: p.dir}) {
				if !nr.Present() {
					continue
				}
				f, err := r.Read(p.dir, nr.Path)
				if err != nil || f.Script.Prepare == nil || f.Script.Prepare.DefaultParameters == nil {
					continue
				}
				for _, e := range f.Script.Prepare.DefaultParameters.Entries {
					param := model.Child(st, model.KindParameter, e.Key)
					if param == nil {
						continue
					}
					m := document.NewMapper(p.text)
					first, last := m.LineOf(param.Range.Start), m.LineOf(max(param.Range.End-1, param.Range.Start))
					text := p.text[:m.LineStart(first)] + p.text[m.LineStart(last+1):]
					found := false
					for _, d := range findings(p.dir, text) {
						found = found || d.Code == diagnostics.CodeScriptUndeclaredParameter && strings.Contains(d.Message, `"`+e.Key+`"`)
					}
					if !found {
						t.Errorf("%s step %q: removing parameter %q is not reported", p.name, st.Name, e.Key)
					}
					n++
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no prepare() parameter to remove")
	}
	t.Logf("%d prepare() parameters removed from their steps", n)
}

// closeParen returns the offset of the parenthesis that closes the one
// opened just before off (strings in between are not looked into).
func closeParen(src []byte, off int) int {
	depth := 1
	for i := off; i < len(src); i++ {
		switch src[i] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// requireArgument rewrites the script at path (its text script) so that the
// add_argument call at offset at gets required=True; false when the call
// cannot be found there.
func requireArgument(t *testing.T, path string, script []byte, at int) bool {
	t.Helper()
	off := at + len("add_argument(")
	if off > len(script) || string(script[off-len("add_argument("):off]) != "add_argument(" {
		return false
	}
	closing := closeParen(script, off)
	if closing < 0 {
		return false
	}
	changed := string(script[:closing]) + ", required=True" + string(script[closing:])
	if err := os.WriteFile(path, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	return true
}
