package model

import (
	"slices"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/schema"
)

// Kind is what a symbol is.
type Kind string

// Symbol kinds.
const (
	KindStep              Kind = "step"
	KindTask              Kind = "task"
	KindEndpoint          Kind = "endpoint"
	KindDeployment        Kind = "deployment"
	KindPipeline          Kind = "pipeline"
	KindNode              Kind = "node"
	KindEdge              Kind = "edge"
	KindParameter         Kind = "parameter"
	KindInput             Kind = "input"
	KindOutput            Kind = "output"
	KindPipelineParameter Kind = "pipeline parameter"
	KindFile              Kind = "file"
)

// Symbol is a named thing the file defines (or an edge, for the outline).
type Symbol struct {
	Kind Kind
	// Name is the value of the item's name key, "" when it has none.
	Name string
	// Detail says more about the kind ("execution node", "step").
	Detail string
	// Named reports that NameSpan locates the name in the text: the
	// name's characters without quotes, and Value the scalar as written.
	Named    bool
	NameSpan document.Span
	Value    document.Span
	// NameNode is the name's scalar, nil when the symbol has no name.
	NameNode *yaml.Node
	// Flow reports a name written inside a flow mapping.
	Flow bool
	// Range covers the whole construct.
	Range    document.Span
	Parent   *Symbol
	Children []*Symbol
	// Body is the construct's mapping (an edge's list, for a shorthand edge).
	Body *yaml.Node
	// NameType is the schema type of the name, when the schema knows it.
	NameType *schema.Type

	// For top-level items: Key is the item's kind key as the loader reads
	// it (blueprint and pipeline are both KindPipeline), KeyNode where it
	// is written, and Node the item's mapping.
	Key     *schema.Key
	KeyNode *yaml.Node
	Node    *yaml.Node
	// Broken reports an item recovered from lines with a YAML syntax
	// error: its names are what could be read, and it may define more.
	Broken bool
	// Untextual reports a name written as a scalar that YAML reads as
	// something other than text (null, a number, a boolean, a date): an
	// error of its own. Such a symbol defines no name, and what it was
	// meant to define cannot be told (see Doubt).
	Untextual bool

	// load gives the whole symbol of a hollow one (see Hollow), and
	// names are the names of that one's children.
	load  func() *Symbol
	names []kindNames
	// outputs are, for a hollow step, what DeclaredOutputs says of the
	// whole one (the edges of other items ask it for every output end).
	outputs *declared

	// named indexes Children by kind and name (the last of each name);
	// it is not changed once made, so that copies share it.
	named map[childKey]int
	// expanded reports that the children were read.
	expanded bool
	// untextual indexes, for each kind, the first child of that kind whose
	// name is not text; like named, it is shared by copies.
	untextual map[Kind]int
	// unread lists the kinds of children whose list could not all be
	// read (see Unread); like named, it is shared by copies.
	unread map[Kind]bool
}

type childKey struct {
	kind Kind
	name string
}

// addChild appends c to s's children.
func (s *Symbol) addChild(c *Symbol) {
	s.Children = append(s.Children, c)
	if c.Untextual {
		if s.untextual == nil {
			s.untextual = map[Kind]int{}
		}
		if _, ok := s.untextual[c.Kind]; !ok {
			s.untextual[c.Kind] = len(s.Children) - 1
		}
		return
	}
	if c.Name == "" {
		return
	}
	if s.named == nil {
		s.named = map[childKey]int{}
	}
	s.named[childKey{c.Kind, c.Name}] = len(s.Children) - 1
}

// KindOf maps a top-level kind to its symbol kind (pipelines and
// blueprints share one).
func KindOf(k *schema.Key) Kind {
	switch k {
	case schema.StepKind:
		return KindStep
	case schema.TaskKind:
		return KindTask
	case schema.EndpointKind:
		return KindEndpoint
	case schema.DeploymentKind:
		return KindDeployment
	case schema.PipelineKind, schema.BlueprintKind:
		return KindPipeline
	}
	return ""
}

// ItemKind returns the kind key of a top-level item and where it is
// written. When the item has several kind keys, the official loader takes
// the first in its order of preference, whatever their order in the file.
func ItemKind(n *yaml.Node) (*schema.Key, *yaml.Node) {
	n = document.Deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil, nil
	}
	for _, kind := range schema.Kinds() {
		if k := document.KeyOf(n, kind.Name); k != nil {
			return kind, k
		}
	}
	return nil, nil
}

