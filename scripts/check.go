package scripts

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"io/fs"
	"path/filepath"
	"sort"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/project"
	"github.com/valohai-ls/valohai-ls/python"
	"github.com/valohai-ls/valohai-ls/schema"
)

// Result is what Check finds, and Key identifies what it read: the
// scripts, their content and whether they exist. Two checks of one
// version of valohai.yaml with the same Key give the same findings.
type Result struct {
	Diagnostics []diagnostics.Diagnostic
	Key         string
	// Checked are the names of the steps compared with their scripts
	// afresh, in file order; Reused counts the steps whose findings a
	// Cache kept from an earlier check.
	Checked []string
	Reused  int
}

// Check compares each step of doc, whose file is in dir, with the
// scripts its commands run. Without a directory nothing is read. The
// steps are visited one at a time: a hollow model's steps (model.Hollow)
// are loaded one by one and not kept.
func Check(ctx context.Context, doc *document.Document, dir string, r *project.Reader) Result {
	if dir == "" {
		return Result{}
	}
	c := newChecker(doc, dir, r)
	key := sha256.New()
	var out []diagnostics.Diagnostic
	var checked []string
	c.x.EachKept(model.KindStep, func(st *model.Symbol) bool {
		if ctx.Err() != nil {
			return false
		}
		f := c.step(st, nil)
		key.Write(f.key)
		out = append(out, f.diags...)
		checked = append(checked, st.Name)
		return true
	})
	return result(out, key, checked, 0)
}

// result sorts the findings by position, keeping the order of those at
// one position.
func result(out []diagnostics.Diagnostic, key hash.Hash, checked []string, reused int) Result {
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	if len(out) == 0 {
		out = nil
	}
	return Result{Diagnostics: out, Key: fmt.Sprintf("%x", key.Sum(nil)), Checked: checked, Reused: reused}
}

// checker compares the steps of one document with their scripts.
type checker struct {
	x   *model.Model
	m   *document.Mapper
	dir string
	r   *project.Reader
	// cur is what the step being checked found and read.
	cur *stepFindings
	// reported are the names reported as undeclared in the step.
	reported map[string]bool
}

// stepFindings are what the check of one step found, and what it read:
// the scripts (for Result.Key), the files it looked for, and the step
// names it looked up.
type stepFindings struct {
	diags []diagnostics.Diagnostic
	key   []byte
	files []string
	steps map[string]bool // name → a step of that name is in the file
}

func newChecker(doc *document.Document, dir string, r *project.Reader) *checker {
	return &checker{x: model.Of(doc), m: doc.Mapper(), dir: dir, r: r}
}

func (c *checker) add(sp document.Span, sev diagnostics.Severity, code, msg string) {
	c.cur.diags = append(c.cur.diags, diagnostics.Diagnostic{Start: sp.Start, End: sp.End, Severity: sev, Code: code, Message: diagnostics.ShortenValues(msg)})
}

// hasStep reports whether the file has a step called name, noting that
// the step's findings depend on it.
func (c *checker) hasStep(name string) bool {
	found := c.x.Defines(model.KindStep, name)
	if c.cur.steps == nil {
		c.cur.steps = map[string]bool{}
	}
	c.cur.steps[name] = found
	return found
}

// run is a script of a step, read.
type run struct {
	project.Run
	file *python.Script
}

// step checks one step against the scripts it runs; probe, when set, is
// told of each file looked for before it is looked for.
func (c *checker) step(st *model.Symbol, probe func(path string)) *stepFindings {
	f := &stepFindings{}
	c.cur, c.reported = f, nil
	defer func() { c.cur, c.reported = nil, nil }()
	o := project.Options{Dir: c.dir}
	if probe != nil {
		o.Probe = func(path string) {
			f.files = append(f.files, path)
			probe(path)
		}
	}
	var runs []run
	for _, nr := range project.StepRuns(c.x, st, o, c.r) {
		f.key = fmt.Appendf(f.key, "%s\x00%s\x00", nr.Rel, nr.Path)
		if !nr.Present() {
			c.add(nr.Span, diagnostics.Hint, diagnostics.CodeScriptMissing,
				fmt.Sprintf("%s is not in the project, so valohai-ls cannot compare it with step %q (fine if the step fetches or builds it)", nr.Rel, st.Name))
			continue
		}
		if nr.Again {
			continue
		}
		sf := nr.File
		if err := nr.Err; err != nil {
			why := readError(err)
			f.key = fmt.Appendf(f.key, "unreadable\x00%s\x00", why)
			c.add(nr.Span, diagnostics.Hint, diagnostics.CodeScriptUnreadable,
				fmt.Sprintf("%s cannot be read (%s), so valohai-ls cannot compare it with step %q", nr.Rel, why, st.Name))
			continue
		}
		f.key = append(f.key, sf.Hash[:]...)
		if sf.Script.Refused != "" {
			c.add(nr.Span, diagnostics.Hint, diagnostics.CodeScriptUnreadable,
				fmt.Sprintf("%s is not read: %s; valohai-ls cannot compare it with step %q", nr.Rel, sf.Script.Refused, st.Name))
			continue
		}
		runs = append(runs, run{Run: nr.Run, file: sf.Script})
	}
	for _, rn := range runs {
		c.prepare(st, rn)
		c.argparse(st, rn)
		c.uses(st, rn)
	}
	c.notRead(st, len(runs) > 0)
	f.diags = group(f.diags)
	return f
}

