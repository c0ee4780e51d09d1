package mutation

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/schema"
)

// misspeltKeys misspells keys the schema lists, where the misspelling is
// no other key of the same mapping.
func (g *gen) misspeltKeys() []Mutant {
	var out []Mutant
	for _, s := range g.sites {
		if s.k == nil || len(s.key.Value) < 4 || !g.blockKey(s) || s.obj.Open && s.obj != schema.Item {
			continue
		}
		t := g.typo(s.key.Value, func(t string) bool { return s.obj.Key(t) != nil || valueOf(s.parent, t) != nil })
		if t != "" {
			out = append(out, mutant(MisspeltKey, g.replace(s.key, t), s.key, s.key.Value+" → "+t))
		}
	}
	return g.pick(out, perKind)
}

// indentation moves a key line, not the first of its mapping, two spaces
// in or out.
func (g *gen) indentation() []Mutant {
	var out []Mutant
	for _, s := range g.sites {
		if s.k == nil || !g.blockKey(s) || s.parent.Content[0] == s.key || s.parent == s.item {
			continue
		}
		start := g.m.LineStart(s.key.Line - 1)
		if g.text[start:g.off(s.key)] != strings.Repeat(" ", s.key.Column-1) {
			continue
		}
		if g.rng.Intn(2) == 0 && s.key.Column > 2 {
			out = append(out, mutant(Indentation, g.text[:start]+g.text[start+2:], s.key, s.key.Value+" dedented"))
		} else {
			out = append(out, mutant(Indentation, g.text[:start]+"  "+g.text[start:], s.key, s.key.Value+" indented"))
		}
	}
	return g.pick(out, perKind)
}

// missingKeys removes a required key, with its value, that is not the
// first key of its mapping.
func (g *gen) missingKeys() []Mutant {
	var out []Mutant
	for _, s := range g.sites {
		if s.k == nil || !s.k.Required || !g.blockKey(s) || s.parent.Content[0] == s.key || s.parent == s.item {
			continue
		}
		first := s.key.Line - 1
		last := g.m.LineOf(max(g.m.NodeExtent(s.val).End-1, g.off(s.key)))
		if strings.TrimSpace(g.text[g.m.LineStart(first):g.off(s.key)]) != "" {
			continue
		}
		text := g.text[:g.m.LineStart(first)] + g.text[min(len(g.text), g.m.LineStart(last+1)):]
		from := max(0, s.parent.Content[0].Line-2)
		out = append(out, Mutant{Kind: MissingKey, Text: text, From: from, To: max(from, first-1), What: s.key.Value + " removed"})
	}
	return g.pick(out, perKind)
}

// typeAliases are the names of parameter types that people write for
// the ones Valohai knows.
var typeAliases = map[string][]string{
	schema.ParamInteger: {"int", "Integer", "number", "long"},
	schema.ParamFloat:   {"float64", "double", "number", "decimal"},
	schema.ParamString:  {"str", "text", "String"},
	schema.ParamFlag:    {"bool", "boolean", "Boolean"},
}

// wrongTypes writes a parameter's type under another name, or a number
// or boolean key's value as a word.
func (g *gen) wrongTypes() []Mutant {
	var out []Mutant
	for _, v := range g.values {
		if !g.plainOnLine(v.n) || v.k == nil {
			continue
		}
		switch {
		case v.k.Name == schema.XType && typeAliases[v.n.Value] != nil:
			al := typeAliases[v.n.Value]
			a := al[g.rng.Intn(len(al))]
			out = append(out, mutant(WrongType, g.replace(v.n, a), v.n, v.n.Value+" → "+a))
		case v.t.Kind == schema.Integer && v.t.Ref == "" && document.Resolve11(v.n) == document.Int:
			out = append(out, mutant(WrongType, g.replace(v.n, "ten"), v.n, v.k.Name+": ten"))
		case v.t.Kind == schema.Boolean && document.Resolve11(v.n) == document.Bool:
			out = append(out, mutant(WrongType, g.replace(v.n, "maybe"), v.n, v.k.Name+": maybe"))
		}
	}
	return g.pick(out, perKind)
}

// synonyms are words people write for an enum's value.
var synonyms = map[string][]string{
	"full": {"all", "keep"}, "suffix": {"some", "partial"}, "none": {"nothing", "never"},
	"repeat": {"repeated", "multiple"}, "separate": {"join", "joined"},
	"execution": {"step", "run"}, "deployment": {"deploy", "endpoint"},
}

