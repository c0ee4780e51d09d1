package hover

import (
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/project"
	"github.com/valohai-ls/valohai-ls/scripts"
)

// WithScripts is At, and on the name of a step's parameter or input what
// the scripts the step runs say of it (read through r from dir, the
// directory of doc; "" reads none). The model is waited for, or made,
// so that hover answers the same right after opening as later.
func WithScripts(doc *document.Document, off int, dir string, r *project.Reader) *Result {
	h := At(doc, off)
	if h == nil || dir == "" {
		return h
	}
	if sym, _ := model.Of(doc).At(off); sym != nil {
		h.addScripts(scripts.Places(doc, sym, dir, r))
	}
	return h
}

// addScripts appends to the hover of a step's parameter or input what the
// scripts the step runs say of it: where each declares or reads it.
func (r *Result) addScripts(places []scripts.Place) {
	if r == nil || len(places) == 0 {
		return
	}
	r.Markdown += "\n\n---\n\nIn the scripts:\n\n" + scripts.Describe(places)
}
