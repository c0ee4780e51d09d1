package navigation

import (
	"regexp"
	"strings"

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
	// Range covers the whole construct.
	Range    document.Span
	Parent   *Symbol
	Children []*Symbol
	// Body is the construct's mapping.
	Body *yaml.Node
	// NameType is the schema type of the name, when the schema knows it.
	NameType *schema.Type

	nameNode *yaml.Node
	flow     bool
}

// Role says where a reference is written.
type Role int

// Reference roles.
const (
	RoleStep          Role = iota // a node's or a task's step
	RoleTask                      // a task node's task blueprint
	RoleDeployment                // a deployment node's deployment
	RoleEndpoint                  // a deployment node's endpoints
	RoleSocket                    // a part of an edge's source or target
	RoleTarget                    // a part of a pipeline parameter's target
	RolePlaceholder               // a {parameter:NAME} placeholder in a command
	RoleOverride                  // a name in a node's override
	RoleTaskParameter             // a name in a task's parameters or parameter sets
)

// Ref is a place that refers to a symbol by name.
type Ref struct {
	// Span is the name as written (inside quotes, or a part of a socket).
	Span document.Span
	// Whole reports that the name is the whole value of a scalar, written
	// as Value (quotes included) in Style.
	Whole bool
	Value document.Span
	Style yaml.Style
	// Kind and Name are what is referred to; Target is its definition,
	// nil when the file does not define it.
	Kind   Kind
	Name   string
	Target *Symbol
	// From is the construct the reference is written in.
	From *Symbol
	Role Role

	flow bool
}

// Index is the symbols and references of one version of a document.
type Index struct {
	Doc *document.Document
	// Items are the top-level items that are symbols, in file order.
	Items []*Symbol
	// Refs are every reference, in the order found.
	Refs []*Ref

	m   *document.Mapper
	all []*Symbol
	top map[Kind]map[string]*Symbol
}

// Build indexes doc.
func Build(doc *document.Document) *Index {
	x := &Index{Doc: doc, m: doc.Mapper(), top: map[Kind]map[string]*Symbol{}}
	for _, it := range doc.Parsed().Items {
		if s := x.item(it); s != nil {
			x.Items = append(x.Items, s)
		}
	}
	for _, s := range x.Items {
		x.refsOf(s)
	}
	return x
}

