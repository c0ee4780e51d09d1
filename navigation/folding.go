package navigation

import (
	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
)

// Fold is a foldable range of whole lines, zero-based and inclusive.
type Fold struct {
	StartLine, EndLine int
}

// Folds returns the foldable ranges of doc: each top-level item, and each
// key or list item whose value spans several lines.
func Folds(doc *document.Document) []Fold {
	m := doc.Mapper()
	var out []Fold
	add := func(startOff int, n *yaml.Node) {
		ext := m.NodeExtent(n)
		f := Fold{StartLine: m.LineOf(startOff), EndLine: m.LineOf(ext.End)}
		if f.EndLine > f.StartLine && (len(out) == 0 || out[len(out)-1] != f) {
			out = append(out, f)
		}
	}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if v.Kind == yaml.MappingNode || v.Kind == yaml.SequenceNode {
					add(m.NodeStart(k), v)
					walk(v)
				}
			}
		case yaml.SequenceNode:
			for _, e := range n.Content {
				if e.Kind == yaml.MappingNode || e.Kind == yaml.SequenceNode {
					add(m.NodeStart(e), e)
					walk(e)
				}
			}
		}
	}
	for _, it := range doc.Parsed().Items {
		add(it.Start, it.Node)
		walk(it.Node)
	}
	return out
}