// item makes the symbol of a top-level item.
func (x *Model) item(node *yaml.Node, broken bool) *Symbol {
	n := document.Deref(node)
	kk, key := ItemKind(n)
	if kk == nil {
		return nil
	}
	kind := KindOf(kk)
	if kind == "" {
		return nil
	}
	s := &Symbol{Kind: kind, Detail: kk.Name, Range: x.rangeOf(n), Key: kk, KeyNode: key, Node: n, Broken: broken}
	body := document.Deref(document.ValueOf(n, key.Value))
	if body == nil || body.Kind != yaml.MappingNode {
		return s
	}
	s.Body = body
	x.name(s, kk.Type.Object)
	if !x.shallow {
		x.childrenOf(s)
	}
	return s
}

// Expand reads the children of s (a step's parameters, a pipeline's
// nodes...) in a model built by FromItems, which reads only the items'
// names until asked.
func (x *Model) Expand(s *Symbol) {
	if s == nil || !x.shallow || s.expanded {
		return
	}
	x.childrenOf(s)
}

// childrenOf reads the children of the top-level item s.
func (x *Model) childrenOf(s *Symbol) {
	if s.Body == nil || s.expanded {
		return
	}
	s.expanded = true
	obj := s.Key.Type.Object
	switch s.Kind {
	case KindStep:
		x.children(s, obj, schema.XParameters, KindParameter)
		x.children(s, obj, schema.XInputs, KindInput)
		x.children(s, obj, schema.XOutputs, KindOutput)
	case KindEndpoint:
		x.children(s, obj, schema.XFiles, KindFile)
	case KindPipeline:
		x.children(s, obj, schema.XNodes, KindNode)
		x.edges(s)
		x.children(s, obj, schema.XParameters, KindPipelineParameter)
	}
}

// rangeOf returns the span of a construct, its list dash included
// (nothing in a model without positions).
func (x *Model) rangeOf(n *yaml.Node) document.Span {
	if x.m == nil {
		return document.Span{}
	}
	return withDash(x.m, extent(x.m, n))
}

// name reads the name of s from its body.
func (x *Model) name(s *Symbol, obj *schema.Obj) {
	x.all = append(x.all, s)
	label := schema.XName
	if obj != nil && obj.Label != "" {
		label = obj.Label
	}
	if k := obj.Key(label); k != nil {
		s.NameType = k.Type
	}
	v := document.Deref(document.ValueOf(s.Body, label))
	if v == nil || v.Kind != yaml.ScalarNode {
		return
	}
	s.Untextual = document.Resolve11(v) != document.String
	if v.Value == "" {
		return
	}
	s.Name, s.NameNode = v.Value, v
	if x.m == nil {
		return
	}
	if inner, whole, ok := ValueText(x.m, v); ok {
		s.Named, s.NameSpan, s.Value = true, inner, whole
		s.Flow = s.Body.Style&yaml.FlowStyle != 0
	}
}

// childObj returns the construct of the items of obj's list key.
func childObj(obj *schema.Obj, key string) *schema.Obj {
	k := obj.Key(key)
	if k == nil || k.Type == nil {
		return nil
	}
	t := k.Type.ForShape(schema.ShapeSequence)
	if t == nil || t.Kind != schema.List || t.Items == nil {
		return nil
	}
	if it := t.Items.ForShape(schema.ShapeMapping); it != nil && it.Kind == schema.Object {
		return it.Object
	}
	return nil
}

// children adds a symbol for each mapping in the list under key.
func (x *Model) children(parent *Symbol, obj *schema.Obj, key string, kind Kind) {
	co := childObj(obj, key)
	list := document.Deref(document.ValueOf(parent.Body, key))
	if list != nil && list.Kind != yaml.SequenceNode && (list.Kind != yaml.ScalarNode || document.Resolve11(list) != document.Null) {
		parent.markUnread(kind)
	}
	for _, e := range Elements(list) {
		if e == nil || e.Kind != yaml.MappingNode {
			parent.markUnread(kind)
			continue
		}
		if v := document.Deref(document.ValueOf(e, schema.XName)); v == nil || v.Kind != yaml.ScalarNode {
			parent.markUnread(kind)
		}
		s := &Symbol{Kind: kind, Detail: string(kind), Parent: parent, Body: e, Range: x.rangeOf(e), Broken: parent.Broken}
		o := co
		if kind == KindNode {
			typ := document.Scalar(document.Deref(document.ValueOf(e, schema.XType)))
			if typ != "" {
				s.Detail = typ + " node"
			}
			if o != nil {
				o = o.Select(typ)
			}
		}
		x.name(s, o)
		parent.addChild(s)
	}
}