// maxSame is how many findings of one code a step gets; the rest are
// told as a count on the last one shown.
const maxSame = 20

// group keeps the first maxSame findings of each code, the last of them
// saying how many more there are (a prepare() of 60,000 keys the step
// lacks is one problem, not 60,000).
func group(ds []diagnostics.Diagnostic) []diagnostics.Diagnostic {
	count := map[string]int{}
	for _, d := range ds {
		count[d.Code]++
	}
	kept := ds[:0]
	seen := map[string]int{}
	for _, d := range ds {
		n := count[d.Code]
		seen[d.Code]++
		switch i := seen[d.Code]; {
		case n <= maxSame || i < maxSame:
			kept = append(kept, d)
		case i == maxSame:
			d.Message = fmt.Sprintf("%s (and %d more like it)", d.Message, n-maxSame)
			kept = append(kept, d)
		}
	}
	return kept
}

// notRead says, once per step that has parameters or inputs, that a
// program it runs is not read: the first one given the parameters, else,
// when the step runs no Python script that was read, the first one run.
func (c *checker) notRead(st *model.Symbol, read bool) {
	order, _ := named(st, schema.XParameters)
	inputs, _ := named(st, schema.XInputs)
	if len(order) == 0 && len(inputs) == 0 {
		return
	}
	var first *project.Unread
	for _, u := range project.UnreadRuns(c.x, st) {
		if u.Parameters {
			c.add(u.Span, diagnostics.Hint, diagnostics.CodeScriptNotRead,
				fmt.Sprintf("step %q passes its parameters to %s, %s; valohai-ls reads Python scripts only, so it does not compare them with it", st.Name, u.What, u.Kind()))
			return
		}
		if first == nil {
			first = &u
		}
	}
	if first != nil && !read {
		c.add(first.Span, diagnostics.Hint, diagnostics.CodeScriptNotRead,
			fmt.Sprintf("step %q runs %s, %s; valohai-ls reads Python scripts only, so it does not compare the step's parameters and inputs with it", st.Name, first.What, first.Kind()))
	}
}

// readError says in a few words why a script could not be read.
func readError(err error) string {
	for _, e := range []error{project.ErrTooLarge, project.ErrNotRegular, project.ErrOutside, fs.ErrPermission, fs.ErrNotExist} {
		if errors.Is(err, e) {
			if e == fs.ErrPermission {
				return "permission denied"
			}
			if e == fs.ErrNotExist {
				return "it is gone"
			}
			return "it is " + e.Error()
		}
	}
	return "it is not a file valohai-ls can read"
}

// where names a place of a script: `train.py:12` (a long path by its
// file name alone).
func where(rn run, p python.Pos) string {
	name := rn.Rel
	if len(name) > 40 {
		name = base(rn)
	}
	return fmt.Sprintf("%s:%d", name, p.Line)
}

// named is Declared for the list under key of step st.
func named(st *model.Symbol, key string) (order []string, byName map[string]*yaml.Node) {
	return Declared(st, listKind(key))
}

// Declared returns the names of step st's children of kind (parameters or
// inputs), each once in the order they first appear, and the mapping of
// each: the last of that name, as the official loader keeps it. A name
// YAML reads as no text (`- name: null`) is no name (model.ChildNames).
func Declared(st *model.Symbol, kind model.Kind) (order []string, byName map[string]*yaml.Node) {
	order = model.ChildNames(st, kind)
	byName = make(map[string]*yaml.Node, len(order))
	for _, name := range order {
		if c := model.Child(st, kind, name); c != nil && c.Body != nil {
			byName[name] = c.Body
		}
	}
	return order, byName
}

// listKind is the kind of the children listed under key of a step.
func listKind(key string) model.Kind {
	if key == schema.XInputs {
		return model.KindInput
	}
	return model.KindParameter
}

// unsure reports that the step's list under key may define a name that
// named does not return: one of its items has a name that is not text,
// or could not be read (model.Doubt, model.Unread). A script's name the
// step seems to lack is then not reported.
func unsure(st *model.Symbol, key string) bool {
	kind := listKind(key)
	return model.Doubt(st, kind) != nil || model.Unread(st, kind)
}

// nameSpan is where the name of a step's parameter or input is written.
func (c *checker) nameSpan(it *yaml.Node) document.Span {
	if v := document.ValueOf(it, schema.XName); v != nil {
		return c.m.NodeSpan(v)
	}
	return c.m.NodeSpan(it)
}

// base is a script's file name, for messages.
func base(rn run) string { return filepath.Base(filepath.FromSlash(rn.Rel)) }
