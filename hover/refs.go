package hover

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/schema"
)

// refMarkdown says what the reference r refers to, as the model resolves
// it: the definition and where it is, or why there is none.
func refMarkdown(x *model.Model, r *model.Ref) string {
	what := fmt.Sprintf("%s `%s`", r.Kind, r.Name)
	if r.Scope != nil && r.Scope.Name != "" && r.Kind != model.KindNode {
		what += fmt.Sprintf(" of %s `%s`", r.Scope.Kind, r.Scope.Name)
	}
	t := r.Target
	switch {
	case r.Untextual:
		return fmt.Sprintf("%s: not known, as YAML reads the name here as %s, not as text", what, asType(document.Deref(r.Node)))
	case t == nil && r.Pattern:
		return patternMarkdown(r, what)
	case t == nil && r.Loose && r.Role == model.RoleTaskParameter:
		return fmt.Sprintf("%s: not one of the step's, which a task may pass all the same", what)
	case t == nil && r.Loose:
		return fmt.Sprintf("%s: not defined in this file, which is allowed here", what)
	case t == nil && r.Doubt != nil:
		return fmt.Sprintf("%s: not known, as the %s on line %d has a name that YAML does not read as text (it may be the one meant)",
			what, r.Doubt.Kind, x.Mapper().LineOf(r.Doubt.Range.Start)+1)
	case t == nil && r.Unsure:
		return fmt.Sprintf("%s: not known, as what defines it could not be read", what)
	case t == nil:
		return fmt.Sprintf("%s: **not defined** in this file", what)
	}
	m := x.Mapper()
	line := m.LineOf(t.Range.Start) + 1
	if t.Named {
		line = m.LineOf(t.NameSpan.Start) + 1
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s, defined on line %d", what, line)
	if t.Broken {
		b.WriteString(" (in an item with a syntax error)")
	}
	for _, f := range facts(t) {
		fmt.Fprintf(&b, "\n\n%s", f)
	}
	return b.String()
}

// asType says what YAML reads a scalar that is not text as ("a number").
func asType(n *yaml.Node) string {
	switch t := document.Resolve11(n); t {
	case document.Null:
		return "null"
	case document.Int:
		return "an integer"
	default:
		return "a " + t.String()
	}
}

// patternMarkdown says which declared outputs the glob of an output
// socket matches (see model.MatchedOutputs).
func patternMarkdown(r *model.Ref, what string) string {
	matched, ok := model.MatchedOutputs(r.Scope, r.Name)
	switch {
	case !ok:
		return fmt.Sprintf("%s: a pattern, taking the files the step writes that match it", what)
	case len(matched) == 0:
		return fmt.Sprintf("%s: a pattern that matches **none** of the outputs the step declares", what)
	}
	q := make([]string, len(matched))
	for i, m := range matched {
		q[i] = "`" + m + "`"
	}
	return fmt.Sprintf("%s: a pattern, which is allowed here; it matches the declared %s", what, strings.Join(q, ", "))
}

// facts are a few lines about a definition worth seeing at its uses.
func facts(t *model.Symbol) []string {
	var out []string
	add := func(label, key string) {
		if v := document.Scalar(document.Deref(document.ValueOf(t.Body, key))); v != "" {
			out = append(out, fmt.Sprintf("%s: `%s`", label, v))
		}
	}
	switch t.Kind {
	case model.KindStep:
		add("image", schema.XImage)
	case model.KindParameter:
		add("type", schema.XType)
		add("default", schema.XDefault)
	case model.KindInput:
		add("default", schema.XDefault)
	case model.KindNode:
		add("type", schema.XType)
		add("step", schema.XStep)
		add("task", schema.XTask)
	case model.KindTask:
		add("step", schema.XStep)
		add("type", schema.XType)
	}
	return out
}
