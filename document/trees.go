package document

import (
	"sync"

	"gopkg.in/yaml.v3"
)

// trees keeps parsed trees of single top-level items by their text, for
// the versions of one file. While a file is edited its items change one at
// a time, so a request after a keystroke finds the other items parsed.
//
// It holds two generations of entries: when the newer one is full, the
// older one is dropped, and entries still in use move to the newer one when
// they are looked up, so memory stays bounded.
type trees struct {
	mu       sync.Mutex
	cur, old map[string]*yaml.Node
}

// treesPerGeneration bounds each generation of the cache.
const treesPerGeneration = 2048

func newTrees() *trees {
	return &trees{cur: map[string]*yaml.Node{}, old: map[string]*yaml.Node{}}
}

// ItemTree returns the node of the one top-level item written in text
// (whole lines, from the item's dash), or nil when text does not parse on
// its own as a single item. Line numbers count from text's first line. The
// node is shared: callers must not change it.
func (d *Document) ItemTree(text string) *yaml.Node {
	t := d.trees
	if n, ok := t.lookup(text); ok {
		return n
	}
	n := parseItemText(text)
	t.mu.Lock()
	if len(t.cur) >= treesPerGeneration {
		t.old, t.cur = t.cur, map[string]*yaml.Node{}
	}
	t.cur[text] = n
	t.mu.Unlock()
	return n
}

func (t *trees) lookup(text string) (*yaml.Node, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if n, ok := t.cur[text]; ok {
		return n, true
	}
	n, ok := t.old[text]
	if ok {
		t.cur[text] = n
	}
	return n, ok
}

func parseItemText(text string) *yaml.Node {
	root, err := parseNode(text)
	if err != nil || root == nil || len(root.Content) == 0 {
		return nil
	}
	seq := root.Content[0]
	if seq.Kind != yaml.SequenceNode || len(seq.Content) != 1 {
		return nil
	}
	return seq.Content[0]
}
