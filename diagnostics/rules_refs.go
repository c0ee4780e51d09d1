package diagnostics

import (
	"fmt"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/schema"
	"github.com/valohai-ls/valohai-ls/suggest"
)

// The checks in this file find references that the official validator
// never checks.

// placeholders warns about `{parameter:NAME}` placeholders in a command
// whose NAME is not a parameter of the step (an unresolved reference of
// u): they are left in the command as written, so the script gets the
// text instead of a value. Names that cannot be told (a parameter name
// that is not text) are not checked: the model is unsure of them.
func (c *checker) placeholders(u unresolved, cmd *yaml.Node, step *model.Symbol, owner string) {
	params := model.ChildNames(step, model.KindParameter)
	for _, line := range listify(cmd) {
		if !isString(line) {
			continue
		}
		from := c.m.NodeStart(line)
		for _, ph := range model.Placeholders(line.Value) {
			if !u.has(line, model.KindParameter, ph.Name) {
				continue
			}
			span := c.findText(line, ph.Text(), &from)
			msg := fmt.Sprintf("%s has no parameter %q, so %s stays in the command as written", owner, ph.Name, ph.Text())
			var sugg []string
			if s := suggest.Closest(ph.Name, params); s != "" {
				msg = fmt.Sprintf("%s has no parameter %q; did you mean %q?", owner, ph.Name, s)
				sugg = []string{"{" + ph.Prefix + ":" + s + "}"}
			}
			c.at(span, Warning, CodeUnknownPlaceholder, msg, sugg...)
		}
	}
}

// findText returns the span of needle inside scalar n's text at or after
// *from, or n's span when it cannot be found (escapes, folding).
func (c *checker) findText(n *yaml.Node, needle string, from *int) document.Span {
	span := c.m.NodeSpan(n)
	t := c.m.Text()
	limit := min(len(t), *from+2*len(n.Value)+len(needle)+256)
	if *from < limit {
		if i := strings.Index(t[*from:limit], needle); i >= 0 {
			start := *from + i
			*from = start + len(needle)
			return document.Span{Start: start, End: start + len(needle)}
		}
	}
	return span
}

// mapKeys returns the keys of m, sorted, so that a suggestion among
// names equally near is the same in every run.
func mapKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// deploymentEndpoints reports endpoints of a deployment node that the
// file does not define; they are dropped when the pipeline is converted.
func (c *checker) deploymentEndpoints(p *pipe, node *yaml.Node, who string) {
	m := p.m
	for _, ep := range listify(document.ValueOf(node, schema.XEndpoints)) {
		name, ok := scalarText(ep)
		if !ok || !p.unresolved.has(ep, model.KindEndpoint, name) {
			continue
		}
		msg := fmt.Sprintf("%s includes endpoint %q, which this file does not define; it is left out of the deployment", who, name)
		var sugg []string
		if s := suggest.Closest(name, m.Names(model.KindEndpoint)); s != "" {
			msg = fmt.Sprintf("%s includes endpoint %q, which this file does not define; did you mean %q?", who, name, s)
			sugg = []string{s}
		}
		c.at(c.m.NodeSpan(ep), Information, CodeUnknownEndpoint, msg, sugg...)
	}
}
