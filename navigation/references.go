package navigation

import (
	"sort"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
)

// Occurrence is one place a symbol's name is written: its definition or
// a reference to it.
type Occurrence struct {
	Span document.Span
	Def  bool
}

// Occurrences returns every place that names what is at off: the
// definition (when the file has it) and every reference, in file order.
// On a reference to something the file does not define, the other
// references to the same name are returned.
func Occurrences(x *model.Model, off int) []Occurrence {
	sym, ref := x.Resolve(off)
	var out []Occurrence
	switch {
	case sym != nil:
		if sym.Kind == model.KindEdge {
			return nil
		}
		if sym.Named {
			out = append(out, Occurrence{Span: sym.NameSpan, Def: true})
		}
		for _, r := range x.RefsTo(sym) {
			out = append(out, Occurrence{Span: r.Span})
		}
	case ref != nil:
		for _, r := range x.Refs() {
			if r.Target == nil && r.Kind == ref.Kind && r.Name == ref.Name && sameScope(r, ref) {
				out = append(out, Occurrence{Span: r.Span})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	return out
}

// sameScope reports whether two unresolved references look in the same
// place: top-level items anywhere, nodes in one pipeline, the children
// (parameters, inputs, outputs, files) of one step or endpoint.
func sameScope(a, b *model.Ref) bool {
	switch a.Kind {
	case model.KindStep, model.KindTask, model.KindEndpoint, model.KindDeployment:
		return true
	case model.KindNode:
		return pipelineOf(a.From) == pipelineOf(b.From)
	}
	return a == b || a.Scope != nil && a.Scope == b.Scope
}

func pipelineOf(s *model.Symbol) *model.Symbol {
	for s != nil && s.Kind != model.KindPipeline {
		s = s.Parent
	}
	return s
}

// References returns the spans of the references to what is at off, and
// its definition too when includeDecl is set.
func References(x *model.Model, off int, includeDecl bool) []document.Span {
	var out []document.Span
	for _, o := range Occurrences(x, off) {
		if !o.Def || includeDecl {
			out = append(out, o.Span)
		}
	}
	return out
}
