package model

// table is the names of one collection of top-level items.
type table struct {
	items  []*Symbol          // every item, in file order
	byName map[string]*Symbol // name → the last item of that name
	// open reports a broken item of this kind whose name could not be
	// read: it may define any name.
	open bool
	// untextual is the first item whose name is not text (see
	// Symbol.Untextual): it may be the one a missing name meant.
	untextual *Symbol
}

func (x *Model) table(k Kind) *table {
	t := x.tables[k]
	if t == nil {
		t = &table{byName: map[string]*Symbol{}}
		x.tables[k] = t
	}
	return t
}

func (t *table) add(s *Symbol) {
	t.items = append(t.items, s)
	switch {
	case s.Untextual:
		t.open = true
		if t.untextual == nil {
			t.untextual = s
		}
	case s.Name != "":
		t.byName[s.Name] = s
	case s.Broken:
		t.open = true
	}
}

// Lookup returns the top-level item of kind called name: the last one, as
// a later item replaces an earlier one of the same name. It may be a
// broken item.
func (x *Model) Lookup(kind Kind, name string) *Symbol {
	s := x.lookup(kind, name)
	x.recordLookup(kind, name, s)
	return x.whole(s)
}

// find is Lookup without loading a hollow item.
func (x *Model) find(kind Kind, name string) *Symbol {
	s := x.lookup(kind, name)
	x.recordLookup(kind, name, s)
	return s
}

// Defines reports whether the file defines an item of kind called name
// (Lookup finds it), without loading a hollow item (see Hollow).
func (x *Model) Defines(kind Kind, name string) bool {
	s := x.lookup(kind, name)
	x.recordLookup(kind, name, s)
	return s != nil
}

func (x *Model) lookup(kind Kind, name string) *Symbol {
	if t := x.tables[kind]; t != nil {
		return t.byName[name]
	}
	return nil
}

// Kept returns the items of kind that the official loader keeps, in file
// order: those that parse, with a body, and of several with one name the
// last. Items without a name are kept. Hollow items (see Hollow) are
// loaded.
func (x *Model) Kept(kind Kind) []*Symbol {
	out := x.KeptAsIs(kind)
	for i, s := range out {
		out[i] = x.whole(s)
	}
	return out
}

// KeptAsIs returns the items Kept returns as they are in the model: a
// hollow item is not loaded.
func (x *Model) KeptAsIs(kind Kind) []*Symbol {
	t := x.tables[kind]
	if t == nil {
		return nil
	}
	var out []*Symbol
	for _, s := range t.items {
		if s.Broken || s.Body == nil {
			continue
		}
		if s.Name == "" || t.byName[s.Name] == s {
			out = append(out, s)
		}
	}
	return out
}

// Names returns the names of the items of kind, each once, in the order
// of the items the loader keeps.
func (x *Model) Names(kind Kind) []string {
	x.recordNames(kind)
	return x.names(kind)
}

func (x *Model) names(kind Kind) []string {
	t := x.tables[kind]
	if t == nil {
		return nil
	}
	var out []string
	for _, s := range t.items {
		if s.Name != "" && !s.Untextual && t.byName[s.Name] == s {
			out = append(out, s.Name)
		}
	}
	return out
}

// All returns every top-level item of kind, duplicates and broken items
// included, in file order.
func (x *Model) All(kind Kind) []*Symbol {
	if t := x.tables[kind]; t != nil {
		return t.items
	}
	return nil
}

// Duplicates returns, for each item that an earlier item of its kind key
// (step, task, pipeline...) and name precedes, that earlier item.
func (x *Model) Duplicates() map[*Symbol]*Symbol {
	out := map[*Symbol]*Symbol{}
	first := map[string]*Symbol{}
	for _, s := range x.Items {
		if s.Name == "" || s.NameNode == nil || s.Untextual {
			continue
		}
		id := s.Key.Name + "\x00" + s.Name
		if prev, ok := first[id]; ok {
			out[s] = prev
			continue
		}
		first[id] = s
	}
	return out
}

// DoubtOf returns the first top-level item of kind whose name is not
// text, if any: a name the file does not define may be the one it meant.
func (x *Model) DoubtOf(kind Kind) *Symbol {
	if t := x.tables[kind]; t != nil {
		return t.untextual
	}
	return nil
}

// MayDefine reports whether a name of kind that Lookup does not find may
// still be defined in the file: inside a broken item whose name or kind
// could not be read.
func (x *Model) MayDefine(kind Kind) bool {
	may := x.mayDefine(kind)
	x.recordMay(kind, may)
	return may
}

func (x *Model) mayDefine(kind Kind) bool {
	if x.unreadable {
		return true
	}
	t := x.tables[kind]
	return t != nil && t.open
}
