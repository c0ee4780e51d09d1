package cursor

import "github.com/valohai-ls/valohai-ls/document"

// item is the text of the cursor's top-level item, line by line, as it is
// patched and repaired until it parses; the cursor line is never repaired.
type item struct {
	document.ItemLines
	above above // what the lines above the cursor hold
}

func newItem(m *document.Mapper, first, last, cursorLine int) *item {
	it := &item{ItemLines: document.NewItemLines(m, first, last, cursorLine)}
	it.scanAbove()
	return it
}
