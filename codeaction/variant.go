package codeaction

import (
	"fmt"
	"strings"

	"github.com/valohai-ls/valohai-ls/diagnostics"
)

// keepVariant offers, for a mapping that mixes exclusive variants (an
// endpoint with both server-command and wsgi), one fix per variant: keep
// it and delete the keys of the others.
func keepVariant(c *ctx, d diagnostics.Diagnostic) []Action {
	f := d.Fix
	if d.Code != diagnostics.CodeMixedVariant || f == nil || f.Mapping == nil || f.Mapping.Flow || len(f.Variants) < 2 {
		return nil
	}
	var out []Action
	for _, keep := range f.Variants {
		var edits []Edit
		var dropped []string
		ok := true
		for _, other := range f.Variants {
			if other.Name == keep.Name {
				continue
			}
			for _, e := range other.Entries {
				ed, fine := c.deleteEntry(e)
				ok = ok && fine
				edits = append(edits, ed)
				dropped = append(dropped, "`"+e.Name+"`")
			}
		}
		if ok && len(edits) > 0 {
			out = append(out, Action{
				Title: fmt.Sprintf("Keep `%s` (remove %s)", keep.Name, strings.Join(dropped, ", ")),
				Edits: edits,
			})
		}
	}
	return out
}

// deleteEntry removes a key of a block mapping with its value, whole
// lines. It refuses the first key of a list item, which
// shares its line with the dash.
func (c *ctx) deleteEntry(e diagnostics.Entry) (Edit, bool) {
	ks := e.Key
	if ks.Start < 0 || ks.End > len(c.doc.Text) {
		return Edit{}, false
	}
	line := c.m.LineOf(ks.Start)
	if strings.TrimSpace(c.doc.Text[c.m.LineStart(line):ks.Start]) != "" {
		return Edit{}, false
	}
	end := max(ks.End, e.Value.End)
	return Edit{Start: c.m.LineStart(line), End: c.m.LineStart(c.m.LineOf(end) + 1)}, true
}
