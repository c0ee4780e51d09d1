// Package treecache keeps the parsed trees of top-level items by their
// text. While a file is edited its items change one at a time, so a
// request after a keystroke finds every other item already parsed.
//
// The cache holds two generations of entries: when the newer one is full,
// the older one is dropped. Items still in use move to the newer
// generation when they are looked up, and memory stays bounded.
package treecache

import (
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
)

// size is the number of entries of a generation.
const size = 2048

var cache = struct {
	sync.Mutex
	cur, old map[string]*yaml.Node
}{cur: map[string]*yaml.Node{}, old: map[string]*yaml.Node{}}

// Item returns the node of the one top-level item written in text (whole
// lines, from the item's dash), or nil when text does not parse on its own
// as a single item. Line numbers count from text's first line. The node is
// shared: callers must not change it.
func Item(text string) *yaml.Node {
	if n, ok := lookup(text); ok {
		return n
	}
	n := parse(text)
	cache.Lock()
	if len(cache.cur) >= size {
		cache.old, cache.cur = cache.cur, map[string]*yaml.Node{}
	}
	cache.cur[text] = n
	cache.Unlock()
	return n
}

func lookup(text string) (*yaml.Node, bool) {
	cache.Lock()
	defer cache.Unlock()
	if n, ok := cache.cur[text]; ok {
		return n, true
	}
	n, ok := cache.old[text]
	if ok {
		cache.cur[text] = n
	}
	return n, ok
}

func parse(text string) *yaml.Node {
	root, err := document.ParseFragment(text)
	if err != nil || root == nil || len(root.Content) == 0 {
		return nil
	}
	seq := root.Content[0]
	if seq.Kind != yaml.SequenceNode || len(seq.Content) != 1 {
		return nil
	}
	return seq.Content[0]
}