// kindOf maps the top-level kinds to symbol kinds.
func kindOf(k *schema.Key) Kind {
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

// item makes the symbol of a top-level item.
func (x *Index) item(it *document.Item) *Symbol {
	n := document.Deref(it.Node)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		kk := schema.KindNamed(n.Content[i].Value)
		if kk == nil {
			continue
		}
		kind := kindOf(kk)
		if kind == "" {
			return nil
		}
		s := &Symbol{Kind: kind, Detail: kk.Name, Range: withDash(x.m, extent(x.m, n))}
		body := document.Deref(n.Content[i+1])
		if body == nil || body.Kind != yaml.MappingNode {
			return s
		}
		s.Body = body
		obj := kk.Type.Object
		x.name(s, obj)
		if s.Name != "" {
			if x.top[kind] == nil {
				x.top[kind] = map[string]*Symbol{}
			}
			x.top[kind][s.Name] = s
		}
		switch kind {
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
		return s
	}
	return nil
}

// name reads the name of s from its body.
func (x *Index) name(s *Symbol, obj *schema.Obj) {
	x.all = append(x.all, s)
	if k := obj.Key(schema.XName); k != nil {
		s.NameType = k.Type
	}
	v := document.Deref(document.ValueOf(s.Body, schema.XName))
	if v == nil || v.Kind != yaml.ScalarNode || v.Value == "" {
		return
	}
	s.Name, s.nameNode = v.Value, v
	if inner, whole, ok := valueText(x.m, v); ok {
		s.Named, s.NameSpan, s.Value = true, inner, whole
		s.flow = s.Body.Style&yaml.FlowStyle != 0
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
func (x *Index) children(parent *Symbol, obj *schema.Obj, key string, kind Kind) {
	co := childObj(obj, key)
	for _, e := range elements(document.ValueOf(parent.Body, key)) {
		if e == nil || e.Kind != yaml.MappingNode {
			continue
		}
		s := &Symbol{Kind: kind, Detail: string(kind), Parent: parent, Body: e, Range: withDash(x.m, extent(x.m, e))}
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
		parent.Children = append(parent.Children, s)
	}
}

// edges adds an outline entry for each edge of a pipeline.
func (x *Index) edges(p *Symbol) {
	for _, e := range elements(document.ValueOf(p.Body, schema.XEdges)) {
		if e == nil {
			continue
		}
		var src, dst *yaml.Node
		switch e.Kind {
		case yaml.SequenceNode:
			if len(e.Content) > 0 {
				src = document.Deref(e.Content[0])
			}
			if len(e.Content) > 1 {
				dst = document.Deref(e.Content[1])
			}
		case yaml.MappingNode:
			src, dst = document.Deref(document.ValueOf(e, schema.XSource)), document.Deref(document.ValueOf(e, schema.XTarget))
		default:
			continue
		}
		s := &Symbol{Kind: KindEdge, Detail: "edge", Parent: p, Body: e, Range: withDash(x.m, extent(x.m, e))}
		s.Name = orQ(document.Scalar(src)) + " → " + orQ(document.Scalar(dst))
		if src != nil && src.Kind == yaml.ScalarNode {
			s.NameSpan = x.m.NodeSpan(src)
		} else {
			s.NameSpan = document.Span{Start: s.Range.Start, End: s.Range.Start}
		}
		p.Children = append(p.Children, s)
	}
}

func orQ(s string) string {
	if s == "" {
		return "?"
	}
	return s
}

// lookup returns the top-level item of kind called name (the last one, as
// a later item replaces an earlier one of the same name).
func (x *Index) lookup(kind Kind, name string) *Symbol {
	return x.top[kind][name]
}

// child returns parent's child of kind called name (the last one).
func child(parent *Symbol, kind Kind, name string) *Symbol {
	if parent == nil || name == "" {
		return nil
	}
	var found *Symbol
	for _, c := range parent.Children {
		if c.Kind == kind && c.Name == name {
			found = c
		}
	}
	return found
}

// stepOf returns the step a node (or task) runs: its step, or its task
// blueprint's step.
func (x *Index) stepOf(s *Symbol) *Symbol {
	if s == nil || s.Body == nil {
		return nil
	}
	if name := document.Scalar(document.Deref(document.ValueOf(s.Body, schema.XStep))); name != "" {
		return x.lookup(KindStep, name)
	}
	if s.Kind == KindNode {
		if t := x.lookup(KindTask, document.Scalar(document.Deref(document.ValueOf(s.Body, schema.XTask)))); t != nil {
			return x.stepOf(t)
		}
	}
	return nil
}

// refsOf records the references written in a top-level item.
func (x *Index) refsOf(s *Symbol) {
	if s.Body == nil {
		return
	}
	switch s.Kind {
	case KindStep:
		x.commands(s.Body, s, s)
	case KindTask:
		x.whole(document.ValueOf(s.Body, schema.XStep), KindStep, nil, s, RoleStep)
		step := x.stepOf(s)
		for _, e := range elements(document.ValueOf(s.Body, schema.XParameters)) {
			x.whole(document.ValueOf(e, schema.XName), KindParameter, step, s, RoleTaskParameter)
		}
		for _, set := range elements(document.ValueOf(s.Body, schema.XParameterSets)) {
			if set != nil && set.Kind == yaml.MappingNode {
				for i := 0; i+1 < len(set.Content); i += 2 {
					x.whole(set.Content[i], KindParameter, step, s, RoleTaskParameter)
				}
			}
		}
	case KindPipeline:
		for _, c := range s.Children {
			switch c.Kind {
			case KindNode:
				x.nodeRefs(c)
			case KindEdge:
				x.edgeRefs(s, c)
			case KindPipelineParameter:
				for _, t := range scalarsOf(document.ValueOf(c.Body, schema.XTargets)) {
					x.socket(s, t, c, RoleTarget)
				}
				for _, t := range scalarsOf(document.ValueOf(c.Body, schema.XTarget)) {
					x.socket(s, t, c, RoleTarget)
				}
			}
		}
	}
}

// nodeRefs records what a pipeline node refers to.
func (x *Index) nodeRefs(n *Symbol) {
	x.whole(document.ValueOf(n.Body, schema.XStep), KindStep, nil, n, RoleStep)
	x.whole(document.ValueOf(n.Body, schema.XTask), KindTask, nil, n, RoleTask)
	if document.Scalar(document.Deref(document.ValueOf(n.Body, schema.XType))) == schema.NodeDeployment {
		x.whole(document.ValueOf(n.Body, schema.XDeployment), KindDeployment, nil, n, RoleDeployment)
		for _, e := range scalarsOf(document.ValueOf(n.Body, schema.XEndpoints)) {
			x.whole(e, KindEndpoint, nil, n, RoleEndpoint)
		}
	}
	ov := document.Deref(document.ValueOf(n.Body, schema.XOverride))
	if ov == nil || ov.Kind != yaml.MappingNode {
		return
	}
	step := x.stepOf(n)
	for _, e := range elements(document.ValueOf(ov, schema.XParameters)) {
		x.whole(document.ValueOf(e, schema.XName), KindParameter, step, n, RoleOverride)
	}
	for _, e := range elements(document.ValueOf(ov, schema.XInputs)) {
		x.whole(document.ValueOf(e, schema.XName), KindInput, step, n, RoleOverride)
	}
	if step != nil {
		x.commands(ov, step, n)
	}
}

// edgeRefs records the sockets of an edge.
func (x *Index) edgeRefs(p, e *Symbol) {
	switch e.Body.Kind {
	case yaml.SequenceNode:
		for _, s := range e.Body.Content {
			x.socket(p, document.Deref(s), e, RoleSocket)
		}
	case yaml.MappingNode:
		x.socket(p, document.Deref(document.ValueOf(e.Body, schema.XSource)), e, RoleSocket)
		x.socket(p, document.Deref(document.ValueOf(e.Body, schema.XTarget)), e, RoleSocket)
	}
}

// whole records a reference that is a scalar's whole value. scope is the
// symbol whose children are looked in, nil for top-level items.
func (x *Index) whole(n *yaml.Node, kind Kind, scope *Symbol, from *Symbol, role Role) {
	n = document.Deref(n)
	if n == nil || n.Kind != yaml.ScalarNode || n.Value == "" {
		return
	}
	inner, whole, ok := valueText(x.m, n)
	if !ok {
		return
	}
	r := &Ref{Span: inner, Whole: true, Value: whole, Style: n.Style, Kind: kind, Name: n.Value, From: from, Role: role}
	if scope != nil {
		r.Target = child(scope, kind, n.Value)
	} else if kind != KindParameter && kind != KindInput && kind != KindOutput {
		r.Target = x.lookup(kind, n.Value)
	}
	x.Refs = append(x.Refs, r)
}

// part records a reference that is a part of a scalar.
func (x *Index) part(sp document.Span, kind Kind, name string, target *Symbol, from *Symbol, role Role) {
	if name == "" {
		return
	}
	x.Refs = append(x.Refs, &Ref{Span: sp, Kind: kind, Name: name, Target: target, From: from, Role: role})
}

// socket records the parts of a `<node>.<type>.<key>` socket string: the
// node, and the step's input, output or parameter (or the endpoint and
// its file) that the key names.
func (x *Index) socket(p *Symbol, n *yaml.Node, from *Symbol, role Role) {
	if n == nil || n.Kind != yaml.ScalarNode {
		return
	}
	inner, _, ok := valueText(x.m, n)
	if !ok {
		return
	}
	v := n.Value
	i1 := strings.IndexByte(v, '.')
	if i1 < 0 {
		x.part(inner, KindNode, v, child(p, KindNode, v), from, role)
		return
	}
	nodeName := v[:i1]
	node := child(p, KindNode, nodeName)
	x.part(document.Span{Start: inner.Start, End: inner.Start + i1}, KindNode, nodeName, node, from, role)
	rest := v[i1+1:]
	i2 := strings.IndexByte(rest, '.')
	if i2 < 0 {
		return
	}
	typ, key := rest[:i2], rest[i2+1:]
	keyStart := inner.Start + i1 + 1 + i2 + 1
	keySpan := document.Span{Start: keyStart, End: keyStart + len(key)}
	step := x.stepOf(node)
	switch {
	case role == RoleTarget && strings.HasPrefix(typ, schema.SocketParameter),
		role == RoleSocket && typ == schema.SocketParameter:
		x.part(keySpan, KindParameter, key, child(step, KindParameter, key), from, role)
	case role == RoleSocket && typ == schema.SocketInput:
		x.part(keySpan, KindInput, key, child(step, KindInput, key), from, role)
	case role == RoleSocket && typ == schema.SocketOutput && !strings.ContainsAny(key, "*?["):
		x.part(keySpan, KindOutput, key, child(step, KindOutput, key), from, role)
	case role == RoleSocket && typ == schema.SocketFile:
		ep, file, _ := strings.Cut(key, ".")
		epSym := x.lookup(KindEndpoint, ep)
		x.part(document.Span{Start: keyStart, End: keyStart + len(ep)}, KindEndpoint, ep, epSym, from, role)
		if file != "" {
			fs := keyStart + len(ep) + 1
			x.part(document.Span{Start: fs, End: fs + len(file)}, KindFile, file, child(epSym, KindFile, file), from, role)
		}
	}
}

// placeholderRe matches the command placeholders that name a parameter,
// built from the schema's list (those written with NAME).
var placeholderRe = func() *regexp.Regexp {
	var alts []string
	for _, p := range schema.Placeholders {
		if before, _, ok := strings.Cut(p.Text, "NAME"); ok {
			alts = append(alts, regexp.QuoteMeta(before))
		}
	}
	if len(alts) == 0 {
		return regexp.MustCompile(`a^`)
	}
	return regexp.MustCompile(`(?:` + strings.Join(alts, "|") + `)([^{}\s]+)\}`)
}()

// commands records the parameter placeholders in the command of body,
// which belong to step.
func (x *Index) commands(body *yaml.Node, step, from *Symbol) {
	key := document.KeyOf(body, schema.XCommand)
	v := document.Deref(document.ValueOf(body, schema.XCommand))
	if key == nil || v == nil {
		return
	}
	lines := []*yaml.Node{v}
	parentCol := column(key)
	if v.Kind == yaml.SequenceNode {
		lines, parentCol = scalarsOf(v), column(v)
	}
	text := x.m.Text()
	for _, l := range lines {
		if l.Kind != yaml.ScalarNode || !strings.Contains(l.Value, "{") {
			continue
		}
		r := region(x.m, l, parentCol)
		for _, mt := range placeholderRe.FindAllStringSubmatchIndex(text[r.Start:r.End], -1) {
			sp := document.Span{Start: r.Start + mt[2], End: r.Start + mt[3]}
			name := text[sp.Start:sp.End]
			x.part(sp, KindParameter, name, child(step, KindParameter, name), from, RolePlaceholder)
		}
	}
}

// At returns what is at offset off: a reference, or a symbol's name.
func (x *Index) At(off int) (*Symbol, *Ref) {
	for _, r := range x.Refs {
		if contains(r.Span, off) {
			return nil, r
		}
	}
	for _, s := range x.all {
		if s.Named && contains(s.NameSpan, off) {
			return s, nil
		}
	}
	return nil, nil
}

// Resolve returns the symbol meant at off: the symbol whose name is there,
// or the definition of the reference there. ref is the reference at off,
// if any.
func (x *Index) Resolve(off int) (sym *Symbol, ref *Ref) {
	s, r := x.At(off)
	if r != nil {
		return r.Target, r
	}
	return s, nil
}

// RefsTo returns the references to s, in file order.
func (x *Index) RefsTo(s *Symbol) []*Ref {
	var out []*Ref
	for _, r := range x.Refs {
		if r.Target == s {
			out = append(out, r)
		}
	}
	return out
}
