package navigation

// Outline returns the document's symbols as a tree: each top-level item
// (steps with their parameters, inputs and outputs; endpoints with their
// files; pipelines with their nodes, edges and parameters; tasks and
// deployments), in file order.
func Outline(x *Index) []*Symbol { return x.Items }

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