// wrongEnums misspells the value of a closed enum, or writes a word that
// means it.
func (g *gen) wrongEnums() []Mutant {
	var out []Mutant
	for _, v := range g.values {
		if !g.plainOnLine(v.n) || len(v.t.Enum) == 0 || v.t.EnumOpen || v.t.EnumValue(v.n.Value) == nil || v.k != nil && v.k.Name == schema.XType && typeAliases[v.n.Value] != nil {
			continue
		}
		avoid := func(s string) bool { return v.t.EnumValue(s) != nil }
		w := g.typo(v.n.Value, avoid)
		if syn := synonyms[v.n.Value]; len(syn) > 0 && g.rng.Intn(2) == 0 {
			w = syn[g.rng.Intn(len(syn))]
		}
		if w != "" {
			out = append(out, mutant(WrongEnum, g.replace(v.n, w), v.n, v.n.Value+" → "+w))
		}
	}
	return g.pick(out, perKind)
}

// renamedSteps misspells the step a node or task runs.
func (g *gen) renamedSteps() []Mutant {
	var names []string
	for _, s := range g.steps {
		names = append(names, s.Value)
	}
	var out []Mutant
	for _, v := range g.values {
		if v.t.Ref != schema.RefStep || !g.plainOnLine(v.n) {
			continue
		}
		if t := g.typo(v.n.Value, among(names...)); t != "" {
			out = append(out, mutant(RenamedStep, g.replace(v.n, t), v.n, v.n.Value+" → "+t))
		}
	}
	return g.pick(out, perKind)
}

// renamedEdges misspells the node or key of an edge end. A key is
// misspelt only where it is checkable: an input or parameter (outputs
// are misspeltOutputs, plural types pluralSockets).
func (g *gen) renamedEdges() []Mutant {
	var out []Mutant
	for _, v := range g.values {
		if v.t.Ref != schema.RefSocket || !g.plainOnLine(v.n) {
			continue
		}
		ps := model.ParseSocket(v.n.Value)
		if ps.Parts != 3 || model.IsWildcard(ps.Key) || !model.KnownType(ps.Type) {
			continue
		}
		nodes := g.nodeSteps(v.item)
		var w string
		switch g.rng.Intn(2) {
		case 0:
			var names []string
			for n := range nodes {
				names = append(names, n)
			}
			if t := g.typo(ps.Node, among(names...)); t != "" {
				w = t + "." + ps.Type + "." + ps.Key
			}
		default:
			body := g.bodies[nodes[ps.Node]]
			if body == nil || ps.Type == schema.SocketOutput {
				continue
			}
			if t := g.typo(ps.Key, among(g.names(body, ps.Type)...)); t != "" {
				w = ps.Node + "." + ps.Type + "." + t
			}
		}
		if w != "" {
			out = append(out, mutant(RenamedEdge, g.replace(v.n, w), v.n, v.n.Value+" → "+w))
		}
	}
	return g.pick(out, perKind)
}

// nodeSteps maps the nodes of the pipeline item to the steps they run.
func (g *gen) nodeSteps(item *yaml.Node) map[string]string {
	out := map[string]string{}
	if item == nil || len(item.Content) < 2 {
		return out
	}
	nodes := valueOf(item.Content[1], schema.XNodes)
	if nodes == nil {
		return out
	}
	for _, n := range nodes.Content {
		out[scalar(n, schema.XName)] = scalar(n, "step")
	}
	return out
}

// names returns the names a step declares for a socket type.
func (g *gen) names(body *yaml.Node, typ string) []string {
	list := map[string]string{schema.SocketInput: schema.XInputs, schema.SocketParameter: schema.XParameters, schema.SocketOutput: schema.XOutputs}[typ]
	var out []string
	if l := valueOf(body, list); l != nil {
		for _, it := range l.Content {
			out = append(out, scalar(it, schema.XName))
		}
	}
	return out
}

// duplicateNames gives an item the name of one before it in the same
// list, where its own name is used nowhere else.
func (g *gen) duplicateNames() []Mutant {
	lists := g.lists
	if len(g.steps) > 1 {
		lists = append(lists, named{label: "name", items: g.steps})
	}
	var out []Mutant
	for _, l := range lists {
		for j := 1; j < len(l.items); j++ {
			n := l.items[j]
			i := g.rng.Intn(j)
			if !g.plainOnLine(n) || strings.Count(g.text, n.Value) != 1 || l.items[i].Value == n.Value {
				continue
			}
			out = append(out, mutant(DuplicateName, g.replace(n, l.items[i].Value), n, n.Value+" → "+l.items[i].Value))
		}
	}
	return g.pick(out, perKind)
}

