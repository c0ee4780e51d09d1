// Package hover documents the key or value under the cursor: its type,
// whether it is required, its default, allowed values, a description and
// an example, all read from the schema; and, on a name that refers to
// something (a node's step, a socket, a placeholder), what the file's
// model resolves it to; on a step's command and a pipeline node, the
// commands that will run, built as Valohai builds them.
package hover

import (
	"github.com/valohai-ls/valohai-ls/cursor"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/schema"
)

// Result is a hover: markdown and the byte span it describes.
type Result struct {
	Markdown   string
	Start, End int
}

// At returns the hover for byte offset off in doc, or nil when there is
// nothing to document there.
func At(doc *document.Document, off int) *Result {
	c := cursor.Find(doc, off, false)
	if c.WordStart == c.WordEnd {
		return nil
	}
	r := &Result{Start: c.WordStart, End: c.WordEnd}
	switch c.Where {
	case cursor.Key, cursor.TopLevel:
		if c.Key == nil {
			return nil
		}
		r.Markdown = schema.KeyMarkdown(c.Object, c.Key)
	case cursor.Value:
		r.Markdown = valueDoc(c)
		if ref := refAt(doc, off); ref != nil {
			r.Start, r.End = ref.Span.Start, ref.Span.End
			r.Markdown = joinDocs(refMarkdown(model.Of(doc), ref), r.Markdown)
		}
	}
	if r.Markdown != "" && (c.Where == cursor.Value || c.Key != nil && (c.Key.Name == schema.XCommand || c.Key == schema.TaskKind)) {
		if runs, ok := runsDoc(doc, model.Of(doc), off); ok && runs != "" {
			// On a value, what it makes run comes first; on the key, the
			// key's own documentation.
			if c.Where == cursor.Value {
				r.Markdown = joinDocs(runs, r.Markdown)
			} else {
				r.Markdown = joinDocs(r.Markdown, runs)
			}
		}
	}
	if r.Markdown == "" {
		return nil
	}
	return r
}

// refAt returns the reference at off. The version's parse is waited for
// (its diagnostics parse it right after each change), or made, so that
// hover answers the same whenever it is asked.
func refAt(doc *document.Document, off int) *model.Ref {
	_, ref := model.Of(doc).At(off)
	return ref
}

// joinDocs puts two pieces of documentation one under the other.
func joinDocs(a, b string) string {
	if b == "" {
		return a
	}
	return a + "\n\n---\n\n" + b
}

// valueDoc documents the value at the cursor: an enum value's meaning, or
// else the key it belongs to.
func valueDoc(c *cursor.Context) string {
	if t := c.Type; t != nil {
		if v := t.EnumValue(c.Word); v != nil {
			return schema.ValueMarkdown(c.Key, v)
		}
	}
	if c.Key != nil && c.Object != nil {
		return schema.KeyMarkdown(c.Object, c.Key)
	}
	return ""
}
