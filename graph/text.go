package graph

import (
	"fmt"
	"strings"

	"github.com/valohai-ls/valohai-ls/schema"
)

// Mermaid writes the graph as a Mermaid flowchart, left to right:
// execution nodes as boxes, task nodes as subroutines, deployment nodes as
// stadiums; broken edges and nodes in red.
func Mermaid(g Graph) string {
	l := lay(g)
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s\n---\nflowchart LR\n", mermaidText(g.Pipeline))
	var broken []string
	for i, n := range l.nodes {
		open, closing := "[", "]"
		switch n.Type {
		case schema.NodeTask:
			open, closing = "[[", "]]"
		case schema.NodeDeployment:
			open, closing = "([", "])"
		}
		fmt.Fprintf(&b, "  n%d%s\"%s<br/>%s\"%s\n", i, open, mermaidText(n.Name), mermaidText(detail(n)), closing)
		if n.phantom || n.Missing {
			broken = append(broken, fmt.Sprintf("n%d", i))
		}
	}
	var red []string
	for i, k := range l.links {
		fmt.Fprintf(&b, "  n%d -->|\"%s\"| n%d\n", k.from, mermaidText(flowLabel(k.Edge)), k.to)
		if k.Broken {
			red = append(red, fmt.Sprint(i))
		}
	}
	if len(broken) > 0 {
		b.WriteString("  classDef broken stroke:#d93025,stroke-dasharray:5 3,fill:#fce8e6\n")
		fmt.Fprintf(&b, "  class %s broken\n", strings.Join(broken, ","))
	}
	if len(red) > 0 {
		fmt.Fprintf(&b, "  linkStyle %s stroke:#d93025\n", strings.Join(red, ","))
	}
	return b.String()
}

// mermaidText escapes what Mermaid reads inside a quoted label.
func mermaidText(s string) string {
	return strings.NewReplacer(`"`, "#quot;", "<", "#lt;", ">", "#gt;", "\n", " ").Replace(s)
}

// Dot writes the graph in Graphviz's dot language.
func Dot(g Graph) string {
	l := lay(g)
	var b strings.Builder
	fmt.Fprintf(&b, "digraph %s {\n  rankdir=LR;\n  node [fontname=\"sans-serif\"];\n", dotID(g.Pipeline))
	for i, n := range l.nodes {
		shape := "box"
		switch n.Type {
		case schema.NodeTask:
			shape = "box3d"
		case schema.NodeDeployment:
			shape = "hexagon"
		}
		attrs := fmt.Sprintf("shape=%s, label=%s", shape, dotID(n.Name+"\n"+detail(n)))
		if n.phantom || n.Missing {
			attrs += ", color=red, style=dashed"
		}
		fmt.Fprintf(&b, "  n%d [%s];\n", i, attrs)
	}
	for _, k := range l.links {
		attrs := "label=" + dotID(flowLabel(k.Edge))
		if k.Broken {
			attrs += ", color=red, style=dashed"
		}
		fmt.Fprintf(&b, "  n%d -> n%d [%s];\n", k.from, k.to, attrs)
	}
	b.WriteString("}\n")
	return b.String()
}

// dotID quotes s as a dot string.
func dotID(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}
