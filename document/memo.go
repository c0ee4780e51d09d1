package document

import (
	"sync"

	"gopkg.in/yaml.v3"
)

// memo keeps results computed from a top-level item's tree, keyed by the
// item's node. Versions parsed incrementally share the nodes of the items
// an edit did not touch, and with them these results.
type memo struct {
	mu sync.Mutex
	m  map[*yaml.Node]any
}

// Recall returns the result stored for item, if any.
func (p *Parsed) Recall(item *Item) (any, bool) {
	if p.memo == nil {
		return nil, false
	}
	p.memo.mu.Lock()
	defer p.memo.mu.Unlock()
	v, ok := p.memo.m[item.Node]
	return v, ok
}

// Remember stores a result computed from item's tree alone. Offsets in it
// must be relative to item.Start, which may move in later versions.
func (p *Parsed) Remember(item *Item, v any) {
	if p.memo == nil {
		return
	}
	p.memo.mu.Lock()
	defer p.memo.mu.Unlock()
	p.memo.m[item.Node] = v
}

// carry returns a memo holding old's results for the given items.
func carry(old *memo, items []*Item) *memo {
	m := &memo{m: make(map[*yaml.Node]any, len(items))}
	if old == nil {
		return m
	}
	old.mu.Lock()
	defer old.mu.Unlock()
	for _, it := range items {
		if v, ok := old.m[it.Node]; ok {
			m.m[it.Node] = v
		}
	}
	return m
}
