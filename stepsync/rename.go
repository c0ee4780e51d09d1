package stepsync

import (
	"fmt"
	"path"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/navigation"
	"github.com/valohai-ls/valohai-ls/project"
	"github.com/valohai-ls/valohai-ls/schema"
	"github.com/valohai-ls/valohai-ls/scripts"
)

// RenameOption returns, for a finding of script-unknown-option or
// script-unused-parameter (an option the script refuses or ignores), the
// action that passes the parameter as the script's option of a close
// spelling (`--learning-rate` for `--learning_rate`): it renames the
// parameter, with every reference to it, when the option is its name,
// or changes the option in its pass-as. ok is false when the script has
// no option of a close spelling.
func RenameOption(doc *document.Document, d diagnostics.Diagnostic, dir string, r *project.Reader) (Action, bool) {
	if d.Code != diagnostics.CodeScriptUnknownOption && d.Code != diagnostics.CodeScriptUnusedParameter || dir == "" || r == nil {
		return Action{}, false
	}
	x := model.Of(doc)
	st, name, p := rejected(doc, x, d)
	if p == nil {
		return Action{}, false
	}
	opt, _ := scripts.PassOption(p, name)
	for _, rn := range Runs(x, st, dir, r) {
		close := scripts.CloseOption(rn.Script, opt)
		if close == "" {
			continue
		}
		script := path.Base(rn.Rel)
		if edits, ok := passAsEdits(doc.Mapper(), p, opt, close); ok {
			return Action{Title: fmt.Sprintf("Pass parameter %q as %s, the option %s has", name, close, script),
				Step: st.Name, Script: rn.Rel, Edits: edits}, true
		}
		if opt != "--"+name {
			return Action{}, false
		}
		nv := document.ValueOf(p, schema.XName)
		renamed, err := navigation.Rename(x, doc.Mapper().NodeSpan(nv).Start, strings.TrimPrefix(close, "--"))
		if err != nil {
			return Action{}, false
		}
		a := Action{Title: fmt.Sprintf("Rename parameter %q to %q, as %s's option %s", name, strings.TrimPrefix(close, "--"), script, close),
			Step: st.Name, Script: rn.Rel}
		for _, e := range renamed {
			a.Edits = append(a.Edits, Edit{Start: e.Start, End: e.End, Text: e.Text})
		}
		return a, true
	}
	return Action{}, false
}

// rejected finds the step and the parameter whose name a finding is on.
func rejected(doc *document.Document, x *model.Model, d diagnostics.Diagnostic) (*model.Symbol, string, *yaml.Node) {
	m := doc.Mapper()
	for _, st := range x.Kept(model.KindStep) {
		if st.Body == nil || d.Start < st.Range.Start || d.Start > st.Range.End {
			continue
		}
		order, params := scripts.Declared(st, model.KindParameter)
		for _, name := range order {
			nv := document.ValueOf(params[name], schema.XName)
			if nv != nil && m.NodeSpan(nv).Start <= d.Start && m.NodeSpan(nv).End >= d.End {
				return st, name, params[name]
			}
		}
	}
	return nil, "", nil
}

// passAsEdits changes opt to close in the templates of p that start with
// it (pass-as, pass-true-as, pass-false-as); ok is false when p has none.
func passAsEdits(m *document.Mapper, p *yaml.Node, opt, close string) ([]Edit, bool) {
	var out []Edit
	for _, key := range []string{schema.XPassAs, schema.XPassTrueAs, schema.XPassFalseAs} {
		n := document.Deref(document.ValueOf(p, key))
		if n == nil {
			continue
		}
		inner, _, ok := model.ValueText(m, n)
		v := n.Value
		if !ok || !strings.HasPrefix(v, opt) || len(v) > len(opt) && v[len(opt)] != '=' && v[len(opt)] != ' ' {
			continue
		}
		out = append(out, Edit{Start: inner.Start, End: inner.Start + len(opt), Text: close})
	}
	return out, len(out) > 0
}
