package navigation

import (
	"sort"
	"strconv"

	"github.com/valohai-ls/valohai-ls/model"
)

// Lens is a code lens above a step: the pipeline nodes that run it.
type Lens struct {
	Step  *model.Symbol
	Nodes []*model.Ref
}

// Title is the lens's text, such as "used by 2 pipeline nodes".
func (l Lens) Title() string {
	switch len(l.Nodes) {
	case 0:
		return "no pipeline node uses this step"
	case 1:
		return "used by 1 pipeline node"
	}
	return "used by " + strconv.Itoa(len(l.Nodes)) + " pipeline nodes"
}

// Lenses returns a lens for every named step, counting the pipeline
// nodes that run it directly (`step:`).
func Lenses(x *model.Model) []Lens {
	var out []Lens
	for _, s := range x.Items {
		if s.Kind != model.KindStep || !s.Named {
			continue
		}
		l := Lens{Step: s}
		for _, r := range x.RefsTo(s) {
			if r.From != nil && r.From.Kind == model.KindNode {
				l.Nodes = append(l.Nodes, r)
			}
		}
		sort.SliceStable(l.Nodes, func(i, j int) bool { return l.Nodes[i].Span.Start < l.Nodes[j].Span.Start })
		out = append(out, l)
	}
	return out
}
