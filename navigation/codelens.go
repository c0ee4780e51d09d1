package navigation

import (
	"sort"
	"strconv"

	"github.com/valohai-ls/valohai-ls/commands"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
)

// LensAction is what clicking a lens does.
type LensAction int

// The lenses' actions.
const (
	// LensInfo runs nothing: the title says it all (a task's count of
	// executions; hover on the task says more).
	LensInfo LensAction = iota
	// LensReferences shows Nodes, the pipeline nodes that run a step.
	LensReferences
	// LensGraph opens the graph of the pipeline Item.
	LensGraph
)

// Lens is a code lens: a title above an item of the file, and what
// clicking it does.
type Lens struct {
	// Item is the step, pipeline or task the lens stands above, at Span:
	// its name, or the key of a task without one.
	Item   *model.Symbol
	Span   document.Span
	Title  string
	Action LensAction
	// Nodes are, for a step's lens, the pipeline nodes that run it
	// directly (`step:`), in position order.
	Nodes []*model.Ref
}

// Lenses returns the lenses of the file: above each named step, how many
// pipeline nodes run it; above each named pipeline, one that opens its
// graph; above each task, how many executions it creates.
func Lenses(x *model.Model) []Lens {
	out := stepLenses(x)
	for _, p := range x.Items {
		if p.Kind == model.KindPipeline && p.Named {
			out = append(out, Lens{Item: p, Span: p.NameSpan, Title: "show pipeline graph", Action: LensGraph})
		}
	}
	return append(out, taskLenses(x)...)
}

// stepLenses counts, for every named step, the pipeline nodes that run
// it directly.
func stepLenses(x *model.Model) []Lens {
	var out []Lens
	for _, s := range x.Items {
		if s.Kind != model.KindStep || !s.Named {
			continue
		}
		var nodes []*model.Ref
		for _, r := range x.RefsTo(s) {
			if r.From != nil && r.From.Kind == model.KindNode {
				nodes = append(nodes, r)
			}
		}
		sort.SliceStable(nodes, func(i, j int) bool { return nodes[i].Span.Start < nodes[j].Span.Start })
		out = append(out, Lens{Item: s, Span: s.NameSpan, Title: usedBy(len(nodes)), Action: LensReferences, Nodes: nodes})
	}
	return out
}

// usedBy is a step lens's title, such as "used by 2 pipeline nodes".
func usedBy(n int) string {
	switch n {
	case 0:
		return "no pipeline node uses this step"
	case 1:
		return "used by 1 pipeline node"
	}
	return "used by " + strconv.Itoa(n) + " pipeline nodes"
}

// taskLenses say above each task how many executions it creates.
func taskLenses(x *model.Model) []Lens {
	var out []Lens
	for _, t := range x.Items {
		if t.Kind != model.KindTask || t.KeyNode == nil {
			continue
		}
		span := x.Mapper().NodeSpan(t.KeyNode)
		if t.Named {
			span = t.NameSpan
		}
		out = append(out, Lens{Item: t, Span: span, Title: commands.TaskPlan(t).Title(), Action: LensInfo})
	}
	return out
}
