package codeaction

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/navigation"
)

// validName turns a value that does not have its required form (an
// endpoint name such as `Predict_V2`) into one that does (`predict-v2`).
// When the value names an item, the item is renamed with its references.
func validName(c *ctx, d diagnostics.Diagnostic) []Action {
	if d.Code != diagnostics.CodePattern {
		return nil
	}
	f := d.Fix
	if f == nil || f.Type == nil || f.Type.Pattern == nil {
		return nil
	}
	fixed := slug(f.Value)
	if fixed == "" || fixed == f.Value || !f.Type.Pattern.MatchString(fixed) {
		return nil
	}
	x := model.Of(c.doc)
	if sym, _ := x.Resolve(d.Start + 1); sym != nil && sym.Named && sym.Value.Start == d.Start {
		edits, err := navigation.Rename(x, sym.NameSpan.Start, fixed)
		if err != nil {
			return nil
		}
		// Another item that would be renamed to the same name (`Server`
		// and `server@` both to `server`) makes it a choice: fix-all
		// would leave two of one name.
		a := Action{Title: fmt.Sprintf("Rename %s to %q", sym.Kind, fixed), Preferred: !sameSlug(x, sym, fixed)}
		for _, e := range edits {
			a.Edits = append(a.Edits, Edit{Start: e.Start, End: e.End, Text: e.Text})
		}
		return []Action{a}
	}
	return []Action{{
		Title:     fmt.Sprintf("Change to %q", fixed),
		Edits:     []Edit{{Start: d.Start, End: d.End, Text: fixed}},
		Preferred: true,
	}}
}

// sameSlug reports whether another item of sym's kind has a name that
// slug turns into fixed too.
func sameSlug(x *model.Model, sym *model.Symbol, fixed string) bool {
	for _, o := range x.All(sym.Kind) {
		if o.Range != sym.Range && o.Name != "" && o.Name != sym.Name && slug(o.Name) == fixed {
			return true
		}
	}
	return false
}

var (
	notSlug    = regexp.MustCompile(`[^a-z0-9-]+`)
	dashes     = regexp.MustCompile(`-{2,}`)
	leadingBad = regexp.MustCompile(`^[^a-z]+`)
)

// slug lower-cases s and turns runs of other characters into dashes, so
// that it starts with a letter and has at least two characters.
func slug(s string) string {
	s = notSlug.ReplaceAllString(strings.ToLower(s), "-")
	s = dashes.ReplaceAllString(s, "-")
	s = strings.Trim(leadingBad.ReplaceAllString(s, ""), "-")
	if s != "" && len(s) < 2 {
		s += "-1"
	}
	return s
}
