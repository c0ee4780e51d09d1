// Package mutation makes realistic single mistakes in a correct
// valohai.yaml: a misspelt key, a wrong indentation, a missing key, a
// wrong type or enum value, a misspelt step or edge end (an output's
// among those its step declares), a plural socket type, a duplicate
// name, a tab, a missing space after a colon, an unclosed quote, a YAML
// 1.1 boolean, a renamed parameter. Each mistake says the lines where it
// was made, so that a test can tell whether the findings of the mutated
// file point at it. The schema says which keys and values are known; the
// mistakes are made on the text, one at a time.
package mutation

import (
	"math/rand"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/schema"
)

// Kind is the kind of a mistake.
type Kind string

// The kinds of mistakes.
const (
	MisspeltKey     Kind = "misspelt-key"
	Indentation     Kind = "indentation"
	MissingKey      Kind = "missing-key"
	WrongType       Kind = "wrong-type"
	WrongEnum       Kind = "wrong-enum"
	RenamedStep     Kind = "renamed-step"
	RenamedEdge     Kind = "renamed-edge-end"
	MisspeltOutput  Kind = "misspelt-edge-output"
	PluralSocket    Kind = "plural-socket-type"
	DuplicateName   Kind = "duplicate-name"
	Tab             Kind = "tab"
	NoSpace         Kind = "missing-space"
	UnclosedQuote   Kind = "unclosed-quote"
	YAML11          Kind = "yaml11-boolean"
	ScriptParameter Kind = "script-parameter"
)

// Kinds lists every kind, in the order reports show them.
var Kinds = []Kind{MisspeltKey, Indentation, MissingKey, WrongType, WrongEnum, RenamedStep, RenamedEdge,
	MisspeltOutput, PluralSocket, DuplicateName, Tab, NoSpace, UnclosedQuote, YAML11, ScriptParameter}

// Mutant is a text with one mistake.
type Mutant struct {
	Kind Kind
	Text string
	// From and To are the zero-based lines of the mutated text where
	// the mistake is (for a removed key: its mapping's lines).
	From, To int
	// What says what was changed, for messages.
	What string
	// Step and Name are, for a renamed parameter, its step and its name
	// before the change.
	Step, Name string
}

// site is a key of a mapping with what the schema says of it.
type site struct {
	key, val *yaml.Node
	k        *schema.Key // nil for a key the schema does not list
	parent   *yaml.Node  // the mapping that holds it
	obj      *schema.Obj
	// first is where the mapping's first key is, and item the top-level
	// item's mapping.
	item *yaml.Node
}

// value is a scalar value with its type.
type value struct {
	n *yaml.Node
	t *schema.Type
	k *schema.Key // the key whose value (or list item) it is
	// item is the top-level item's mapping.
	item *yaml.Node
}

// named is a list of named mappings (steps, parameters, nodes).
type named struct {
	label string
	items []*yaml.Node // the name nodes
}

// gen holds what a walk of a file found.
type gen struct {
	text   string
	lines  []string
	m      *document.Mapper
	rng    *rand.Rand
	sites  []site
	values []value
	lists  []named
	steps  []*yaml.Node // the name nodes of steps
	params []paramSite  // step parameters
	bodies map[string]*yaml.Node
}

// paramSite is a step parameter's name with its step's name.
type paramSite struct {
	step string
	name *yaml.Node
	body *yaml.Node
}

// Generate returns every mistake the generator makes in text (which must
// parse), in a stable order for a seed. None when text does not parse.
func Generate(text string, seed int64) []Mutant {
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(text), &root); err != nil || len(root.Content) == 0 || root.Content[0].Kind != yaml.SequenceNode {
		return nil
	}
	g := &gen{text: text, lines: strings.SplitAfter(text, "\n"), m: document.NewMapper(text), rng: rand.New(rand.NewSource(seed))}
	for _, it := range root.Content[0].Content {
		if it.Kind != yaml.MappingNode || len(it.Content) < 2 {
			continue
		}
		kind := schema.KindNamed(it.Content[0].Value)
		if kind == nil {
			continue
		}
		g.sites = append(g.sites, site{key: it.Content[0], val: it.Content[1], k: kind, parent: it, obj: schema.Item, item: it})
		g.walk(it.Content[1], kind.Type, kind, it)
		if kind.Name == "step" {
			g.stepParams(it.Content[1])
		}
	}
	var out []Mutant
	for _, f := range []func() []Mutant{g.misspeltKeys, g.indentation, g.missingKeys, g.wrongTypes, g.wrongEnums,
		g.renamedSteps, g.renamedEdges, g.misspeltOutputs, g.pluralSockets, g.duplicateNames, g.tabs, g.noSpaces, g.unclosedQuotes, g.yaml11, g.scriptParameters} {
		for _, mu := range f() {
			if mu.Text != text && mu.Text != "" {
				out = append(out, mu)
			}
		}
	}
	return out
}

