package document

import (
	"gopkg.in/yaml.v3"
)

// safeTags are the tags that the official parser's YAML loader (PyYAML's
// safe loader) can build a value for; it refuses a file with any other
// explicit tag (`!Ref`, `!!python/name:...`).
var safeTags = map[string]bool{
	"!!null": true, "!!bool": true, "!!int": true, "!!float": true, "!!binary": true,
	"!!timestamp": true, "!!omap": true, "!!pairs": true, "!!set": true, "!!str": true,
	"!!seq": true, "!!map": true, "!!merge": true,
}

// ForeignTag returns the tag written on n when it is one the official
// parser's loader cannot build a value for, else "". Tags that YAML gives
// a value without one being written, and the non-specific `!`, are fine.
func ForeignTag(n *yaml.Node) string {
	if n == nil || n.Kind == yaml.AliasNode || n.Style&yaml.TaggedStyle == 0 {
		return ""
	}
	if t := n.ShortTag(); !safeTags[t] {
		return t
	}
	return ""
}

// TagSpan returns where the tag written on n is, after its anchor if it
// has one: n's own span when no tag is written where yaml.v3 places n.
func (m *Mapper) TagSpan(n *yaml.Node) Span {
	start := m.NodeStart(n)
	end := m.LineEnd(m.LineOf(start))
	t := m.text
	if start < end && t[start] == '&' {
		for start < end && !tagStop(t[start]) {
			start++
		}
		for start < end && (t[start] == ' ' || t[start] == '\t') {
			start++
		}
	}
	if start >= end || t[start] != '!' {
		return m.NodeSpan(n)
	}
	stop := start + 1
	if stop < end && t[stop] == '<' { // a verbatim tag, !<...>
		for stop < end && t[stop] != '>' {
			stop++
		}
		return Span{Start: start, End: min(stop+1, end)}
	}
	for stop < end && !tagStop(t[stop]) {
		stop++
	}
	return Span{Start: start, End: stop}
}

// tagStop reports a byte that ends a tag or an anchor: a space, or a flow
// indicator.
func tagStop(b byte) bool {
	switch b {
	case ' ', '\t', '\r', '\n', ',', '[', ']', '{', '}':
		return true
	}
	return false
}
