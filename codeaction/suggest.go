package codeaction

import (
	"fmt"

	"github.com/valohai-ls/valohai-ls/diagnostics"
)

// didYouMean replaces a misspelt key, kind, value or reference with each
// of the diagnostic's suggestions.
func didYouMean(c *ctx, d diagnostics.Diagnostic) []Action {
	if len(d.Suggestions) == 0 || d.End > len(c.doc.Text) || d.Start > d.End {
		return nil
	}
	old := c.doc.Text[d.Start:d.End]
	var out []Action
	for _, s := range d.Suggestions {
		if s == "" || s == old {
			continue
		}
		title := fmt.Sprintf("Change %q to %q", old, s)
		if s == `"`+old+`"` {
			title = fmt.Sprintf("Write %s in quotes", old)
		}
		out = append(out, Action{
			Title:     title,
			Edits:     []Edit{{Start: d.Start, End: d.End, Text: s}},
			Preferred: len(d.Suggestions) == 1 && (d.Fix == nil || !d.Fix.Choice),
		})
	}
	return out
}