// tabs indents a key line with a tab instead of two of its spaces.
func (g *gen) tabs() []Mutant {
	var out []Mutant
	for _, s := range g.sites {
		if !g.blockKey(s) || s.key.Column < 3 {
			continue
		}
		start := g.m.LineStart(s.key.Line - 1)
		if g.text[start:start+2] != "  " {
			continue
		}
		out = append(out, mutant(Tab, g.text[:start]+"\t"+g.text[start+2:], s.key, "tab before "+s.key.Value))
	}
	return g.pick(out, perKind)
}

// noSpaces removes the space after a key's colon.
func (g *gen) noSpaces() []Mutant {
	var out []Mutant
	for _, s := range g.sites {
		if !g.blockKey(s) || s.val.Line != s.key.Line || s.val.Kind != yaml.ScalarNode {
			continue
		}
		at := g.off(s.key) + len(s.key.Value)
		if !strings.HasPrefix(g.text[at:], ": ") || g.off(s.val) != at+2 {
			continue
		}
		out = append(out, mutant(NoSpace, g.text[:at+1]+g.text[at+2:], s.key, s.key.Value+":"+s.val.Value))
	}
	return g.pick(out, perKind)
}

// unclosedQuotes opens a quote before a value on its key's line and
// never closes it, or drops the closing quote of a quoted value.
func (g *gen) unclosedQuotes() []Mutant {
	var out []Mutant
	for _, s := range g.sites {
		if !g.blockKey(s) || s.val.Line != s.key.Line || s.val.Kind != yaml.ScalarNode || s.val.Value == "" {
			continue
		}
		at := g.off(s.val)
		switch s.val.Style {
		case 0:
			if g.plainOnLine(s.val) {
				out = append(out, mutant(UnclosedQuote, g.text[:at]+`"`+g.text[at:], s.key, `"`+s.val.Value))
			}
		case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
			q := g.text[at : at+1]
			end := strings.Index(g.text[at+1:], q)
			if end < 0 || strings.Contains(g.text[at+1:at+1+end], "\n") || strings.Contains(s.val.Value, q) {
				continue
			}
			cl := at + 1 + end
			out = append(out, mutant(UnclosedQuote, g.text[:cl]+g.text[cl+1:], s.key, "closing "+q+" of "+s.val.Value+" dropped"))
		}
	}
	return g.pick(out, perKind)
}

// yaml11Words are unquoted words YAML 1.1 reads as booleans.
var yaml11Words = []string{"no", "off", "yes", "on"}

// yaml11 writes a text parameter's default, or a choice, as a word YAML
// 1.1 reads as a boolean.
func (g *gen) yaml11() []Mutant {
	var out []Mutant
	for _, p := range g.params {
		typ := scalar(p.body, schema.XType)
		if typ != "" && typ != schema.ParamString {
			continue
		}
		w := yaml11Words[g.rng.Intn(len(yaml11Words))]
		if d := valueOf(p.body, schema.XDefault); g.plainOnLine(d) {
			out = append(out, mutant(YAML11, g.replace(d, w), d, "default: "+w))
		}
		if ch := valueOf(p.body, schema.XChoices); ch != nil && ch.Kind == yaml.SequenceNode && len(ch.Content) > 0 && g.plainOnLine(ch.Content[0]) {
			out = append(out, mutant(YAML11, g.replace(ch.Content[0], w), ch.Content[0], "choice "+w))
		}
	}
	return g.pick(out, perKind)
}

// scriptParameters misspells the name of a step's parameter, so that it
// no longer matches the script's option.
func (g *gen) scriptParameters() []Mutant {
	var out []Mutant
	for _, p := range g.params {
		if strings.Count(g.text, p.name.Value) != 1 {
			continue
		}
		if t := g.typo(p.name.Value, nil); t != "" {
			mu := mutant(ScriptParameter, g.replace(p.name, t), p.name, p.step+": "+p.name.Value+" → "+t)
			mu.Step, mu.Name = p.step, p.name.Value
			out = append(out, mu)
		}
	}
	return out
}
