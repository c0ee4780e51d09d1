package diagnostics

import (
	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/schema"
)

// stepLists are the names a step's parameters and inputs have, kept for
// a hollow step (see model.Hollow) so that the rules of the items that
// run it need not load its tree.
type stepLists struct {
	parameters, inputs []string
	// doubtful lists the keys whose list has an untextual name.
	doubtful map[string]bool
}

// listsOf reads the named lists of a step's mapping.
func listsOf(body *yaml.Node) stepLists {
	l := stepLists{
		parameters: names(document.ValueOf(body, schema.XParameters)),
		inputs:     names(document.ValueOf(body, schema.XInputs)),
	}
	for _, key := range []string{schema.XParameters, schema.XInputs} {
		if doubtful(document.ValueOf(body, key)) {
			if l.doubtful == nil {
				l.doubtful = map[string]bool{}
			}
			l.doubtful[key] = true
		}
	}
	return l
}

// stepDoubt reports that the list under key of step has a name that is
// not text: a name it lacks cannot be told missing.
func (c *checker) stepDoubt(m *model.Model, step *model.Symbol, key string) bool {
	if l, ok := c.lists[step]; ok && step.IsHollow() {
		return l.doubtful[key]
	}
	return doubtful(document.ValueOf(m.Whole(step).Body, key))
}

// names returns the names of a list of named mappings, as nameSet reads
// them, each once.
func names(list *yaml.Node) []string {
	set := nameSet(list)
	if len(set) == 0 {
		return nil
	}
	out := make([]string, 0, len(set))
	for n := range set {
		out = append(out, n)
	}
	return out
}

// stepNames returns the names of the list under key (parameters or
// inputs) of step: read from its tree, or from what was kept of a hollow
// step.
func (c *checker) stepNames(m *model.Model, step *model.Symbol, key string) map[string]bool {
	if l, ok := c.lists[step]; ok && step.IsHollow() && (key == schema.XParameters || key == schema.XInputs) {
		var list []string
		switch key {
		case schema.XParameters:
			list = l.parameters
		case schema.XInputs:
			list = l.inputs
		}
		out := make(map[string]bool, len(list))
		for _, n := range list {
			out[n] = true
		}
		return out
	}
	return nameSet(document.ValueOf(m.Whole(step).Body, key))
}
