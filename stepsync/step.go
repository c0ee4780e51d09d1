package stepsync

import (
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/project"
	"github.com/valohai-ls/valohai-ls/python"
	"github.com/valohai-ls/valohai-ls/schema"
)

// Readable reports why a script's prepare() cannot be turned into a
// step, nil when it can.
func Readable(sc *python.Script) error {
	p := sc.Prepare
	if p == nil {
		return fmt.Errorf("no valohai.prepare(...) call that valohai-utils reads (it reads a call written as a statement of its own)")
	}
	if len(p.Unreadable) > 0 {
		u := p.Unreadable[0]
		return fmt.Errorf("%s of valohai.prepare() at line %d is not a literal", u.Keyword, u.Pos.Line)
	}
	if !p.Step.Set || !p.Step.Literal || p.Step.Value == "" {
		return fmt.Errorf("valohai.prepare() at line %d names no step (step=\"...\")", p.Pos.Line)
	}
	for _, d := range []struct {
		dict *python.Dict
		key  string
		item func(string, python.Value) (Item, bool)
	}{{p.DefaultParameters, "default_parameters", PrepareParameter}, {p.DefaultInputs, "default_inputs", PrepareInput}} {
		if d.dict == nil {
			continue
		}
		if !d.dict.Literal {
			return fmt.Errorf("%s of valohai.prepare() at line %d is not a literal dict", d.key, d.dict.Pos.Line)
		}
		for _, e := range d.dict.Entries {
			if _, ok := d.item(e.Key, e.Value); !ok {
				return fmt.Errorf("%s[%q] at line %d is not a value valohai-ls can write", d.key, e.Key, e.Pos.Line)
			}
		}
	}
	return nil
}

// NewStep writes the step valohai-utils generates from the prepare() of
// the script at rel (slash-separated, relative to the directory of
// valohai.yaml), as a top-level item: the dash at column dash, `step:`'s
// key at column key, and its keys at column inner. Keys come in
// valohai-yaml's order: name, image, command, source-path, parameters,
// inputs, environment.
func NewStep(sc *python.Script, rel string, dash, key, inner int, nl string) (string, error) {
	if err := Readable(sc); err != nil {
		return "", err
	}
	p := sc.Prepare
	sp := func(n int) string { return strings.Repeat(" ", n) }
	var b strings.Builder
	b.WriteString(sp(dash) + "-" + sp(max(key-dash-1, 1)) + "step:")
	kv := func(k string, v any) { b.WriteString(nl + sp(inner) + field(Field{k, v}, inner, nl)) }
	kv(schema.XName, p.Step.Value)
	image := DefaultImage
	if p.Image.Set && p.Image.Value != "" {
		image = p.Image.Value
	}
	kv(schema.XImage, image)
	multifile := p.Multifile != nil && p.Multifile.Kind == python.Bool && p.Multifile.Bool
	run := "python " + rel + " " + schema.PlaceholderParameters
	if !strings.Contains(rel, "/") {
		run = "python ./" + rel + " " + schema.PlaceholderParameters
	}
	if multifile {
		run = "python " + schema.PlaceholderSourcePath + " " + schema.PlaceholderParameters
	}
	kv(schema.XCommand, []any{"pip install -r requirements.txt", run})
	if multifile {
		kv(schema.XSourcePath, "./"+strings.TrimPrefix(path.Clean(rel), "./"))
	}
	for _, l := range []struct {
		key  string
		dict *python.Dict
		item func(string, python.Value) (Item, bool)
	}{{schema.XParameters, p.DefaultParameters, PrepareParameter}, {schema.XInputs, p.DefaultInputs, PrepareInput}} {
		if l.dict == nil || len(l.dict.Entries) == 0 {
			continue
		}
		b.WriteString(nl + sp(inner) + l.key + ":")
		for _, e := range l.dict.Entries {
			it, _ := l.item(e.Key, e.Value)
			b.WriteString(nl + item(it, inner+2, inner+4, nl))
		}
	}
	if p.Environment.Set && p.Environment.Value != "" {
		kv(schema.XEnvironment, p.Environment.Value)
	}
	return b.String(), nil
}

