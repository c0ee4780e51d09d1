package completion

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
)

// items returns the top-level item nodes of doc other than the one that
// holds byte offset skip (the item being edited, which the names it
// defines are not looked up in). An item that does not parse alone is
// left out; if that is because it uses an anchor of another item, the
// whole document is parsed instead.
func items(doc *document.Document, skip int) []*yaml.Node {
	if p := doc.ParsedIfReady(); p != nil && p.Root != nil {
		// The version is parsed already (its diagnostics are out): use it.
		var out []*yaml.Node
		for _, it := range p.Items {
			if skip < it.Start || skip >= it.End {
				out = append(out, it.Node)
			}
		}
		return out
	}
	var out []*yaml.Node
	for _, s := range doc.ItemSpans() {
		if skip >= s.Start && skip < s.End {
			continue
		}
		text := doc.Text[s.Start:s.End]
		n := doc.ItemTree(text)
		if n == nil && strings.Contains(text, "*") {
			return wholeItems(doc)
		}
		if n != nil {
			out = append(out, n)
		}
	}
	return out
}

// wholeItems returns the items of the whole document's parse.
func wholeItems(doc *document.Document) []*yaml.Node {
	var out []*yaml.Node
	for _, it := range doc.Parsed().Items {
		out = append(out, it.Node)
	}
	return out
}
