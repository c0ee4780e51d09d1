package navigation

import (
	"github.com/valohai-ls/valohai-ls/model"

	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
)

// Edit replaces the text [Start, End) with Text.
type Edit struct {
	Start, End int
	Text       string
}

// RenameError says why a rename is refused; its message is for the user.
type RenameError struct{ Msg string }

func (e *RenameError) Error() string { return e.Msg }

func refuse(format string, args ...any) error {
	return &RenameError{Msg: fmt.Sprintf(format, args...)}
}

// PrepareRename returns the span of the name at off and the name. ok is
// false when there is nothing to rename there; err says why a name there
// cannot be renamed.
func PrepareRename(x *model.Model, off int) (sp document.Span, name string, ok bool, err error) {
	sym, ref := x.Resolve(off)
	switch {
	case ref != nil && ref.Untextual:
		return sp, "", false, refuse("cannot rename %q: YAML does not read it as text here, so it names no %s; write it in quotes first", ref.Name, ref.Kind)
	case ref != nil && ref.Target == nil:
		return sp, "", false, refuse("cannot rename %q: this file defines no %s of that name", ref.Name, ref.Kind)
	case sym == nil || sym.Kind == model.KindEdge:
		return sp, "", false, nil
	case sym.Untextual:
		return sp, "", false, refuse("cannot rename %q: YAML does not read it as text, so it names no %s (what refers to it cannot be told); write it in quotes first", sym.Name, sym.Kind)
	case !sym.Named:
		return sp, "", false, refuse("cannot rename %q: its name is not written as plain text", sym.Name)
	case ref != nil:
		return ref.Span, ref.Name, true, nil
	}
	return sym.NameSpan, sym.Name, true, nil
}

// Rename returns the edits that rename what is at off to newName, its
// definition and every reference in the file together, or an error that
// says why the new name cannot be used.
func Rename(x *model.Model, off int, newName string) ([]Edit, error) {
	if _, _, ok, err := PrepareRename(x, off); err != nil || !ok {
		if err == nil {
			err = refuse("there is nothing to rename here: place the cursor on a name")
		}
		return nil, err
	}
	sym, _ := x.Resolve(off)
	if newName == sym.Name {
		return []Edit{}, nil
	}
	syms, refs := linked(x, sym)
	if r := sharedRef(x, sym, syms); r != nil {
		line := x.Mapper().LineOf(r.Span.Start) + 1
		return nil, refuse("cannot rename %q: line %d, which refers to it, is brought by an alias or a `<<` merge into more than one item, where it may mean another %s; rename it by hand", sym.Name, line, sym.Kind)
	}
	var edits []Edit
	written := map[document.Span]bool{}
	for _, s := range syms {
		if err := checkName(x, s, refs, newName); err != nil {
			return nil, err
		}
		if !written[s.NameSpan] {
			written[s.NameSpan] = true
			edits = append(edits, replaceWhole(s.NameSpan, s.Value, s.NameNode.Style, s.Flow || inFlow(x.Mapper(), s.Value), newName))
		}
	}
	if r := strandedAlias(syms, refs); r != nil {
		line := x.Mapper().LineOf(r.Span.Start) + 1
		return nil, refuse("cannot rename %q: line %d refers to it through an alias whose anchored value is not one of its names; rename it by hand", sym.Name, line)
	}
	for _, r := range refs {
		switch {
		case r.Alias:
			// The alias follows its anchored scalar, renamed here.
		case r.Whole:
			edits = append(edits, replaceWhole(r.Span, r.Value, r.Style, r.Flow || inFlow(x.Mapper(), r.Value), newName))
		default:
			edits = append(edits, Edit{Start: r.Span.Start, End: r.Span.End, Text: newName})
		}
	}
	return edits, nil
}

// strandedAlias returns a reference written as an alias whose anchored
// scalar the rename does not rewrite (it is neither a name of syms nor a
// reference renamed with them): the alias would keep the old name.
func strandedAlias(syms []*model.Symbol, refs []*model.Ref) *model.Ref {
	renamed := map[*yaml.Node]bool{}
	for _, s := range syms {
		renamed[s.NameNode] = true
	}
	for _, r := range refs {
		if !r.Alias {
			renamed[r.Node] = true
		}
	}
	for _, r := range refs {
		if r.Alias && !renamed[r.Node.Alias] {
			return r
		}
	}
	return nil
}

