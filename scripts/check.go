package scripts

import (
	"context"
	"crypto/sha256"
	"fmt"
	"hash"
	"path/filepath"
	"sort"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/navigation"
	"github.com/valohai-ls/valohai-ls/python"
	"github.com/valohai-ls/valohai-ls/schema"
)

// Result is what Check finds, and Key identifies what it read: the
// scripts, their content and whether they exist. Two checks of one
// version of valohai.yaml with the same Key give the same findings.
type Result struct {
	Diagnostics []diagnostics.Diagnostic
	Key         string
}

// Check compares each step of doc, whose file is in dir, with the
// scripts its commands run. Without a directory nothing is read.
func Check(ctx context.Context, doc *document.Document, dir string, r *Reader) Result {
	if dir == "" {
		return Result{}
	}
	x := model.Of(doc)
	c := &checker{x: x, m: doc.Mapper(), dir: dir, r: r, key: sha256.New()}
	for _, st := range x.Kept(model.KindStep) {
		if ctx.Err() != nil {
			break
		}
		c.step(st)
	}
	sort.SliceStable(c.out, func(i, j int) bool { return c.out[i].Start < c.out[j].Start })
	return Result{Diagnostics: c.out, Key: fmt.Sprintf("%x", c.key.Sum(nil))}
}

// checker accumulates the findings of one document.
type checker struct {
	x   *model.Model
	m   *document.Mapper
	dir string
	r   *Reader
	key hash.Hash
	out []diagnostics.Diagnostic
	// reported are the names reported as undeclared, per step.
	reported map[*model.Symbol]map[string]bool
}

func (c *checker) add(sp document.Span, sev diagnostics.Severity, code, msg string) {
	c.out = append(c.out, diagnostics.Diagnostic{Start: sp.Start, End: sp.End, Severity: sev, Code: code, Message: diagnostics.ShortenValues(msg)})
}

// run is a script of a step, read.
type run struct {
	navigation.Run
	file *python.Script
}

// step checks one step against the scripts it runs.
func (c *checker) step(st *model.Symbol) {
	seen := map[string]bool{}
	var runs []run
	for _, nr := range navigation.StepScripts(c.x, st, navigation.Options{Dir: c.dir}) {
		fmt.Fprintf(c.key, "%s\x00%s\x00", nr.Rel, nr.Path)
		if !nr.Present() {
			c.add(nr.Span, diagnostics.Hint, diagnostics.CodeScriptMissing,
				fmt.Sprintf("%s is not in the project, so valohai-ls cannot compare it with step %q (fine if the step fetches or builds it)", nr.Rel, st.Name))
			continue
		}
		if seen[nr.Path] {
			continue
		}
		seen[nr.Path] = true
		f, err := c.r.Read(nr.Path)
		if err != nil {
			continue
		}
		c.key.Write(f.Hash[:])
		runs = append(runs, run{Run: nr, file: f.Script})
	}
	for _, rn := range runs {
		c.prepare(st, rn)
		c.argparse(st, rn)
		c.uses(st, rn)
	}
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

// named returns the named items of a list of the step.
func named(st *model.Symbol, key string) (order []string, byName map[string]*yaml.Node) {
	return Named(st.Body, key)
}

// Named returns the items of the list under key of a step's mapping that
// have a name, in the order their names first appear, and each name's
// item: the last of that name, as the official loader keeps it.
func Named(body *yaml.Node, key string) (order []string, byName map[string]*yaml.Node) {
	byName = map[string]*yaml.Node{}
	list := document.Deref(document.ValueOf(body, key))
	if list == nil || list.Kind != yaml.SequenceNode {
		return nil, byName
	}
	for _, it := range list.Content {
		it = document.Deref(it)
		name := document.Scalar(document.Deref(document.ValueOf(it, schema.XName)))
		if name == "" {
			continue
		}
		if _, dup := byName[name]; !dup {
			order = append(order, name)
		}
		byName[name] = it
	}
	return order, byName
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
