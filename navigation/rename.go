package navigation

import (
	"github.com/valohai-ls/valohai-ls/model"

	"bytes"
	"encoding/json"
	"fmt"
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
	case ref != nil && ref.Target == nil:
		return sp, "", false, refuse("cannot rename %q: this file defines no %s of that name", ref.Name, ref.Kind)
	case sym == nil || sym.Kind == model.KindEdge:
		return sp, "", false, nil
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
	refs := x.RefsTo(sym)
	if newName == sym.Name {
		return []Edit{}, nil
	}
	if err := checkName(x, sym, refs, newName); err != nil {
		return nil, err
	}
	edits := []Edit{replaceWhole(sym.NameSpan, sym.Value, sym.NameNode.Style, sym.Flow || inFlow(x.Mapper(), sym.Value), newName)}
	for _, r := range refs {
		if r.Whole {
			edits = append(edits, replaceWhole(r.Span, r.Value, r.Style, r.Flow || inFlow(x.Mapper(), r.Value), newName))
		} else {
			edits = append(edits, Edit{Start: r.Span.Start, End: r.Span.End, Text: newName})
		}
	}
	return edits, nil
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
		if r.Whole {
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
