package document

import "sync"

// derived holds values computed from one version of a document, each
// computed once however many requests ask for it.
type derived struct {
	mu    sync.Mutex
	slots map[any]*derivedSlot
}

type derivedSlot struct {
	once  sync.Once
	value any
}

// Derived returns the value stored under key for this version, computing
// it with build on first use. Concurrent callers for the same key wait for
// one build; different keys do not wait for each other. key should be an
// unexported type of the calling package, so that packages cannot collide.
func (d *Document) Derived(key any, build func() any) any {
	d.derived.mu.Lock()
	if d.derived.slots == nil {
		d.derived.slots = map[any]*derivedSlot{}
	}
	s := d.derived.slots[key]
	if s == nil {
		s = &derivedSlot{}
		d.derived.slots[key] = s
	}
	d.derived.mu.Unlock()
	s.once.Do(func() { s.value = build() })
	return s.value
}
