package scripts

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/project"
	"github.com/valohai-ls/valohai-ls/schema"
)

// commandStyle writes a command of two parts, the second on a
// continuation line, as one YAML scalar in some style. ind is the
// indentation of the lines after the first.
type commandStyle struct {
	name string
	// write returns the scalar's source, or false when the parts cannot
	// be written in this style.
	write func(first, rest, ind string) (string, bool)
	// joined: the script receives the continuation line as more of its
	// arguments; false for a literal block whose second line is a shell
	// command of its own.
	joined bool
}

var commandStyles = []commandStyle{
	{"plain", func(a, b, ind string) (string, bool) { return a + "\n" + ind + b, true }, true},
	{"folded >", func(a, b, ind string) (string, bool) { return ">\n" + ind + a + "\n" + ind + b, true }, true},
	{"folded >-", func(a, b, ind string) (string, bool) { return ">-\n" + ind + a + "\n" + ind + b, true }, true},
	{"literal | with \\", func(a, b, ind string) (string, bool) { return "|\n" + ind + a + " \\\n" + ind + b, true }, true},
	{"literal |- with \\", func(a, b, ind string) (string, bool) { return "|-\n" + ind + a + " \\\n" + ind + b, true }, true},
	{"double-quoted", func(a, b, ind string) (string, bool) {
		return `"` + a + "\n" + ind + b + `"`, !strings.ContainsAny(a+b, `"\`)
	}, true},
	{"single-quoted", func(a, b, ind string) (string, bool) {
		return "'" + a + "\n" + ind + b + "'", !strings.Contains(a+b, "'")
	}, true},
	{"literal | without \\", func(a, b, ind string) (string, bool) { return "|\n" + ind + a + "\n" + ind + b, true }, false},
}

// oneLineRun is a script run by a plain one-line command item that
// passes {parameters} after the script.
type oneLineRun struct {
	run
	step       *model.Symbol
	start, end int    // the scalar's source span
	value      string // its text
	refEnd     int    // where the script's name ends, in value
	ind        string // indentation of a continuation line
}

// oneLineRuns returns the parse_args runs of p whose command can be
// rewritten over several lines.
func oneLineRuns(p pair) []oneLineRun {
	x := model.Of(document.New("file://"+filepath.Join(p.dir, "valohai.yaml"), 1, p.text))
	m := x.Mapper()
	var out []oneLineRun
	for st, runs := range argparseRuns(p) {
		cmds := model.Commands(m, st.Body, schema.XCommand)
		for _, rn := range runs {
			if rn.file.ParsesWith() != "parse_args" || rn.How != project.HowPython {
				continue
			}
			for _, c := range cmds {
				start := m.NodeStart(c.Node)
				end := start + len(c.Node.Value)
				if c.Node.Style != 0 || rn.Span.Start < start || rn.Span.End > end || p.text[start:end] != c.Node.Value ||
					strings.TrimSpace(p.text[end:m.LineEnd(m.LineOf(end))]) != "" {
					continue
				}
				refEnd := rn.Span.End - start
				if !strings.Contains(c.Node.Value[refEnd:], schema.PlaceholderParameters) {
					continue
				}
				out = append(out, oneLineRun{run: rn, step: st, start: start, end: end, value: c.Node.Value,
					refEnd: refEnd, ind: strings.Repeat(" ", m.Column(start))})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// rewrite writes r's command in style s with the script's arguments on
// the continuation line, extra written before them.
func (r oneLineRun) rewrite(text string, s commandStyle, extra string) (string, bool) {
	first := r.value[:r.refEnd]
	rest := strings.TrimLeft(r.value[r.refEnd:], " ")
	if extra != "" {
		rest = extra + " " + rest
	}
	src, ok := s.write(first, rest, r.ind)
	if !ok {
		return "", false
	}
	return text[:r.start] + src + text[r.end:], true
}

// findingSet is the findings' codes and messages, sorted.
func findingSet(ds []diagnostics.Diagnostic) string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Severity.String()+" "+d.Code+" "+d.Message)
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}

// tally counts mutants by kind.
type tally map[string][2]int // kind: caught, total

func (t tally) add(kind string, caught bool) {
	v := t[kind]
	v[1]++
	if caught {
		v[0]++
	}
	t[kind] = v
}

func (t tally) log(tb testing.TB) {
	kinds := make([]string, 0, len(t))
	for k := range t {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		tb.Logf("%-45s %d/%d", k, t[k][0], t[k][1])
	}
}

// TestMutationMultilineCommands writes the commands of the python pairs
// over two lines, in every YAML style, with the script's arguments on
// the continuation line: the findings must be those of the one-line
// command, a parameter added to the step must be reported as an option
// the script refuses, and a required option written on the continuation
// line must count as passed. In a literal block without a backslash the
// second line is a command of its own, so the script receives nothing.
func TestMutationMultilineCommands(t *testing.T) {
	counts := tally{}
	for _, p := range copies(t) {
		for _, r := range oneLineRuns(p) {
			base := findingSet(findings(p.dir, p.text))
			for _, s := range commandStyles {
				text, ok := r.rewrite(p.text, s, "")
				if !ok {
					continue
				}
				if s.joined {
					placed := placesKept(text, p, r)
					counts.add("places mapped back, "+s.name, placed)
					if !placed {
						t.Errorf("%s step %q, %s: the script or {parameters} is not found at its place in the source", p.name, r.step.Name, s.name)
					}
					got := findingSet(findings(p.dir, text))
					counts.add("same findings, "+s.name, got == base)
					if got != base {
						t.Errorf("%s step %q, %s: the findings changed:\n--- one line\n%s\n--- %s\n%s", p.name, r.step.Name, s.name, base, s.name, got)
					}
				}
				added, ok := addParameter(text, stepNamed(text, r.step.Name))
				if !ok {
					continue
				}
				reported := unknownReported(findings(p.dir, added), "zz-added")
				counts.add("added parameter, "+s.name, reported == s.joined)
				if reported != s.joined {
					t.Errorf("%s step %q, %s: a parameter passed on the continuation line is reported: %v, want %v", p.name, r.step.Name, s.name, reported, s.joined)
				}
			}
			requiredOnContinuation(t, p, r, counts)
		}
	}
	if len(counts) == 0 {
		t.Fatal("no command could be written over several lines")
	}
	counts.log(t)
}

// placesKept reports whether, in text, the run of r's script is found with
// its name and its {parameters} word at their places in the source.
func placesKept(text string, p pair, r oneLineRun) bool {
	x := model.Of(document.New("file://"+filepath.Join(p.dir, "valohai.yaml"), 1, text))
	ref := r.value[r.Span.Start-r.start : r.refEnd]
	for _, nr := range project.StepScripts(x, keptStep(x, r.step.Name), project.Options{Dir: p.dir}) {
		if nr.Rel != r.Rel || text[nr.Span.Start:nr.Span.End] != ref {
			continue
		}
		for _, w := range nr.Args {
			if w.Text == schema.PlaceholderParameters && text[w.Span.Start:w.Span.End] == w.Text &&
				x.Mapper().LineOf(w.Span.Start) > x.Mapper().LineOf(nr.Span.Start) {
				return true
			}
		}
	}
	return false
}

// unknownReported reports a script-unknown-option warning for the
// parameter name.
func unknownReported(ds []diagnostics.Diagnostic, name string) bool {
	for _, d := range ds {
		if d.Code == diagnostics.CodeScriptUnknownOption && d.Severity == diagnostics.Warning && strings.Contains(d.Message, `(parameter "`+name+`")`) {
			return true
		}
	}
	return false
}

// requiredReported reports a script-required-option warning for opt.
func requiredReported(ds []diagnostics.Diagnostic, opt string) bool {
	for _, d := range ds {
		if d.Code == diagnostics.CodeScriptRequiredOption && strings.Contains(d.Message, " requires "+opt+",") {
			return true
		}
	}
	return false
}

// requiredOnContinuation makes an option of r's script that the step
// passes as a parameter required, removes the parameter and writes the
// option on the continuation line instead, in each style: reported only
// when the script does not receive that line.
func requiredOnContinuation(t *testing.T, p pair, r oneLineRun, counts tally) {
	t.Helper()
	param, restore, ok := makeRequired(t, p, r.step, r.run)
	if !ok {
		return
	}
	defer restore()
	m := document.NewMapper(p.text)
	first, last := m.LineOf(param.Range.Start), m.LineOf(max(param.Range.End-1, param.Range.Start))
	cut := m.LineStart(first)
	without := p.text[:cut] + p.text[m.LineStart(last+1):]
	shift := m.LineStart(last+1) - cut
	if r.start < cut {
		shift = 0
	}
	r.start, r.end = r.start-shift, r.end-shift
	opt := "--" + param.Name
	if !requiredReported(findings(p.dir, without), opt) {
		return // the mutation test of required options covers this
	}
	for _, s := range commandStyles {
		text, ok := r.rewrite(without, s, opt+"=1")
		if !ok {
			continue
		}
		reported := requiredReported(findings(p.dir, text), opt)
		counts.add("required option on continuation, "+s.name, reported != s.joined)
		if reported == s.joined {
			t.Errorf("%s step %q, %s: required %s written on the continuation line: reported %v", p.name, r.step.Name, s.name, opt, reported)
		}
	}
}

// makeRequired makes required, in the script of rn, the option of the
// first parameter of st that the script has and does not require yet;
// restore puts the script back.
func makeRequired(t *testing.T, p pair, st *model.Symbol, rn run) (param *model.Symbol, restore func(), ok bool) {
	t.Helper()
	o := readOptions(rn.file)
	for _, c := range st.Children {
		if c.Kind != model.KindParameter || !c.Named || !plainName.MatchString(c.Name) {
			continue
		}
		i := o.find("--" + c.Name)
		if i < 0 || o.args[i].Required {
			continue
		}
		script, err := os.ReadFile(rn.Path)
		if err != nil {
			t.Fatal(err)
		}
		if !requireArgument(t, rn.Path, script, o.args[i].Pos.Offset) {
			continue
		}
		return c, func() {
			if err := os.WriteFile(rn.Path, script, 0o644); err != nil {
				t.Fatal(err)
			}
		}, true
	}
	return nil, nil, false
}

// plainName is a parameter name that can be written as an option without
// quoting.
var plainName = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_.-]*$`)

// TestMutationModules runs the python pairs' scripts as modules of a
// package (`python -m zzpkg.train` for a copy at zzpkg/train.py): a
// parameter added to the step must be reported as an option the module
// refuses, also when the arguments are on a continuation line, and a
// required option the step stops passing must be reported.
func TestMutationModules(t *testing.T) {
	counts := tally{}
	for _, p := range copies(t) {
		for _, r := range oneLineRuns(p) {
			mod, ok := asModule(t, p, r)
			if !ok {
				continue
			}
			text := p.text[:r.start] + mod.value + p.text[r.end:]
			moduleRead := false
			x := model.Of(document.New("file://"+filepath.Join(p.dir, "valohai.yaml"), 1, text))
			for _, nr := range project.StepScripts(x, keptStep(x, r.step.Name), project.Options{Dir: p.dir}) {
				moduleRead = moduleRead || nr.How == project.HowModule && nr.Present()
			}
			counts.add("module found", moduleRead)
			if !moduleRead {
				t.Errorf("%s step %q: module zzpkg.%s is not found", p.name, r.step.Name, mod.name)
				continue
			}
			step := stepNamed(text, r.step.Name)
			if added, ok := addParameter(text, step); ok {
				reported := unknownReported(findings(p.dir, added), "zz-added")
				counts.add("module, added parameter", reported)
				if !reported {
					t.Errorf("%s step %q: a parameter python -m zzpkg.%s refuses is not reported", p.name, r.step.Name, mod.name)
				}
			}
			mr := r
			mr.end, mr.value, mr.refEnd = r.start+len(mod.value), mod.value, mod.refEnd
			if cont, ok := mr.rewrite(text, commandStyles[0], ""); ok {
				if added, ok := addParameter(cont, stepNamed(cont, r.step.Name)); ok {
					reported := unknownReported(findings(p.dir, added), "zz-added")
					counts.add("module on continuation, added parameter", reported)
					if !reported {
						t.Errorf("%s step %q: a parameter passed on python -m zzpkg.%s's continuation line is not reported", p.name, r.step.Name, mod.name)
					}
				}
			}
			moduleRequired(t, p, r, text, mod, counts)
		}
	}
	if counts["module found"][1] == 0 {
		t.Fatal("no script could be run as a module")
	}
	counts.log(t)
}

// stepNamed returns the step called name in text.
func stepNamed(text, name string) *model.Symbol {
	return keptStep(model.Of(document.New("file:///valohai.yaml", 1, text)), name)
}

// keptStep returns the step called name that x keeps.
func keptStep(x *model.Model, name string) *model.Symbol {
	for _, st := range x.Kept(model.KindStep) {
		if st.Name == name {
			return st
		}
	}
	return nil
}

// module is a script copied into package zzpkg, and the command that
// runs it as a module.
type module struct {
	name   string // the module's name in zzpkg
	path   string // the copy
	value  string // the command
	refEnd int    // where the module's name ends in value
}

var moduleName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// asModule copies r's script to zzpkg/ and writes its command with
// `-m zzpkg.NAME` in place of the script.
func asModule(t *testing.T, p pair, r oneLineRun) (module, bool) {
	t.Helper()
	name := strings.TrimSuffix(filepath.Base(r.Rel), ".py")
	if !moduleName.MatchString(name) || !strings.HasSuffix(r.Rel, ".py") {
		return module{}, false
	}
	pkg := filepath.Join(p.dir, "zzpkg")
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(r.Path)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(pkg, name+".py")
	if err := os.WriteFile(dst, src, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pkg, "__init__.py"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	refStart := r.Span.Start - r.start
	ref := "-m zzpkg." + name
	return module{name: name, path: dst, value: r.value[:refStart] + ref + r.value[r.refEnd:], refEnd: refStart + len(ref)}, true
}

// moduleRequired makes an option the step passes required in the
// module, then removes its parameter from the step: reported.
func moduleRequired(t *testing.T, p pair, r oneLineRun, text string, mod module, counts tally) {
	t.Helper()
	rn := r.run
	rn.Path = mod.path
	param, restore, ok := makeRequired(t, p, r.step, rn)
	if !ok {
		return
	}
	defer restore()
	step := stepNamed(text, r.step.Name)
	ps := model.Child(step, model.KindParameter, param.Name)
	m := document.NewMapper(text)
	first, last := m.LineOf(ps.Range.Start), m.LineOf(max(ps.Range.End-1, ps.Range.Start))
	without := text[:m.LineStart(first)] + text[m.LineStart(last+1):]
	reported := requiredReported(findings(p.dir, without), "--"+param.Name)
	counts.add("module, required option removed", reported)
	if !reported {
		t.Errorf("%s step %q: required --%s of module zzpkg.%s removed from the step is not reported", p.name, r.step.Name, param.Name, mod.name)
	}
}
