package server

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"go.lsp.dev/uri"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/lsptest"
	"github.com/valohai-ls/valohai-ls/internal/scriptgen"
	"github.com/valohai-ls/valohai-ls/project"
	"github.com/valohai-ls/valohai-ls/scripts"
)

// scriptRuns records what the script checks of each version did.
type scriptRuns struct {
	mu   sync.Mutex
	runs map[int32]scriptRun
}

type scriptRun struct {
	checked []string
	reused  int
}

func (r *scriptRuns) hook(_ string, version int32, checked []string, reused int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.runs[version] = scriptRun{checked: checked, reused: reused}
}

func (r *scriptRuns) of(t *testing.T, version int32) scriptRun {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	run, ok := r.runs[version]
	if !ok {
		t.Fatalf("the script checks of version %d did not run", version)
	}
	return run
}

// scriptSession is a server with a project of scripts and its valohai.yaml
// open.
type scriptSession struct {
	c    *lsptest.Client
	dir  string
	uri  string
	text string
	v    int32
	runs *scriptRuns
}

func newScriptSession(t *testing.T, text string, watch bool) *scriptSession {
	t.Helper()
	dir := t.TempDir()
	if err := scriptgen.Write(dir); err != nil {
		t.Fatal(err)
	}
	runs := &scriptRuns{runs: map[int32]scriptRun{}}
	c := start(t, Options{ScriptChecked: runs.hook})
	c.SetOnRequest(func(string, json.RawMessage) any { return nil })
	caps := map[string]any{}
	if watch {
		caps["workspace"] = map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}}
	}
	if err := c.Call("initialize", map[string]any{"processId": nil, "rootUri": string(uri.File(dir)), "capabilities": caps}, nil); err != nil {
		t.Fatal(err)
	}
	_ = c.Notify("initialized", map[string]any{})
	s := &scriptSession{c: c, dir: dir, uri: string(uri.File(filepath.Join(dir, "valohai.yaml"))), text: text, v: 1, runs: runs}
	open(t, c, s.uri, text)
	return s
}

// edit sends the change from the session's text to text as one ranged
// edit, and returns the diagnostics published for the new version.
func (s *scriptSession) edit(t *testing.T, text string) *lsptest.Diagnostics {
	t.Helper()
	old := s.text
	pre := 0
	for pre < len(old) && pre < len(text) && old[pre] == text[pre] {
		pre++
	}
	suf := 0
	for suf < len(old)-pre && suf < len(text)-pre && old[len(old)-1-suf] == text[len(text)-1-suf] {
		suf++
	}
	m := document.NewMapper(old)
	from, to := m.Position(pre, document.UTF16), m.Position(len(old)-suf, document.UTF16)
	s.v++
	s.text = text
	err := s.c.Notify("textDocument/didChange", map[string]any{
		"textDocument": map[string]any{"uri": s.uri, "version": s.v},
		"contentChanges": []any{map[string]any{"range": map[string]any{
			"start": map[string]any{"line": from.Line, "character": from.Character},
			"end":   map[string]any{"line": to.Line, "character": to.Character}}, "text": text[pre : len(text)-suf]}}})
	if err != nil {
		t.Fatal(err)
	}
	return s.wait(t)
}

// wait returns the next diagnostics of the session's version.
func (s *scriptSession) wait(t *testing.T) *lsptest.Diagnostics {
	t.Helper()
	d, err := s.c.WaitDiagnostics(s.uri, int(s.v))
	if err != nil {
		t.Fatal(err)
	}
	s.c.Forget()
	return d
}

// scriptLines writes the script findings of published diagnostics one a
// line, sorted.
func scriptLines(d *lsptest.Diagnostics) []string {
	var out []string
	for _, x := range d.Diagnostics {
		if strings.HasPrefix(x.Code, "script-") {
			out = append(out, fmt.Sprintf("%d:%d-%d:%d %d %s %s", x.Range.Start.Line, x.Range.Start.Character, x.Range.End.Line, x.Range.End.Character, x.Severity, x.Code, x.Message))
		}
	}
	sort.Strings(out)
	return out
}

// freshLines writes what a fresh scripts.Check finds in the session's
// text, as scriptLines does.
func (s *scriptSession) freshLines() []string {
	doc := document.New(s.uri, s.v, s.text)
	ds := diagnostics.Suppress(doc, scripts.Check(context.Background(), doc, s.dir, project.NewReader()).Diagnostics)
	m := doc.Mapper()
	var out []string
	for _, d := range ds {
		a, b := m.Position(d.Start, document.UTF16), m.Position(d.End, document.UTF16)
		out = append(out, fmt.Sprintf("%d:%d-%d:%d %d %s %s", a.Line, a.Character, b.Line, b.Character, int(d.Severity), d.Code, d.Message))
	}
	sort.Strings(out)
	return out
}

// reuseStep is a step of TestScriptChecksReuse.
func reuseStep(name, cmd string) string {
	return fmt.Sprintf("- step:\n    name: %s\n    image: python:3.12\n    command: %s\n    parameters:\n      - name: lr\n        type: float\n        default: 0.3\n", name, cmd)
}

