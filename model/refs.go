package model

import (
	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/schema"
)

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
	// as Value (quotes included) in Style; Flow that it is inside a flow
	// collection.
	Whole bool
	Value document.Span
	Style yaml.Style
	Flow  bool
	// Node is the scalar the reference is written in.
	Node *yaml.Node
	// Kind and Name are what is referred to; Target is its definition,
	// nil when the file does not define it. Scope is the symbol whose
	// children the name is one of (a node's step, an edge's pipeline),
	// nil for the names of top-level items.
	Kind   Kind
	Name   string
	Target *Symbol
	Scope  *Symbol
	// From is the construct the reference is written in, Item the
	// top-level item that holds it.
	From *Symbol
	Item *Symbol
	Role Role
	// Loose reports a name that need not be defined in this file: an
	// output that a step writes without declaring it, a deployment or an
	// endpoint that lives in the project, a step of a pinned commit.
	Loose bool
	// Unsure reports a name whose definition cannot be told: its scope is
	// not defined, or may hold more than could be read (a broken item).
	Unsure bool
	// Pattern reports an output socket's key that is a glob: it names the
	// files of every output it matches (none is its Target), and is
	// unresolved when it matches none the step declares.
	Pattern bool
	// Doubt is, for an Unsure name, the definition whose name is not text
	// (see Symbol.Untextual) that may be the one meant.
	Doubt *Symbol
	// Untextual reports a name written as a scalar that YAML does not read
	// as text (`step: 5`, `name: null`): an error of its own, so it names
	// nothing, and is neither resolved nor unresolved.
	Untextual bool
	// Alias reports a name written as an alias (`step: *n`) of a scalar
	// anchored elsewhere: Node is the alias, Span and Value its text, Name
	// the anchored scalar's value, as YAML loaders read it. Renaming the
	// anchored scalar renames it, so the alias itself is never rewritten.
	Alias bool
}

// doubt marks a name that scope does not define as Unsure when scope may
// define it still: scope is not known, is broken, has a child of the kind
// whose name is not text, or a list of them that could not all be read.
func (r *Ref) doubt(scope *Symbol) {
	if r.Target != nil {
		return
	}
	r.Doubt = Doubt(scope, r.Kind)
	r.Unsure = scope == nil || scope.Broken || r.mayBeIn(scope)
}

// mayBeIn reports whether scope may define r's name though it has no child
// of that name: one of its children of the kind has a name that is not
// text, or their list could not all be read.
func (r *Ref) mayBeIn(scope *Symbol) bool {
	return r.Doubt != nil || Unread(scope, r.Kind)
}

// Unresolved reports a reference to a name that the file should define
// and does not.
func (r *Ref) Unresolved() bool { return r.Target == nil && !r.Loose && !r.Unsure && !r.Untextual }

// walker finds the references of one top-level item by walking it along
// the schema. It loads no hollow item (see Hollow): the names of its
// children are enough to resolve a reference to one of them.
type walker struct {
	x    *Model
	item *Symbol
	refs []*Ref
	cmds []document.Span
}

// refsOf records the references written in a top-level item.
func (w *walker) refsOf(s *Symbol) {
	if s.Body == nil || s.Key.Type == nil {
		return
	}
	w.value(s.Body, s.Key.Type, s, -1)
}

// value walks n, of type t, inside the construct owner. col is the column
// of the key or dash that n is the value of (for multi-line scalars).
func (w *walker) value(n *yaml.Node, t *schema.Type, owner *Symbol, col int) {
	if n == nil || t == nil {
		return
	}
	if n.Kind == yaml.AliasNode {
		w.alias(n, t, owner, col)
		return
	}
	if s := w.x.SymbolOf(n); s != nil {
		owner = s
	}
	if t.Kind == schema.OneOf {
		if t = t.ForShape(schema.ShapeOf(n)); t == nil {
			return
		}
	}
	switch {
	case t.Kind == schema.Object && n.Kind == yaml.MappingNode && t.Object != nil:
		w.mapping(n, t.Object, owner)
	case t.Kind == schema.List && n.Kind == yaml.SequenceNode:
		for _, e := range n.Content {
			w.value(e, t.Items, owner, Column(n))
		}
	case n.Kind == yaml.ScalarNode && t.Ref != schema.RefNone:
		w.scalar(n, t.Ref, owner, col)
	}
}

