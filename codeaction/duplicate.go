package codeaction

import (
	"fmt"
	"strings"

	"github.com/valohai-ls/valohai-ls/diagnostics"
)

// renameDuplicate renames the later of two items with one name (a step,
// a node, a parameter) to a name none of its siblings has (`train-2`).
// Its references are left as they are: which of the two each meant is
// for the writer to say, so the fix is offered, never applied unasked.
func renameDuplicate(c *ctx, d diagnostics.Diagnostic) []Action {
	f := d.Fix
	if f == nil || f.Rename == "" || d.End > len(c.doc.Text) || d.Start >= d.End {
		return nil
	}
	old := c.doc.Text[d.Start:d.End]
	text := f.Rename
	if q := old[0]; q == '"' || q == '\'' {
		if strings.ContainsAny(f.Rename, `"'\`) {
			return nil
		}
		text = string(q) + f.Rename + string(q)
	}
	return []Action{{
		Title: fmt.Sprintf("Rename this one to %q", f.Rename),
		Edits: []Edit{{Start: d.Start, End: d.End, Text: text}},
	}}
}