// linked returns sym and the symbols renamed with it, and the references
// to them, each place once. An alias or a `<<` merge brings one written
// mapping or list into several items: a parameter list shared by two
// steps defines a parameter of each at one place, and a command merged
// into two steps refers from one place to a parameter of each. Renaming
// only one of them would leave the others' references broken, so the
// symbols written at the same place, or referred to from the same place,
// are renamed together.
func linked(x *model.Model, sym *model.Symbol) ([]*model.Symbol, []*model.Ref) {
	atName := map[document.Span][]*model.Symbol{}
	for _, s := range x.Symbols() {
		if s.Kind == sym.Kind && s.Named && !s.Broken {
			atName[s.NameSpan] = append(atName[s.NameSpan], s)
		}
	}
	to := map[*model.Symbol][]*model.Ref{}
	atRef := map[document.Span][]*model.Ref{}
	for _, r := range x.Refs() {
		if r.Target != nil && r.Target.Kind == sym.Kind {
			to[r.Target] = append(to[r.Target], r)
			atRef[r.Span] = append(atRef[r.Span], r)
		}
	}
	syms := []*model.Symbol{sym}
	seen := map[*model.Symbol]bool{sym: true}
	add := func(s *model.Symbol) {
		if !seen[s] {
			seen[s] = true
			syms = append(syms, s)
		}
	}
	var refs []*model.Ref
	placed := map[document.Span]bool{}
	for i := 0; i < len(syms); i++ {
		s := syms[i]
		for _, o := range atName[s.NameSpan] {
			add(o)
		}
		for _, r := range to[s] {
			for _, o := range atRef[r.Span] {
				add(o.Target)
			}
			if !placed[r.Span] {
				placed[r.Span] = true
				refs = append(refs, r)
			}
		}
	}
	return syms, refs
}

// sharedRef returns a reference to sym's name written in a node that an
// alias brings into another place, when that node's item or the alias's
// is one of syms' items: the model resolves such a reference once, for
// the item it is written in, so renaming would leave the other item's
// copy naming what it no longer has (or rename what it still has).
func sharedRef(x *model.Model, sym *model.Symbol, syms []*model.Symbol) *model.Ref {
	m := x.Mapper()
	items := map[*model.Symbol]bool{}
	for _, s := range syms {
		items[itemOf(s)] = true
	}
	var regions []document.Span
	for _, it := range x.Items {
		eachAlias(it.Node, func(a *yaml.Node) {
			target := m.NodeExtent(a.Alias)
			if items[it] || slices.ContainsFunc(x.Items, func(o *model.Symbol) bool { return items[o] && model.Contains(o.Range, target.Start) }) {
				regions = append(regions, target)
			}
		})
	}
	for _, r := range x.Refs() {
		if r.Kind != sym.Kind || r.Name != sym.Name {
			continue
		}
		for _, g := range regions {
			if g.Start <= r.Span.Start && r.Span.End <= g.End {
				return r
			}
		}
	}
	return nil
}

// itemOf returns the top-level item s is in.
func itemOf(s *model.Symbol) *model.Symbol {
	for s.Parent != nil {
		s = s.Parent
	}
	return s
}

// eachAlias calls f with every alias node under n.
func eachAlias(n *yaml.Node, f func(*yaml.Node)) {
	if n == nil {
		return
	}
	if n.Kind == yaml.AliasNode {
		if n.Alias != nil {
			f(n)
		}
		return
	}
	for _, c := range n.Content {
		eachAlias(c, f)
	}
}

