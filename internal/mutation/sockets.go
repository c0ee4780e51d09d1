package mutation

import (
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/schema"
)

// misspeltOutputs misspells the key of an output edge end whose node's
// step declares its outputs (`train.output.model.jolib`); the key of a
// step that declares none may name any file, so it is left alone.
func (g *gen) misspeltOutputs() []Mutant {
	var out []Mutant
	for _, v := range g.values {
		if v.t.Ref != schema.RefSocket || !g.plainOnLine(v.n) {
			continue
		}
		ps := model.ParseSocket(v.n.Value)
		if ps.Parts != 3 || ps.Type != schema.SocketOutput || model.IsWildcard(ps.Key) {
			continue
		}
		body := g.bodies[g.nodeSteps(v.item)[ps.Node]]
		declared := g.names(body, schema.SocketOutput)
		if len(declared) == 0 {
			continue
		}
		if t := g.typo(ps.Key, among(declared...)); t != "" && !model.IsWildcard(t) {
			w := ps.Node + "." + ps.Type + "." + t
			out = append(out, mutant(MisspeltOutput, g.replace(v.n, w), v.n, v.n.Value+" → "+w))
		}
	}
	return g.pick(out, perKind)
}

// pluralSockets writes the type of an edge end or of a pipeline
// parameter's target in the plural (`train.parameters.lr`).
func (g *gen) pluralSockets() []Mutant {
	var out []Mutant
	for _, v := range g.values {
		if v.t.Ref != schema.RefSocket && v.t.Ref != schema.RefParamTarget || !g.plainOnLine(v.n) {
			continue
		}
		ps := model.ParseSocket(v.n.Value)
		if ps.Parts != 3 || !model.KnownType(ps.Type) {
			continue
		}
		w := ps.Node + "." + ps.Type + "s." + ps.Key
		out = append(out, mutant(PluralSocket, g.replace(v.n, w), v.n, v.n.Value+" → "+w))
	}
	return g.pick(out, perKind)
}
