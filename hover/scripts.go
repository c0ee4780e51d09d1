package hover

import "github.com/valohai-ls/valohai-ls/scripts"

// AddScripts appends to the hover of a step's parameter or input what the
// scripts the step runs say of it: where each declares or reads it.
func (r *Result) AddScripts(places []scripts.Place) {
	if r == nil || len(places) == 0 {
		return
	}
	r.Markdown += "\n\n---\n\nIn the scripts:\n\n" + scripts.Describe(places)
}
