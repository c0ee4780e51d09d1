package document

import (
	"sync"

	"gopkg.in/yaml.v3"
)

// memo keeps results computed from a top-level item's tree, keyed by the
// item's node and by what was computed. Versions parsed incrementally
// share the nodes of the items an edit did not touch, and with them these
// results; an item whose lines moved gets a copy of its tree, and a copy
// of the results of the tree it was copied from.
type memo struct {
	mu sync.Mutex
	m  map[*yaml.Node]*slot
}

// slot holds the results of one tree, shared by the versions that share
// the tree.
type slot struct {
	mu sync.Mutex
	m  map[any]any
}

func (p *Parsed) slot(item *Item, make bool) *slot {
	p.memo.mu.Lock()
	defer p.memo.mu.Unlock()
	s := p.memo.m[item.Node]
	if s == nil && make {
		s = &slot{m: map[any]any{}}
		p.memo.m[item.Node] = s
	}
	return s
}

// Recall returns the result stored for item under key, if any. key
// should be a value of an unexported type of the calling package.
func (p *Parsed) Recall(item *Item, key any) (any, bool) {
	if p.memo == nil {
		return nil, false
	}
	s := p.slot(item, false)
	if s == nil {
		return nil, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[key]
	return v, ok
}

// Remember stores under key a result computed from item's tree alone.
// Offsets in it must be relative to item.Start, and lines to the item's
// first line, which may move in later versions; a result that points into
// the tree must check, when recalled, that the tree is still item.Node.
// Every version that shares the tree sees the result.
func (p *Parsed) Remember(item *Item, key, v any) {
	if p.memo == nil {
		return
	}
	s := p.slot(item, true)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[key] = v
}

// Memoizes reports whether results remembered for this version's items
// are kept for later versions (the whole text parsed).
func (p *Parsed) Memoizes() bool { return p.memo != nil }

// carry returns a memo holding old's results for the given items; from[i],
// when set, is the node of the earlier version that items[i] is a copy of.
func carry(old *memo, items []*Item, from []*yaml.Node) *memo {
	m := &memo{m: make(map[*yaml.Node]*slot, len(items))}
	if old == nil {
		return m
	}
	old.mu.Lock()
	defer old.mu.Unlock()
	for i, it := range items {
		if from == nil || from[i] == nil {
			if s := old.m[it.Node]; s != nil {
				m.m[it.Node] = s
			}
			continue
		}
		if s := old.m[from[i]]; s != nil {
			s.mu.Lock()
			cp := &slot{m: make(map[any]any, len(s.m))}
			for k, v := range s.m {
				cp.m[k] = v
			}
			s.mu.Unlock()
			m.m[it.Node] = cp
		}
	}
	return m
}