// checkName refuses a new name that the format does not accept, that
// could not be written where the symbol is referred to, or that another
// symbol of the same kind already has.
func checkName(x *model.Model, sym *model.Symbol, refs []*model.Ref, name string) error {
	what := string(sym.Kind)
	switch {
	case strings.TrimSpace(name) == "":
		return refuse("a %s name cannot be empty", what)
	case strings.TrimSpace(name) != name:
		return refuse("%q starts or ends with a space: a %s name cannot", name, what)
	case strings.IndexFunc(name, unicode.IsControl) >= 0:
		return refuse("a %s name cannot contain line breaks, tabs or control characters", what)
	}
	if t := sym.NameType; t != nil {
		if t.Pattern != nil && !t.Pattern.MatchString(name) {
			return refuse("%q is not a valid %s name: it must be %s", name, what, t.PatternHelp)
		}
		if t.MaxLength > 0 && len([]rune(name)) > t.MaxLength {
			return refuse("%q is too long for a %s name: at most %d characters", name, what, t.MaxLength)
		}
	}
	if sym.Kind == model.KindNode && strings.Contains(name, ".") {
		return refuse("a node name cannot contain a dot: edges and parameter targets address nodes as <node>.<type>.<key>")
	}
	if sym.Kind == model.KindEndpoint && strings.Contains(name, ".") {
		return refuse("an endpoint name cannot contain a dot: edges address endpoint files as <node>.file.<endpoint>.<file>")
	}
	for _, r := range refs {
		if r.Whole || r.Alias {
			continue
		}
		if r.Role == model.RolePlaceholder && strings.ContainsAny(name, "{} \t") {
			return refuse("%q cannot be used in a command placeholder {parameter:NAME}: no braces or spaces", name)
		}
		if !safeInside(name) {
			line := x.Mapper().LineOf(r.Span.Start) + 1
			return refuse("%q cannot be written inside the value on line %d without quoting it: use letters, digits, '-', '_' or '.'", name, line)
		}
	}
	if other := sibling(x, sym, name); other != nil {
		line := x.Mapper().LineOf(other.Range.Start) + 1
		return refuse("there is already a %s named %q (line %d)", what, name, line)
	}
	return nil
}

// sibling returns another symbol of sym's kind and scope called name.
func sibling(x *model.Model, sym *model.Symbol, name string) *model.Symbol {
	if sym.Parent == nil {
		if s := x.Lookup(sym.Kind, name); s != nil && s != sym {
			return s
		}
		return nil
	}
	if s := model.Child(sym.Parent, sym.Kind, name); s != nil && s != sym {
		return s
	}
	return nil
}

// safeInside reports whether a name can be put inside an existing plain or
// quoted scalar (an edge socket, a command) as it is.
func safeInside(s string) bool {
	return !strings.ContainsAny(s, " \t#,[]{}\"'\\") && !strings.HasPrefix(s, "-")
}

// replaceWhole rewrites a scalar that is a whole name, keeping its quotes,
// and quoting a plain scalar when the new name needs it.
func replaceWhole(inner, value document.Span, style yaml.Style, flow bool, name string) Edit {
	switch {
	case style&yaml.DoubleQuotedStyle != 0:
		return Edit{Start: inner.Start, End: inner.End, Text: doubleQuoted(name)}
	case style&yaml.SingleQuotedStyle != 0:
		return Edit{Start: inner.Start, End: inner.End, Text: strings.ReplaceAll(name, "'", "''")}
	case plainOK(name, flow):
		return Edit{Start: inner.Start, End: inner.End, Text: name}
	}
	return Edit{Start: value.Start, End: value.End, Text: `"` + doubleQuoted(name) + `"`}
}

// plainOK reports whether name can be written unquoted and still read back
// as the same string, under YAML 1.1 and 1.2.
func plainOK(name string, flow bool) bool {
	out, err := yaml.Marshal(name)
	if err != nil || string(out) != name+"\n" || document.ResolvePlain11(name) != document.String {
		return false
	}
	return !flow || !strings.ContainsAny(name, ",[]{}")
}

// doubleQuoted escapes s for the inside of a double-quoted scalar.
func doubleQuoted(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	out := strings.TrimSpace(b.String())
	return out[1 : len(out)-1]
}

// inFlow reports whether the scalar at sp is inside a flow collection, by
// looking for an unclosed bracket before it on its line.
func inFlow(m *document.Mapper, sp document.Span) bool {
	line := m.Text()[m.LineStart(m.LineOf(sp.Start)):sp.Start]
	return strings.Count(line, "[")+strings.Count(line, "{") > strings.Count(line, "]")+strings.Count(line, "}")
}
