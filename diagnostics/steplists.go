package diagnostics

import (
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/schema"
)

// stepNames returns the names of the list under key (parameters or
// inputs) of step, as the model reads them: a hollow step (see
// model.Hollow) keeps them.
func stepNames(step *model.Symbol, key string) map[string]bool {
	kind := model.KindParameter
	if key == schema.XInputs {
		kind = model.KindInput
	}
	names := model.ChildNames(step, kind)
	out := make(map[string]bool, len(names))
	for _, n := range names {
		out[n] = true
	}
	return out
}