// AddScript returns text (a valohai.yaml, possibly empty) with the step of
// the script's prepare(): the existing step of that name synced with it
// (only what differs changes), or a new step at the end. rel is the
// script's path relative to the directory of valohai.yaml.
func AddScript(text, rel string, sc *python.Script) (string, []string, error) {
	if err := Readable(sc); err != nil {
		return "", nil, err
	}
	doc := document.New("file:///valohai.yaml", 1, text)
	if p := doc.Parsed(); p != nil && len(p.Errors) > 0 {
		se := p.Errors[0]
		return "", nil, fmt.Errorf("valohai.yaml has a syntax error at line %d (%s); fix it first", doc.Mapper().LineOf(se.Start)+1, se.Message)
	}
	x := model.Of(doc)
	if st := x.Lookup(model.KindStep, sc.Prepare.Step.Value); st != nil && st.Body != nil {
		edits, refused := SyncPrepare(doc, st, sc.Prepare)
		return Apply(text, edits), refused, nil
	}
	nl := "\n"
	if strings.Contains(text, "\r\n") {
		nl = "\r\n"
	}
	dash, key, inner, err := layout(doc)
	if err != nil {
		return "", nil, err
	}
	step, err := NewStep(sc, rel, dash, key, inner, nl)
	if err != nil {
		return "", nil, err
	}
	switch {
	case strings.TrimSpace(text) == "":
		return step + nl, nil, nil
	case !strings.HasSuffix(text, "\n"):
		text += nl
	}
	return text + step + nl, nil, nil
}

// layout reads how the file writes its top-level items: the column of
// their dash, of their kind key and of the keys under it.
func layout(doc *document.Document) (dash, key, inner int, err error) {
	p := doc.Parsed()
	var root *yaml.Node
	if p != nil && p.Root != nil {
		root = p.Root
		if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
			root = root.Content[0]
		}
	}
	if root == nil || root.Kind == yaml.DocumentNode || root.Kind == yaml.ScalarNode && root.Tag == "!!null" || root.Kind == 0 {
		return 0, 2, 4, nil
	}
	e := newEditor(doc.Mapper())
	if root.Kind != yaml.SequenceNode || !e.block(root) || e.shared(root) {
		return 0, 0, 0, fmt.Errorf("valohai.yaml is not a block list of items; the step cannot be added")
	}
	if len(root.Content) == 0 {
		return 0, 2, 4, nil
	}
	first := root.Content[0]
	dash, key = e.dashCol(first), first.Column-1
	inner = key + 2
	if first.Kind == yaml.MappingNode && len(first.Content) > 1 && first.Content[1].Kind == yaml.MappingNode && e.block(first.Content[1]) {
		inner = keyCol(first.Content[1])
	}
	return dash, key, inner, nil
}

// AddArgparse returns text (a valohai.yaml in dir) with every step that
// runs the script at rel synced with the script's argparse options, as
// the Sync action does, and what was left out. An argparse script names
// no step, so a script no step runs is an error.
func AddArgparse(text, dir, rel string, r *project.Reader) (string, []string, error) {
	var refused []string
	ran := false
	for _, name := range model.Of(document.New("file:///valohai.yaml", 1, text)).Names(model.KindStep) {
		doc := document.New("file:///valohai.yaml", 1, text)
		st := model.Of(doc).Lookup(model.KindStep, name)
		for _, rn := range Runs(model.Of(doc), st, dir, r) {
			if rn.Rel == rel {
				ran = true
			}
		}
		for _, a := range Sync(doc, st, dir, r) {
			if a.Script == rel {
				text = Apply(text, a.Edits)
				refused = append(refused, a.Refused...)
			}
		}
	}
	if !ran {
		return "", nil, fmt.Errorf("no step runs %s, and argparse options name no step: add a step whose command runs it (python %s {parameters}), then run this again", rel, rel)
	}
	return text, refused, nil
}

// AddFile reads the script at path (relative to the working directory,
// or absolute), a file inside dir, the directory of valohai.yaml, through
// r, and returns text with what it declares: the step of its prepare()
// (AddScript), or else the steps that run it synced with its argparse
// options (AddArgparse). It also returns what was left out. An error
// reading the script is returned as the reader gives it (errors.Is
// project.ErrOutside for a file outside dir); other errors name path.
func AddFile(text, dir, path string, r *project.Reader) (string, []string, error) {
	f, err := r.Read(dir, path)
	if err != nil {
		return "", nil, err
	}
	rel, err := relTo(dir, path)
	if err != nil {
		return "", nil, err
	}
	sc := f.Script
	var next string
	var refused []string
	switch {
	case sc.Prepare == nil && len(sc.Arguments) > 0:
		next, refused, err = AddArgparse(text, dir, rel, r)
	case sc.Prepare == nil:
		err = errors.New("it has neither a valohai.prepare(...) call nor argparse options (add_argument); there is nothing to write")
	default:
		next, refused, err = AddScript(text, rel, sc)
	}
	if err != nil {
		return "", nil, fmt.Errorf("%s: %w", path, err)
	}
	return next, refused, nil
}

// relTo returns path relative to dir, with forward slashes.
func relTo(dir, path string) (string, error) {
	base, err1 := filepath.Abs(dir)
	abs, err2 := filepath.Abs(path)
	if err := errors.Join(err1, err2); err != nil {
		return "", fmt.Errorf("locate %s: %w", path, err)
	}
	rel, err := filepath.Rel(base, abs)
	if err != nil {
		return "", fmt.Errorf("locate %s: %w", path, err)
	}
	return filepath.ToSlash(rel), nil
}
