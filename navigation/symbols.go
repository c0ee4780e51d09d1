package navigation

import "github.com/valohai-ls/valohai-ls/model"

// Outline returns the document's symbols as a tree: each top-level item
// (steps with their parameters, inputs and outputs; endpoints with their
// files; pipelines with their nodes, edges and parameters; tasks and
// deployments), in file order. A child that an alias or a `<<` merge
// brings from elsewhere (a parameter list shared by two steps) is shown
// only under the item it is written in: an outline's child lies inside
// its parent's range.
func Outline(x *model.Model) []*model.Symbol { return within(x.Items) }

// within returns syms with each one's children written outside it left
// out, copying only the symbols that have such children.
func within(syms []*model.Symbol) []*model.Symbol {
	var out []*model.Symbol
	for i, s := range syms {
		kids := inside(s)
		if out == nil && sameSlice(kids, s.Children) {
			continue
		}
		if out == nil {
			out = append(make([]*model.Symbol, 0, len(syms)), syms[:i]...)
		}
		if !sameSlice(kids, s.Children) {
			c := *s
			c.Children = kids
			s = &c
		}
		out = append(out, s)
	}
	if out == nil {
		return syms
	}
	return out
}

// inside returns the children of s written inside its range, each with
// the same done to its own.
func inside(s *model.Symbol) []*model.Symbol {
	var kept []*model.Symbol
	for _, c := range s.Children {
		if c.Range.Start >= s.Range.Start && c.Range.End <= s.Range.End {
			kept = append(kept, c)
		}
	}
	if len(kept) == len(s.Children) {
		kept = s.Children
	}
	return within(kept)
}

// sameSlice reports whether a and b are the same slice.
func sameSlice(a, b []*model.Symbol) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}
