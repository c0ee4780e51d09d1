package document

import (
	"sync"

	"gopkg.in/yaml.v3"
)

// memo keeps results computed from a top-level item's tree, keyed by the
// item's node and by what was computed. Versions parsed incrementally
// share the nodes of the items an edit did not touch, and with them these
// results; an item whose lines moved gets a copy of its tree, and the
// results of the tree it was copied from.
type memo struct {
	mu sync.Mutex
	m  map[*yaml.Node]map[any]any
}

// Recall returns the result stored for item under key, if any. key
// should be a value of an unexported type of the calling package.
func (p *Parsed) Recall(item *Item, key any) (any, bool) {
	if p.memo == nil {
		return nil, false
	}
	p.memo.mu.Lock()
	defer p.memo.mu.Unlock()
	v, ok := p.memo.m[item.Node][key]
	return v, ok
}

// Remember stores under key a result computed from item's tree alone.
// Offsets in it must be relative to item.Start, and lines to the item's
// first line, which may move in later versions; a result that points into
// the tree must check, when recalled, that the tree is still item.Node.
func (p *Parsed) Remember(item *Item, key, v any) {
	if p.memo == nil {
		return
	}
	p.memo.mu.Lock()
	defer p.memo.mu.Unlock()
	byKey := p.memo.m[item.Node]
	if byKey == nil {
		byKey = map[any]any{}
		p.memo.m[item.Node] = byKey
	}
	byKey[key] = v
}

// Memoizes reports whether results remembered for this version's items
// are kept for later versions (the whole text parsed).
func (p *Parsed) Memoizes() bool { return p.memo != nil }

// carry returns a memo holding old's results for the given items; from[i],
// when set, is the node of the earlier version that items[i] is a copy of.
func carry(old *memo, items []*Item, from []*yaml.Node) *memo {
	m := &memo{m: make(map[*yaml.Node]map[any]any, len(items))}
	if old == nil {
		return m
	}
	old.mu.Lock()
	defer old.mu.Unlock()
	for i, it := range items {
		src := it.Node
		if from != nil && from[i] != nil {
			src = from[i]
		}
		if byKey, ok := old.m[src]; ok {
			cp := make(map[any]any, len(byKey))
			for k, v := range byKey {
				cp[k] = v
			}
			m.m[it.Node] = cp
		}
	}
	return m
}
