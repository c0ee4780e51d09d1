package document

import "gopkg.in/yaml.v3"

// A `<<` key merges mappings into the mapping it is written in, as the
// official loader (PyYAML, YAML 1.1) reads it: the mapping's own keys win
// over merged ones; of several `<<` keys the later wins; of the mappings
// of one `<<: [*a, *b]` the earlier wins; a merged mapping's own merges
// count in it. yaml.v3 keeps `<<` as a key of the tree, so every reader
// asks these functions (ValueOf, KeyOf, Pairs) instead of the tree's keys.

// IsMerge reports whether k is a merge key: a `<<` written plain or tagged
// !!merge (a quoted "<<" is an ordinary key).
func IsMerge(k *yaml.Node) bool {
	return k != nil && k.Kind == yaml.ScalarNode && k.Value == "<<" && k.ShortTag() == "!!merge"
}

// MergeSources returns the mappings that the value of a `<<` key merges, in
// the order they are written; ok is false when the value is not a mapping
// or a list of mappings, which the official loader refuses (the mappings
// of such a list are still returned: what they would bring is not missing).
func MergeSources(v *yaml.Node) (sources []*yaml.Node, ok bool) {
	v = Deref(v)
	switch {
	case v == nil:
		return nil, false
	case v.Kind == yaml.MappingNode:
		return []*yaml.Node{v}, true
	case v.Kind != yaml.SequenceNode:
		return nil, false
	}
	ok = true
	for _, e := range v.Content {
		if e = Deref(e); e == nil || e.Kind != yaml.MappingNode {
			ok = false
			continue
		}
		sources = append(sources, e)
	}
	return sources, ok
}

// HasMerge reports whether mapping n has a `<<` key.
func HasMerge(n *yaml.Node) bool {
	n = Deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if IsMerge(n.Content[i]) {
			return true
		}
	}
	return false
}

// lookup finds key in mapping n: its own keys first, then what its merges
// bring.
func lookup(n *yaml.Node, key string) (k, v *yaml.Node) {
	k, v, merges := ownOrMerges(n, key)
	if k != nil || !merges {
		return k, v
	}
	k, v, _ = lookupMerged(Deref(n), key, nil)
	return k, v
}

// ownOrMerges finds key among the keys written in mapping n, and reports
// whether n has a `<<` key.
func ownOrMerges(n *yaml.Node, key string) (k, v *yaml.Node, merges bool) {
	n = Deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil, nil, false
	}
	for i := len(n.Content) - 2; i >= 0; i -= 2 {
		c := n.Content[i]
		switch {
		case c.Value == key && !IsMerge(c):
			return c, n.Content[i+1], false
		case IsMerge(c):
			merges = true
		}
	}
	return nil, nil, merges
}

// lookupMerged finds key in what the merges of mapping n bring. seen holds
// the mappings already searched: an alias may merge a mapping into
// itself, or one mapping many times.
func lookupMerged(n *yaml.Node, key string, seen []*yaml.Node) (k, v *yaml.Node, _ []*yaml.Node) {
	for _, s := range seen {
		if s == n {
			return nil, nil, seen
		}
	}
	seen = append(seen, n)
	for i := len(n.Content) - 2; i >= 0; i -= 2 {
		if !IsMerge(n.Content[i]) {
			continue
		}
		sources, _ := MergeSources(n.Content[i+1])
		for _, src := range sources {
			k, v, merges := ownOrMerges(src, key)
			if k != nil {
				return k, v, seen
			}
			if merges {
				if k, v, seen = lookupMerged(src, key, seen); k != nil {
					return k, v, seen
				}
			}
		}
	}
	return nil, nil, seen
}

// Pair is one key of a mapping as it is loaded, and its value.
type Pair struct {
	Key, Value *yaml.Node
	// Merged reports a key that a `<<` merge brings in (written in another
	// mapping) rather than one written in the mapping itself.
	Merged bool
}

// Pairs returns the keys of mapping n as the official loader reads them,
// in its order: the merged keys first, then the mapping's own; a key
// written twice is where it first appears, with the value that wins.
// Merge keys themselves are left out.
func Pairs(n *yaml.Node) []Pair {
	return (&flattener{done: map[*yaml.Node][]Pair{}}).pairs(Deref(n), false)
}

// flattener reads each mapping's pairs once (a mapping merged into many,
// or many times, costs no more), and a mapping that merges itself as its
// own keys only.
type flattener struct {
	done  map[*yaml.Node][]Pair
	doing []*yaml.Node
}

// pairs returns the pairs of mapping n in the loader's order: what its
// merges bring (each `<<` in turn; of one list of mappings the last
// first, so that the first wins), then its own keys, each key once.
func (f *flattener) pairs(n *yaml.Node, merged bool) []Pair {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	if out, ok := f.done[n]; ok {
		return withMerged(out, merged)
	}
	var flat []Pair
	inside := false
	for _, d := range f.doing {
		inside = inside || d == n
	}
	if !inside {
		f.doing = append(f.doing, n)
		for i := 0; i+1 < len(n.Content); i += 2 {
			if !IsMerge(n.Content[i]) {
				continue
			}
			sources, _ := MergeSources(n.Content[i+1])
			for j := len(sources) - 1; j >= 0; j-- {
				flat = append(flat, f.pairs(sources[j], true)...)
			}
		}
		f.doing = f.doing[:len(f.doing)-1]
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; !IsMerge(k) {
			flat = append(flat, Pair{Key: k, Value: n.Content[i+1]})
		}
	}
	out := dedupe(flat)
	if !inside {
		f.done[n] = out
	}
	return withMerged(out, merged)
}

// dedupe keeps each key once, where it first appears, with its last value.
func dedupe(flat []Pair) []Pair {
	index := make(map[string]int, len(flat))
	out := make([]Pair, 0, len(flat))
	for _, p := range flat {
		if i, ok := index[p.Key.Value]; ok {
			out[i] = p
			continue
		}
		index[p.Key.Value] = len(out)
		out = append(out, p)
	}
	return out
}

// withMerged returns pairs marked as merged when they are.
func withMerged(pairs []Pair, merged bool) []Pair {
	if !merged {
		return pairs
	}
	out := make([]Pair, len(pairs))
	for i, p := range pairs {
		p.Merged = true
		out[i] = p
	}
	return out
}
