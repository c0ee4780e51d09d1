package model

import (
	"regexp"
	"sort"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/schema"
)

// kindLine matches the first line of an item, `- kind:`.
var kindLine = regexp.MustCompile(`^\s*-\s+([A-Za-z_-]+)\s*:`)

// recoverBroken adds the items that did not parse, as far as their lines
// can be read, marked Broken.
func (x *Model) recoverBroken(p *document.Parsed) {
	added := false
	for _, sp := range x.Doc.ItemSpans() {
		if parsedIn(p, sp) || !erredIn(p, sp) {
			continue
		}
		first, last := x.m.LineOf(sp.Start), x.m.LineOf(max(sp.End-1, sp.Start))
		if s := x.item(document.Repair(x.m, first, last), true); s != nil {
			x.Items = append(x.Items, s)
			added = true
			continue
		}
		// Not even the kind could be read: say what the first line says.
		sub := kindLine.FindStringSubmatch(x.m.Line(first))
		switch {
		case sub == nil:
			x.unreadable = true
		case schema.KindNamed(sub[1]) != nil:
			x.table(KindOf(schema.KindNamed(sub[1]))).open = true
		}
	}
	if added {
		sort.SliceStable(x.Items, func(i, j int) bool { return x.Items[i].Range.Start < x.Items[j].Range.Start })
	}
}

// parsedIn reports whether an item that parsed starts in sp.
func parsedIn(p *document.Parsed, sp document.Span) bool {
	for _, it := range p.Items {
		if it.Start >= sp.Start && it.Start < sp.End {
			return true
		}
	}
	return false
}

// erredIn reports whether a syntax error starts in sp.
func erredIn(p *document.Parsed, sp document.Span) bool {
	for _, e := range p.Errors {
		if e.Start >= sp.Start && e.Start < sp.End {
			return true
		}
	}
	return false
}