// alias records the reference that an alias of a scalar makes where a
// whole name belongs: the alias names what its anchored scalar names
// there. A collection it brings is walked where its anchor is, and so is
// a scalar of parts (a socket, a command), whose parts are not in the
// alias's text.
func (w *walker) alias(n *yaml.Node, t *schema.Type, owner *Symbol, col int) {
	a := n.Alias
	if a == nil || a.Kind != yaml.ScalarNode {
		return
	}
	if t.Kind == schema.OneOf {
		if t = t.ForShape(schema.ShapeOf(a)); t == nil {
			return
		}
	}
	switch t.Ref {
	case schema.RefNone, schema.RefSocket, schema.RefParamTarget, schema.RefCommand:
		return
	}
	w.scalar(n, t.Ref, owner, col)
}

// mapping walks the keys of a mapping of construct obj.
func (w *walker) mapping(n *yaml.Node, obj *schema.Obj, owner *Symbol) {
	if obj.Discriminator != "" {
		obj = obj.Select(document.Scalar(document.Deref(document.ValueOf(n, obj.Discriminator))))
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if document.IsMerge(k) {
			w.merged(v, obj, owner)
			continue
		}
		if obj.KeyRef != schema.RefNone && obj.Key(k.Value) == nil {
			w.scalar(k, obj.KeyRef, owner, -1)
			continue
		}
		t := obj.Values
		if key := obj.Key(k.Value); key != nil {
			t = key.Type
		}
		w.value(v, t, owner, Column(k))
	}
}

// merged walks the mappings a `<<` key of a mapping of construct obj
// merges that are written there; an alias's mapping is walked where its
// anchor is.
func (w *walker) merged(v *yaml.Node, obj *schema.Obj, owner *Symbol) {
	if v.Kind == yaml.AliasNode {
		return
	}
	if v.Kind == yaml.MappingNode {
		w.mapping(v, obj, owner)
		return
	}
	for _, e := range v.Content {
		if e.Kind == yaml.MappingNode {
			w.mapping(e, obj, owner)
		}
	}
}

// scalar records the reference that the scalar n makes, of kind ref.
func (w *walker) scalar(n *yaml.Node, ref schema.Ref, owner *Symbol, col int) {
	x := w.x
	switch ref {
	case schema.RefStep:
		r := w.whole(n, KindStep, nil, owner, RoleStep)
		if r != nil && owner.Kind == KindNode {
			st := x.StepOf(owner)
			r.Loose = st.Status == StepElsewhere || st.Task != nil || st.TaskMissing
		}
	case schema.RefTask:
		r := w.whole(n, KindTask, nil, owner, RoleTask)
		if r != nil && owner.Kind == KindNode {
			typ := document.Scalar(document.Deref(document.ValueOf(owner.Body, schema.XType)))
			r.Loose = Pinned(owner.Body) || typ != schema.NodeTask
		}
	case schema.RefDeployment:
		if r := w.whole(n, KindDeployment, nil, owner, RoleDeployment); r != nil {
			r.Loose = true // deployments are made in the project, not only here
		}
	case schema.RefEndpoint:
		w.whole(n, KindEndpoint, nil, owner, RoleEndpoint)
	case schema.RefSocket:
		w.socket(n, owner, RoleSocket)
	case schema.RefParamTarget:
		w.socket(n, owner, RoleTarget)
	case schema.RefStepParam, schema.RefStepInput:
		kind, role := KindParameter, RoleOverride
		if ref == schema.RefStepInput {
			kind = KindInput
		}
		if owner.Kind == KindTask {
			role = RoleTaskParameter
		}
		w.scoped(n, kind, owner, role)
	case schema.RefCommand:
		w.command(n, owner, col)
	}
}

