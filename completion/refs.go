package completion

import (
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/schema"
)

// references offers the names that a value of kind ref may refer to.
func (b *builder) references(ref schema.Ref) {
	if ref == schema.RefNone {
		return
	}
	idx := newIndex(b.doc, b.c.Offset)
	var names []string
	detail := string(ref)
	switch ref {
	case schema.RefStep:
		names = idx.names(model.KindStep)
	case schema.RefTask:
		names = idx.names(model.KindTask)
	case schema.RefEndpoint:
		names = idx.names(model.KindEndpoint)
	case schema.RefDeployment:
		names = idx.names(model.KindDeployment)
	case schema.RefSocket:
		names = idx.sockets(b.nodes(), b.c.KeyName)
		detail = "edge socket"
	case schema.RefParamTarget:
		names = idx.paramTargets(b.nodes())
		detail = "node parameter"
	case schema.RefStepParam:
		names = idx.children(b.runStep(idx), model.KindParameter)
		detail = "step parameter"
	case schema.RefStepInput:
		names = idx.children(b.runStep(idx), model.KindInput)
		detail = "step input"
	default:
		return
	}
	whole := ref != schema.RefSocket && ref != schema.RefParamTarget
	for i, n := range names {
		b.add(Item{Label: n, Kind: KindReference, Detail: detail, Insert: b.asName(n, whole), SortText: sortIndex(200 + i)})
	}
}

// asName writes the name n as the whole value being typed: in double
// quotes when it is not in quotes already and YAML would read it
// unquoted as something other than text (a step named "5" or "null"),
// which would name nothing.
func (b *builder) asName(n string, whole bool) string {
	if !whole || b.c.Quoted || document.ResolvePlain11(n) == document.String {
		return n
	}
	return strconv.Quote(n)
}

// runStep returns the step that the construct around the cursor runs,
// as the model tells it: the nearest enclosing mapping that names a step
// or a task blueprint, a node of a pipeline or a task blueprint; nil when
// the file does not define that step (a name that is not text, such as
// `step: 5`, names none).
func (b *builder) runStep(idx *index) *model.Symbol {
	for i := len(b.c.Path) - 1; i >= 0; i-- {
		if n := b.c.Path[i].Node; runsStep(n) {
			return idx.stepOfBody(n, b.c.Kind == schema.TaskKind)
		}
	}
	if runsStep(b.c.Mapping) {
		return idx.stepOfBody(b.c.Mapping, b.c.Kind == schema.TaskKind)
	}
	return nil
}

// runsStep reports whether the mapping n names the step it runs, or the
// task blueprint that does.
func runsStep(n *yaml.Node) bool {
	return document.ValueOf(n, schema.XStep) != nil || document.ValueOf(n, schema.XTask) != nil
}

// pipeline returns the mapping of the pipeline around the cursor.
func (b *builder) pipeline() *yaml.Node {
	for _, k := range []*schema.Key{schema.PipelineKind, schema.BlueprintKind} {
		if n := b.itemBody(k); n != nil {
			return n
		}
	}
	return nil
}

// nodes returns the nodes of the pipeline around the cursor. Once the
// word typed names a node and a dot ("train."), only that node: the other
// nodes' sockets cannot follow what is typed.
func (b *builder) nodes() []node {
	all := pipelineNodes(b.pipeline())
	name, _, ok := strings.Cut(b.c.Prefix, ".")
	if !ok {
		return all
	}
	for _, n := range all {
		if n.name == name {
			return []node{n}
		}
	}
	return all
}

// itemBody returns the body of the top-level item around the cursor when
// it is of kind k.
func (b *builder) itemBody(k *schema.Key) *yaml.Node {
	if b.c.Kind != k {
		return nil
	}
	if body := document.ValueOf(b.c.Item(), k.Name); body != nil && body.Kind == yaml.MappingNode {
		return body
	}
	return nil
}

var placeholderRe = regexp.MustCompile(`\{([a-z-]*)(:([\w.-]*))?$`)

// placeholders completes `{...}` placeholders inside a step's command (or
// a node's override command), offering the step's parameter names after
// `{parameter:`.
func (b *builder) placeholders() {
	m := b.doc.Mapper()
	line := m.LineOf(b.c.Offset)
	before := b.doc.Text[m.LineStart(line):b.c.Offset]
	sub := placeholderRe.FindStringSubmatchIndex(before)
	if sub == nil {
		return
	}
	open := m.LineStart(line) + sub[0]
	if sub[4] >= 0 {
		start := m.LineStart(line) + sub[6]
		params, ok := b.mergedParams()
		switch {
		case ok:
		case b.c.Kind == schema.StepKind:
			params = listNames(document.ValueOf(b.itemBody(schema.StepKind), schema.XParameters))
		default: // a node's override: its step's parameters
			idx := newIndex(b.doc, b.c.Offset)
			params = idx.children(b.runStep(idx), model.KindParameter)
		}
		for i, p := range params {
			b.add(Item{Label: p, Kind: KindReference, Detail: "parameter", Insert: p + "}",
				Start: start, End: b.c.Offset, SortText: sortIndex(i)})
		}
		return
	}
	for i, p := range schema.Placeholders {
		insert := p.Text
		if b.opts.Snippets {
			insert = strings.Replace(strings.ReplaceAll(insert, "}", "\\}"), "NAME", "${1:NAME}", 1)
		}
		b.add(Item{Label: p.Text, Kind: KindValue, Detail: "placeholder", Doc: p.Doc, Insert: insert,
			Snippet: b.opts.Snippets, Start: open, End: b.c.Offset, SortText: sortIndex(i), FilterText: p.Text})
	}
}

// mergedParams returns the parameters of the step around the cursor as
// the model reads them when the step takes keys from a `<<` merge, which
// the cursor's item parsed on its own cannot resolve (its anchor may be in
// another item); ok is false for a step that merges nothing.
func (b *builder) mergedParams() ([]string, bool) {
	if !strings.Contains(b.doc.Text, "<<") {
		return nil, false
	}
	for _, s := range model.Of(b.doc).Items {
		if s.Kind == model.KindStep && s.Body != nil && model.Contains(s.Range, b.c.Offset) && document.HasMerge(s.Body) {
			return names(model.ChildNames(s, model.KindParameter)), true
		}
	}
	return nil, false
}