// edges adds an outline entry for each edge of a pipeline.
func (x *Model) edges(p *Symbol) {
	for _, e := range Elements(document.ValueOf(p.Body, schema.XEdges)) {
		if e == nil {
			continue
		}
		src, dst, ok := EdgeEnds(e)
		if !ok {
			continue
		}
		s := &Symbol{Kind: KindEdge, Detail: "edge", Parent: p, Body: e, Range: x.rangeOf(e), Broken: p.Broken}
		s.Name = orQ(document.Scalar(src)) + " → " + orQ(document.Scalar(dst))
		s.NameSpan = document.Span{Start: s.Range.Start, End: s.Range.Start}
		if x.m != nil && src != nil && src.Kind == yaml.ScalarNode {
			s.NameSpan = x.m.NodeSpan(src)
		}
		p.addChild(s)
	}
}

// EdgeEnds returns the source and target of an edge written either as
// `[source, target]` or as a mapping (nil for an end that is not written).
// ok is false when e is neither form.
func EdgeEnds(e *yaml.Node) (src, dst *yaml.Node, ok bool) {
	e = document.Deref(e)
	if e == nil {
		return nil, nil, false
	}
	switch e.Kind {
	case yaml.SequenceNode:
		if len(e.Content) > 0 {
			src = document.Deref(e.Content[0])
		}
		if len(e.Content) > 1 {
			dst = document.Deref(e.Content[1])
		}
		return src, dst, true
	case yaml.MappingNode:
		return document.Deref(document.ValueOf(e, schema.XSource)), document.Deref(document.ValueOf(e, schema.XTarget)), true
	}
	return nil, nil, false
}

func orQ(s string) string {
	if s == "" {
		return "?"
	}
	return s
}

// Child returns parent's child of kind called name (the last one, as in
// the official loader).
func Child(parent *Symbol, kind Kind, name string) *Symbol {
	if parent == nil || name == "" {
		return nil
	}
	if parent.IsHollow() {
		if _, ok := slices.BinarySearch(parent.hollowNames(kind), name); ok {
			return &Symbol{Kind: kind, Name: name, Parent: parent} // its name, without its tree
		}
		return nil
	}
	if i, ok := parent.named[childKey{kind, name}]; ok {
		return parent.Children[i]
	}
	return nil
}

// kindNames are the names of a hollow item's children of one kind,
// sorted.
type kindNames struct {
	kind  Kind
	names []string
}

// hollowNames returns the names of the hollow item s's children of kind.
func (s *Symbol) hollowNames(kind Kind) []string {
	for _, k := range s.names {
		if k.kind == kind {
			return k.names
		}
	}
	return nil
}

// Doubt returns the child of parent of kind whose name is not text, if
// any: a name that parent does not define may be the one it meant.
func Doubt(parent *Symbol, kind Kind) *Symbol {
	if parent == nil {
		return nil
	}
	if i, ok := parent.untextual[kind]; ok {
		if parent.IsHollow() {
			return &Symbol{Kind: kind, Untextual: true, Parent: parent}
		}
		return parent.Children[i]
	}
	return nil
}

// Unread reports that parent's list of children of kind could not all be
// read: it is not a list, or one of its items is not a mapping or has no
// name (`- name:lr` is the string "name:lr"). Each has an error of its
// own, and a name the list lacks cannot be told missing.
func Unread(parent *Symbol, kind Kind) bool {
	return parent != nil && parent.unread[kind]
}

func (s *Symbol) markUnread(kind Kind) {
	if s.unread == nil {
		s.unread = map[Kind]bool{}
	}
	s.unread[kind] = true
}

// ChildNames returns the names of parent's children of kind, each once,
// in the order they first appear (sorted, for a hollow item: see Hollow).
func ChildNames(parent *Symbol, kind Kind) []string {
	if parent == nil {
		return nil
	}
	var out []string
	if parent.IsHollow() {
		return append(out, parent.hollowNames(kind)...)
	}
	seen := map[string]bool{}
	for _, c := range parent.Children {
		if c.Kind == kind && c.Name != "" && !c.Untextual && !seen[c.Name] {
			seen[c.Name] = true
			out = append(out, c.Name)
		}
	}
	return out
}

// Title is how an outline names a symbol: its name, or a placeholder
// saying what is unnamed.
func (s *Symbol) Title() string {
	if s.Name != "" {
		return s.Name
	}
	return "(unnamed " + string(s.Kind) + ")"
}

// Selection is the part of the symbol to reveal and select: its name when
// it has one inside the symbol (an alias's name is written elsewhere),
// else the start of its range.
func (s *Symbol) Selection() (start, end int) {
	inside := s.NameSpan.Start >= s.Range.Start && s.NameSpan.End <= s.Range.End
	if inside && (s.Named || (s.Kind == KindEdge && s.NameSpan.End > s.NameSpan.Start)) {
		return s.NameSpan.Start, s.NameSpan.End
	}
	return s.Range.Start, s.Range.Start
}