// scoped records a name of the step that owner (a node or a task) runs.
func (w *walker) scoped(n *yaml.Node, kind Kind, owner *Symbol, role Role) {
	st := w.x.StepOf(owner)
	r := w.whole(n, kind, st.Step, owner, role)
	if r == nil {
		return
	}
	// A task may pass parameters its step does not declare (the official
	// tool checks none of them): one its step lacks is allowed.
	r.Loose = st.Status == StepElsewhere || role == RoleTaskParameter
	r.Unsure = !r.Loose && (!st.Checkable() || r.mayBeIn(r.Scope))
}

// whole records a reference that is a scalar's whole value. scope is the
// symbol whose children are looked in, nil for top-level items.
func (w *walker) whole(n *yaml.Node, kind Kind, scope *Symbol, from *Symbol, role Role) *Ref {
	x := w.x
	r := w.written(n)
	if r == nil {
		return nil
	}
	v := document.Deref(n)
	r.Kind, r.Name, r.Scope, r.From, r.Item, r.Role = kind, v.Value, scope, from, w.item, role
	switch {
	case document.Resolve11(v) != document.String:
		r.Untextual = true
	case kind == KindParameter, kind == KindInput, kind == KindOutput, kind == KindFile:
		r.Target = Child(scope, kind, v.Value)
		r.doubt(scope)
	default:
		r.Target = x.find(kind, v.Value)
		r.Unsure = r.Target == nil && x.MayDefine(kind)
		if r.Unsure {
			r.Doubt = x.DoubtOf(kind)
		}
	}
	w.refs = append(w.refs, r)
	return r
}

// written returns a reference written as the whole scalar n, or as an
// alias n of a scalar, with its place and no name yet; nil when n is no
// such scalar, is empty, or its text cannot be found.
func (w *walker) written(n *yaml.Node) *Ref {
	v := document.Deref(n)
	if n == nil || v.Kind != yaml.ScalarNode || v.Value == "" {
		return nil
	}
	if n.Kind == yaml.AliasNode {
		sp := w.x.m.NodeSpan(n)
		if sp.End-sp.Start < 2 || w.x.m.Text()[sp.Start] != '*' {
			return nil
		}
		return &Ref{Span: sp, Whole: true, Value: sp, Node: n, Alias: true}
	}
	inner, whole, ok := ValueText(w.x.m, n)
	if !ok {
		return nil
	}
	return &Ref{Span: inner, Whole: true, Value: whole, Style: n.Style, Node: n}
}

// part records a reference that is a part of a scalar.
func (w *walker) part(n *yaml.Node, sp document.Span, kind Kind, name string, scope, from *Symbol, role Role) *Ref {
	if name == "" {
		return nil
	}
	r := &Ref{Span: sp, Node: n, Kind: kind, Name: name, Scope: scope, Target: Child(scope, kind, name), From: from, Item: w.item, Role: role}
	r.doubt(scope)
	w.refs = append(w.refs, r)
	return r
}

// socket records the parts of a `<node>.<type>.<key>` socket string: the
// node, and the step's input, output or parameter (or the endpoint and
// its file) that the key names.
func (w *walker) socket(n *yaml.Node, from *Symbol, role Role) {
	p := w.item
	inner, _, ok := ValueText(w.x.m, n)
	if !ok {
		return
	}
	s := ParseSocket(n.Value)
	w.part(n, document.Span{Start: inner.Start, End: inner.Start + len(s.Node)}, KindNode, s.Node, p, from, role)
	node := Child(p, KindNode, s.Node)
	if s.Parts < 3 || node == nil {
		return
	}
	keySpan := document.Span{Start: inner.Start + s.KeyAt, End: inner.Start + s.KeyAt + len(s.Key)}
	if role == RoleTarget {
		// A target's key is read as a parameter name whatever its type
		// (a type other than parameter is an error of its own).
		w.stepPart(n, keySpan, KindParameter, s.Key, node, from, role)
		return
	}
	switch s.Type {
	case schema.SocketParameter:
		w.stepPart(n, keySpan, KindParameter, s.Key, node, from, role)
	case schema.SocketInput:
		w.stepPart(n, keySpan, KindInput, s.Key, node, from, role)
	case schema.SocketOutput:
		w.outputPart(n, keySpan, s.Key, node, from, role)
	case schema.SocketFile:
		if document.Scalar(document.Deref(document.ValueOf(node.Body, schema.XType))) == schema.NodeDeployment {
			w.fileParts(n, keySpan, s.Key, from, role)
		}
	}
}