// TestScriptChecksReuse checks over LSP that an edit inside one step
// compares that step only with its scripts, that steps moved by lines
// inserted above them are not compared again, and that the findings are
// a fresh check's.
func TestScriptChecksReuse(t *testing.T) {
	eval := reuseStep("eval", "python c.py {parameters}")
	base := reuseStep("train", "python a.py {parameters}") + eval +
		reuseStep("prep", "python -m pkg.run") + reuseStep("s1", "python b.py") + reuseStep("s2", "python missing.py") + reuseStep("final", "python a.py")
	s := newScriptSession(t, base, false)
	d := s.wait(t)
	if got := s.runs.of(t, 1); len(got.checked) != 6 || got.reused != 0 {
		t.Fatalf("on open: %v checked, %d reused", got.checked, got.reused)
	}
	if len(scriptLines(d)) < 6 {
		t.Fatalf("too few script findings to prove anything: %v", scriptLines(d))
	}
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"default of one step", strings.Replace(base, eval, strings.Replace(eval, "0.3", "0.5", 1), 1), []string{"eval"}},
		{"command pointed at another script", strings.Replace(base, "python missing.py", "python c.py --data-dir x", 1), []string{"s2"}},
		{"lines above steps", "# a comment\n\n" + strings.Replace(base, "- step:\n    name: s1", "\n# s1\n- step:\n    name: s1", 1), nil},
		{"step inserted above the others", reuseStep("s3", "python c.py") + base, []string{"s3"}},
		{"step removed", strings.Replace(base, reuseStep("s1", "python b.py"), "", 1), nil},
		{"step a script names renamed", strings.Replace(base, "name: final", "name: last", 1), []string{"prep", "last"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s.edit(t, base) // back to the base, its findings kept
			d := s.edit(t, tt.text)
			if got := s.runs.of(t, s.v); !reflect.DeepEqual(got.checked, tt.want) {
				t.Errorf("checked %v again (%d reused), want %v", got.checked, got.reused, tt.want)
			}
			if got, want := scriptLines(d), s.freshLines(); !reflect.DeepEqual(got, want) {
				t.Errorf("published\n%s\na fresh check finds\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// TestScriptChecksDifferential makes random edits of the YAML over LSP and
// of the scripts on disk, and checks that the published script findings
// are a fresh check's after each one. The client does not watch files: the
// server sees the scripts' changes by their size and time.
func TestScriptChecksDifferential(t *testing.T) {
	g := scriptgen.New(5)
	s := newScriptSession(t, g.Base(10), false)
	s.wait(t)
	kinds := map[string]int{}
	reused, parses := 0, 0
	for i := range 250 {
		what, text := "", s.text
		if i%8 == 7 {
			p, err := g.Disk(s.dir)
			if err != nil {
				t.Fatal(err)
			}
			what = "disk " + filepath.Base(p)
			// An edit that changes no step, for the server to check
			// the version again.
			text += "# " + fmt.Sprint(i) + "\n"
		} else {
			what, text = g.Next(text)
		}
		kinds[strings.Fields(what)[0]]++
		d := s.edit(t, text)
		if got, want := scriptLines(d), s.freshLines(); !reflect.DeepEqual(got, want) {
			t.Fatalf("edit %d (%s): published\n%s\na fresh check finds\n%s\ntext:\n%s", i, what, strings.Join(got, "\n"), strings.Join(want, "\n"), text)
		}
		run := s.runs.of(t, s.v)
		reused += run.reused
		if len(document.New(s.uri, s.v, text).Parsed().Errors) == 0 {
			parses++
		}
	}
	if reused < 500 || parses < 150 {
		t.Errorf("%d steps reused, %d versions parse: the test proves little", reused, parses)
	}
	t.Logf("edits %v; steps reused %d; versions that parse %d", kinds, reused, parses)
}

// TestScriptChecksWatchedChange checks that a script's change that the
// client reports is seen, even one that leaves its size and time as they
// were, and that the steps that do not run it are not compared again.
func TestScriptChecksWatchedChange(t *testing.T) {
	text := reuseStep("train", "python a.py {parameters}") + reuseStep("eval", "python c.py {parameters}")
	s := newScriptSession(t, text, true)
	before := scriptLines(s.wait(t))
	// --lr becomes --lx: same size, and the time put back.
	p, err := scriptgen.RewriteUnseen(s.dir)
	if err != nil {
		t.Fatal(err)
	}
	_ = s.c.Notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": string(uri.File(p)), "type": 2}}})
	after := scriptLines(s.wait(t))
	if reflect.DeepEqual(after, before) {
		t.Fatalf("the change of a.py changed no finding:\n%s", strings.Join(after, "\n"))
	}
	if want := s.freshLines(); !reflect.DeepEqual(after, want) {
		t.Errorf("published\n%s\na fresh check finds\n%s", strings.Join(after, "\n"), strings.Join(want, "\n"))
	}
	if got := s.runs.of(t, s.v); !reflect.DeepEqual(got.checked, []string{"train"}) || got.reused != 1 {
		t.Errorf("after a.py changed: %v checked, %d reused; want train alone", got.checked, got.reused)
	}
}
