package diagnostics

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/suggest"
)

// CodeUnknownOutput is an output edge end that matches none of the
// outputs its node's step declares.
const CodeUnknownOutput = "unknown-output"

// outputEdges checks the output sockets of a pipeline's edges against the
// outputs their nodes' steps declare. A step that declares no outputs may
// write any file, so nothing is said about it; one that declares them
// tells what it writes, and a key that matches none of them most likely
// names the wrong file. Near a declared name, it is a typo (a warning,
// with the fix); otherwise the step may still write the file without
// declaring it (information).
func outputEdges(c *checker, m *model.Model, p *model.Symbol) {
	u := unresolvedOf(m, p)
	for _, e := range p.Children {
		if e.Kind != model.KindEdge {
			continue
		}
		for _, end := range edgeSockets(e.Body) {
			if isString(end) && u.has(end, model.KindOutput, "") {
				c.outputSocket(m, p, end)
			}
		}
	}
}

// edgeSockets returns the sockets an edge is written with: every item of
// a shorthand (one with too many or too few is reported as such, and its
// sockets are still read, as the model reads them), or its source and
// target.
func edgeSockets(e *yaml.Node) []*yaml.Node {
	if e = document.Deref(e); e != nil && e.Kind == yaml.SequenceNode {
		out := make([]*yaml.Node, 0, len(e.Content))
		for _, it := range e.Content {
			out = append(out, document.Deref(it))
		}
		return out
	}
	src, dst, _ := model.EdgeEnds(e)
	return []*yaml.Node{src, dst}
}

// outputSocket reports the edge end v, written `<node>.output.<key>`,
// whose key the model finds matches none of the outputs its node's step
// declares (an unresolved reference).
func (c *checker) outputSocket(m *model.Model, p *model.Symbol, v *yaml.Node) {
	s := model.ParseSocket(v.Value)
	st := m.StepOf(model.Child(p, model.KindNode, s.Node))
	declared, _ := model.DeclaredOutputs(st.Step)
	what := fmt.Sprintf("%q", s.Key)
	if s.Wildcard() {
		what = fmt.Sprintf("pattern %q", s.Key)
	}
	msg := fmt.Sprintf("step %q of node %q declares %s, and %s matches none", st.Name, s.Node, outputList(declared), what)
	if near := suggest.Closest(s.Key, declared); near != "" && near != s.Key {
		// The fix is offered, never applied unasked: a step may write
		// files it does not declare (`model.pkl.gz` beside `model.pkl`).
		sp := c.m.NodeSpan(v)
		c.add(Diagnostic{Start: sp.Start, End: sp.End, Severity: Warning, Code: CodeUnknownOutput,
			Message:     msg + fmt.Sprintf("; did you mean %q?", near),
			Suggestions: []string{s.Node + "." + s.Type + "." + near}, Fix: &Fix{Choice: true}})
		return
	}
	c.at(c.m.NodeSpan(v), Information, CodeUnknownOutput, msg+"; if the step writes it, declare it too")
}

// outputList names the declared outputs for a message.
func outputList(names []string) string {
	if len(names) == 1 {
		return fmt.Sprintf("the output %q", names[0])
	}
	q := make([]string, 0, 3)
	for _, n := range names[:min(len(names), 2)] {
		q = append(q, fmt.Sprintf("%q", n))
	}
	if len(names) > 2 {
		q = append(q, fmt.Sprintf("%d more", len(names)-2))
	}
	return "the outputs " + strings.Join(q, ", ")
}
