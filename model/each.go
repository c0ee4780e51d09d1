package model

// EachKept calls f with each item of kind that Kept returns, in file
// order, until f returns false. A hollow item (see Hollow) is loaded when
// it is visited and not kept loaded: only the item f is given is held, so
// that a huge file's items can be visited in bounded memory.
func (x *Model) EachKept(kind Kind, f func(*Symbol) bool) {
	t := x.tables[kind]
	if t == nil {
		return
	}
	for _, s := range t.items {
		if s.Broken || s.Body == nil || s.Name != "" && t.byName[s.Name] != s {
			continue
		}
		w := s
		if s.load != nil {
			if l := s.load(); l != nil {
				w = l
			}
		}
		if !f(w) {
			return
		}
	}
}
