package codeaction

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
)

// keepVariant offers, for a mapping that mixes exclusive variants (an
// endpoint with both server-command and wsgi), one fix per variant: keep
// it and delete the keys of the others.
func keepVariant(c *ctx, d diagnostics.Diagnostic) []Action {
	if d.Code != diagnostics.CodeMixedVariant {
		return nil
	}
	mp, _ := c.tree().ownerOfKey(c.m, document.Span{Start: d.Start, End: d.End})
	if mp == nil || len(mp.obj.Variants) < 2 || mp.node.Style&yaml.FlowStyle != 0 {
		return nil
	}
	var out []Action
	for _, keep := range mp.obj.Variants {
		if !anyPresent(mp, keep.Keys) {
			continue
		}
		var edits []Edit
		var dropped []string
		ok := true
		for _, other := range mp.obj.Variants {
			if other.Name == keep.Name {
				continue
			}
			for _, k := range other.Keys {
				for i := 0; i+1 < len(mp.node.Content); i += 2 {
					if mp.node.Content[i].Value != k {
						continue
					}
					e, fine := c.deleteEntry(mp.node, i)
					ok = ok && fine
					edits = append(edits, e)
					dropped = append(dropped, "`"+k+"`")
				}
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

// deleteEntry removes the key at index i of a block mapping with its
// value, whole lines. It refuses the first key of a list item, which
// shares its line with the dash.
func (c *ctx) deleteEntry(n *yaml.Node, i int) (Edit, bool) {
	k, v := n.Content[i], n.Content[i+1]
	ks := c.m.NodeSpan(k)
	line := c.m.LineOf(ks.Start)
	if strings.TrimSpace(c.doc.Text[c.m.LineStart(line):ks.Start]) != "" {
		return Edit{}, false
	}
	end := ks.End
	if v != nil && v.Line > 0 {
		if e := c.m.NodeExtent(v).End; e > end {
			end = e
		}
	}
	return Edit{Start: c.m.LineStart(line), End: c.m.LineStart(c.m.LineOf(end) + 1)}, true
}
