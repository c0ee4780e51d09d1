package model

import (
	"hash/maphash"
)

// Deps records what a model's lookups answered while something was
// computed from one item: the items found by name (by their content), the
// name lists and whether broken items may define more. A result computed
// through a Tracking view holds in another version of the file when the
// item it was computed from is the same and Holds(deps) is true there.
type Deps struct {
	lookups []lookupDep
	names   []namesDep
	may     []mayDep
}

type lookupDep struct {
	kind  Kind
	name  string
	found bool
	sum   uint64 // the content digest of what was found
}

type namesDep struct {
	kind Kind
	sum  uint64
}

type mayDep struct {
	kind Kind
	may  bool
}

// Tracking returns a view of x whose lookups (Lookup, Names, MayDefine,
// and StepOf through them) are recorded in d. The view shares x's data.
func (x *Model) Tracking(d *Deps) *Model {
	v := *x
	v.deps = d
	return &v
}

// Holds reports whether every lookup recorded in d answers the same in x.
func (x *Model) Holds(d *Deps) bool {
	for _, l := range d.lookups {
		s := x.lookup(l.kind, l.name)
		if (s != nil) != l.found || (s != nil && x.digestOf(s) != l.sum) {
			return false
		}
	}
	for _, n := range d.names {
		if x.namesDigest(n.kind) != n.sum {
			return false
		}
	}
	for _, m := range d.may {
		if x.mayDefine(m.kind) != m.may {
			return false
		}
	}
	return true
}

// digestOf returns the digest of a top-level item's content and state.
func (x *Model) digestOf(s *Symbol) uint64 {
	var sum uint64
	if sm := x.sums[s]; sm != nil {
		sum = sm.digest.of(sm.node)
	} else {
		sum = contentDigest(s.Node)
	}
	if s.Broken {
		sum = ^sum
	}
	return sum
}

// namesDigest returns a digest of Names(kind), made once per version.
func (x *Model) namesDigest(kind Kind) uint64 {
	x.lazy.mu.Lock()
	defer x.lazy.mu.Unlock()
	if sum, ok := x.lazy.names[kind]; ok {
		return sum
	}
	var h maphash.Hash
	h.SetSeed(digestSeed)
	for _, n := range x.names(kind) {
		h.WriteString(n)
		h.WriteByte(0)
	}
	if x.lazy.names == nil {
		x.lazy.names = map[Kind]uint64{}
	}
	x.lazy.names[kind] = h.Sum64()
	return x.lazy.names[kind]
}

func (x *Model) recordLookup(kind Kind, name string, s *Symbol) {
	if x.deps == nil {
		return
	}
	d := lookupDep{kind: kind, name: name, found: s != nil}
	if s != nil {
		d.sum = x.digestOf(s)
	}
	x.deps.lookups = append(x.deps.lookups, d)
}

func (x *Model) recordNames(kind Kind) {
	if x.deps != nil {
		x.deps.names = append(x.deps.names, namesDep{kind: kind, sum: x.namesDigest(kind)})
	}
}

func (x *Model) recordMay(kind Kind, may bool) {
	if x.deps != nil {
		x.deps.may = append(x.deps.may, mayDep{kind: kind, may: may})
	}
}

// add records in d what e recorded; nothing when d is nil.
func (d *Deps) add(e *Deps) {
	if d == nil || e == nil {
		return
	}
	d.lookups = append(d.lookups, e.lookups...)
	d.names = append(d.names, e.names...)
	d.may = append(d.may, e.may...)
}

// Empty reports whether nothing was looked up.
func (d *Deps) Empty() bool { return len(d.lookups) == 0 && len(d.names) == 0 && len(d.may) == 0 }
