package diagnostics

import (
	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/model"
)

// unresolved are the model's unresolved references of one top-level item
// (model.Ref.Unresolved), by the scalar they are written in. Every
// unknown-* finding is one of them: a rule says what is missing in its
// own words, but whether a name is missing is the model's answer, the one
// hover, definition and completion give.
type unresolved map[*yaml.Node][]*model.Ref

// unresolvedOf returns the unresolved references of the item s, read
// through m (a tracking view records what finding them looked up).
func unresolvedOf(m *model.Model, s *model.Symbol) unresolved {
	var u unresolved
	for _, r := range m.RefsOf(s) {
		if r.Unresolved() {
			if u == nil {
				u = unresolved{}
			}
			u[r.Node] = append(u[r.Node], r)
		}
	}
	return u
}

// has reports an unresolved reference to a name of kind written in n;
// name "" matches any name.
func (u unresolved) has(n *yaml.Node, kind model.Kind, name string) bool {
	for _, r := range u[n] {
		if r.Kind == kind && (name == "" || r.Name == name) {
			return true
		}
	}
	return false
}