// walk records the keys and scalar values of n, of type t.
func (g *gen) walk(n *yaml.Node, t *schema.Type, k *schema.Key, item *yaml.Node) {
	if n == nil || t == nil {
		return
	}
	t = t.ForShape(schema.ShapeOf(n))
	switch {
	case n.Kind == yaml.ScalarNode:
		g.values = append(g.values, value{n: n, t: t, k: k, item: item})
	case n.Kind == yaml.MappingNode && t.Kind == schema.Object && t.Object != nil:
		o := t.Object
		if o.Discriminator != "" {
			o = o.Select(scalar(n, o.Discriminator))
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			kn, vn := n.Content[i], n.Content[i+1]
			ck := o.Key(kn.Value)
			if ck == nil && kn.Value == o.Discriminator {
				ck = o.DiscriminatorKey()
			}
			g.sites = append(g.sites, site{key: kn, val: vn, k: ck, parent: n, obj: o, item: item})
			switch {
			case ck != nil:
				g.walk(vn, ck.Type, ck, item)
			case o.Values != nil:
				g.walk(vn, o.Values, nil, item)
			}
		}
	case n.Kind == yaml.SequenceNode && t.Kind == schema.List:
		var nl named
		for _, e := range n.Content {
			g.walk(e, t.Items, k, item)
			if it := t.Items.ForShape(schema.ShapeOf(e)); it != nil && it.Kind == schema.Object && it.Object != nil && it.Object.Label != "" {
				if nn := valueOf(e, it.Object.Label); nn != nil && nn.Kind == yaml.ScalarNode {
					nl.label = it.Object.Label
					nl.items = append(nl.items, nn)
				}
			}
		}
		if len(nl.items) > 1 {
			g.lists = append(g.lists, nl)
		}
	}
}

// stepParams records the parameters of a step's body.
func (g *gen) stepParams(body *yaml.Node) {
	name := valueOf(body, "name")
	if name == nil {
		return
	}
	g.steps = append(g.steps, name)
	if g.bodies == nil {
		g.bodies = map[string]*yaml.Node{}
	}
	g.bodies[name.Value] = body
	ps := valueOf(body, "parameters")
	if ps == nil || ps.Kind != yaml.SequenceNode {
		return
	}
	for _, p := range ps.Content {
		if n := valueOf(p, "name"); n != nil && n.Kind == yaml.ScalarNode && n.Style == 0 {
			g.params = append(g.params, paramSite{step: name.Value, name: n, body: p})
		}
	}
}

func valueOf(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func scalar(n *yaml.Node, key string) string {
	if v := valueOf(n, key); v != nil && v.Kind == yaml.ScalarNode {
		return v.Value
	}
	return ""
}

// off is the byte offset of a node.
func (g *gen) off(n *yaml.Node) int { return g.m.OffsetOfLineCol(n.Line, n.Column) }

// replace returns the text with the plain scalar n written as s.
func (g *gen) replace(n *yaml.Node, s string) string {
	at := g.off(n)
	if !strings.HasPrefix(g.text[at:], n.Value) {
		return ""
	}
	return g.text[:at] + s + g.text[at+len(n.Value):]
}

// plainOnLine reports whether n is a plain scalar written on one line.
func (g *gen) plainOnLine(n *yaml.Node) bool {
	if n == nil || n.Kind != yaml.ScalarNode || n.Style != 0 || n.Value == "" || strings.ContainsAny(n.Value, "\n") {
		return false
	}
	at := g.off(n)
	return strings.HasPrefix(g.text[at:], n.Value)
}

// blockKey reports whether key k is written at the start of its line
// (or after a list item's dash) in a block mapping.
func (g *gen) blockKey(s site) bool {
	if s.parent.Style&yaml.FlowStyle != 0 || !g.plainOnLine(s.key) {
		return false
	}
	line := g.lines[s.key.Line-1]
	pre := strings.TrimLeft(line[:min(len(line), g.off(s.key)-g.m.LineStart(s.key.Line-1))], " ")
	return pre == "" || pre == "- "
}

// mutant builds a mutant whose mistake is on n's line.
func mutant(k Kind, text string, n *yaml.Node, what string) Mutant {
	return Mutant{Kind: k, Text: text, From: n.Line - 1, To: n.Line - 1, What: what}
}

// pick returns at most limit of ms, chosen at random.
func (g *gen) pick(ms []Mutant, limit int) []Mutant {
	g.rng.Shuffle(len(ms), func(i, j int) { ms[i], ms[j] = ms[j], ms[i] })
	if len(ms) > limit {
		ms = ms[:limit]
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].From < ms[j].From })
	return ms
}

// perKind bounds how many mistakes of one kind a file gets.
const perKind = 6