// stepPart records a socket key that names a parameter, input or output
// of the step that node runs.
func (w *walker) stepPart(n *yaml.Node, sp document.Span, kind Kind, name string, node, from *Symbol, role Role) *Ref {
	if IsWildcard(name) {
		return nil
	}
	st := w.x.StepOf(node)
	r := w.part(n, sp, kind, name, st.Step, from, role)
	if r != nil && r.Target == nil {
		r.Loose = st.Status == StepElsewhere
		r.Unsure = !r.Loose && (!st.Checkable() || r.mayBeIn(r.Scope))
	}
	return r
}

// outputPart records the key of an output socket: a file name or a glob
// (Pattern) that names the files of the step's outputs it matches. A
// step need not declare the outputs it writes; one that declares them
// tells what it writes, so a key that matches none of them is unresolved.
func (w *walker) outputPart(n *yaml.Node, sp document.Span, key string, node, from *Symbol, role Role) {
	if key == "" {
		return
	}
	st := w.x.StepOf(node)
	r := w.part(n, sp, KindOutput, key, st.Step, from, role)
	r.Pattern = IsWildcard(key)
	r.Loose, r.Unsure = r.Target != nil || !w.undeclaredOutput(node, key), false
}

// undeclaredOutput reports whether the step that node runs is in the file
// and declares its outputs, and key matches none of them.
func (w *walker) undeclaredOutput(node *Symbol, key string) bool {
	st := w.x.StepOf(node)
	if !st.Checkable() {
		return false
	}
	matched, ok := MatchedOutputs(st.Step, key)
	return ok && len(matched) == 0
}

// fileParts records `<endpoint>.<file>`, the key of a deployment node's
// file socket.
func (w *walker) fileParts(n *yaml.Node, keySpan document.Span, key string, from *Symbol, role Role) {
	ep, file, _ := FileKey(key)
	epSym := w.x.find(KindEndpoint, ep)
	if r := w.part(n, document.Span{Start: keySpan.Start, End: keySpan.Start + len(ep)}, KindEndpoint, ep, nil, from, role); r != nil {
		r.Target, r.Unsure, r.Loose = epSym, false, epSym == nil // reported with the node's endpoints
	}
	if file == "" {
		return
	}
	fs := keySpan.Start + len(ep) + 1
	r := w.part(n, document.Span{Start: fs, End: fs + len(file)}, KindFile, file, epSym, from, role)
	if r != nil && epSym == nil {
		r.Unsure, r.Loose = false, true
	}
}

// command records the parameter placeholders in a command line written in
// a step, or in a node's override (placeholders of the node's step).
func (w *walker) command(n *yaml.Node, owner *Symbol, col int) {
	var scope *Symbol
	loose, unsure := false, false
	switch owner.Kind {
	case KindStep:
		scope = owner
	case KindNode:
		st := w.x.StepOf(owner)
		scope, loose = st.Step, st.Status == StepElsewhere
		unsure = !loose && !st.Checkable()
	default:
		return
	}
	r := Region(w.x.m, n, max(col, 0))
	w.cmds = append(w.cmds, r)
	text := w.x.m.Text()
	for _, ph := range Placeholders(text[r.Start:r.End]) {
		sp := document.Span{Start: r.Start + ph.NameStart, End: r.Start + ph.NameEnd}
		ref := w.part(n, sp, KindParameter, ph.Name, scope, owner, RolePlaceholder)
		if ref != nil && ref.Target == nil {
			ref.Loose, ref.Unsure = loose, !loose && (unsure || ref.mayBeIn(scope))
		}
	}
}
