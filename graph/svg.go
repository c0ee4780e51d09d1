package graph

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/valohai-ls/valohai-ls/schema"
)

// SVG draws the graphs as one self-contained SVG picture, one pipeline
// below the other: nodes in layers from left to right, labelled with their
// name and step, coloured and shaped by type; each edge labelled with what
// flows on it; what names nothing (a node's missing step, an edge's
// missing node) in red. The same graphs always give the same bytes.
func SVG(graphs ...Graph) []byte {
	var body bytes.Buffer
	width, y := float64(2*margin+boxW), 0.0
	for _, g := range graphs {
		l := lay(g)
		fmt.Fprintf(&body, `<g class="pipeline" data-pipeline="%s" transform="translate(0,%.0f)">`+"\n", esc(g.Pipeline), y)
		fmt.Fprintf(&body, `<text class="title" x="%d" y="16">%s</text>`+"\n", margin, esc("pipeline "+g.Pipeline))
		body.WriteString(`<g transform="translate(0,24)">` + "\n")
		for _, k := range l.links {
			drawLink(&body, l, k)
		}
		for _, n := range l.nodes {
			drawNode(&body, n)
		}
		body.WriteString("</g>\n</g>\n")
		width = max(width, l.width)
		y += l.height + 24
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" font-family="sans-serif" font-size="12">`+"\n",
		width, y, width, y)
	b.WriteString(svgStyle)
	b.Write(body.Bytes())
	b.WriteString("</svg>\n")
	return b.Bytes()
}

const svgStyle = `<style>
.node rect, .node polygon { stroke-width: 1.5; }
.execution rect { fill: #e8f0fe; stroke: #1a73e8; }
.task rect { fill: #f3e8fd; stroke: #8430ce; }
.deployment polygon { fill: #e6f4ea; stroke: #188038; }
.other rect { fill: #f1f3f4; stroke: #5f6368; }
.broken rect, .broken polygon { stroke: #d93025; stroke-dasharray: 5 3; fill: #fce8e6; }
.name { font-weight: bold; fill: #202124; }
.detail { fill: #5f6368; font-size: 11px; }
.edge { fill: none; stroke: #5f6368; stroke-width: 1.3; }
.edge.broken { stroke: #d93025; stroke-dasharray: 5 3; }
.flow { fill: #3c4043; font-size: 10px; }
.flow.broken { fill: #d93025; }
.title { font-weight: bold; fill: #202124; font-size: 13px; }
</style>
<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#5f6368"/></marker>
<marker id="arrow-broken" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#d93025"/></marker></defs>
`

func drawNode(b *bytes.Buffer, n *placed) {
	class := n.Type
	switch class {
	case schema.NodeExecution, schema.NodeTask, schema.NodeDeployment:
	default:
		class = "other"
	}
	if n.phantom || n.Missing {
		class += " broken"
	}
	fmt.Fprintf(b, `<g class="node %s" data-node="%s">`, class, esc(n.Name))
	x, y := n.x, n.y
	switch {
	case n.Type == schema.NodeDeployment:
		s := 12.0
		fmt.Fprintf(b, `<polygon points="%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f"/>`,
			x+s, y, x+boxW-s, y, x+boxW, y+boxH/2, x+boxW-s, y+boxH, x+s, y+boxH, x, y+boxH/2)
	case n.Type == schema.NodeTask:
		// A task runs many executions: a stack of two boxes.
		fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="%d" height="%d" rx="6"/>`, x+4, y-4, boxW, boxH)
		fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="%d" height="%d" rx="6"/>`, x, y, boxW, boxH)
	default:
		fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="%d" height="%d" rx="6"/>`, x, y, boxW, boxH)
	}
	fmt.Fprintf(b, `<text class="name" x="%.1f" y="%.1f" text-anchor="middle">%s</text>`, x+boxW/2, y+20, esc(clip(n.Name, 26)))
	fmt.Fprintf(b, `<text class="detail" x="%.1f" y="%.1f" text-anchor="middle">%s</text>`, x+boxW/2, y+36, esc(clip(detail(n), 27)))
	b.WriteString("</g>\n")
}

// detail is the second line of a node's label.
func detail(n *placed) string {
	switch {
	case n.phantom:
		return "no such node"
	case n.Task != "":
		return "task " + n.Task + missing(n)
	case n.Step != "":
		return n.Type + " · " + n.Step + missing(n)
	}
	return n.Type
}

func missing(n *placed) string {
	if n.Missing {
		return " (missing)"
	}
	return ""
}

func drawLink(b *bytes.Buffer, l *layout, k link) {
	from, to := l.nodes[k.from], l.nodes[k.to]
	x1, y1 := from.x+boxW, from.y+boxH/2
	x2, y2 := to.x, to.y+boxH/2
	var d string
	var lx, ly float64
	switch {
	case to.layer > from.layer+1:
		// An edge over the layers between: an arc above them.
		top := min(y1, y2) - boxH*1.1
		d = fmt.Sprintf("M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f", x1, y1-8, x1+gapX/2, top, x2-gapX/2, top, x2, y2-8)
		lx, ly = (x1+x2)/2, top+boxH*0.25
	case to.layer > from.layer:
		c := (x2 - x1) / 2
		d = fmt.Sprintf("M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f", x1, y1, x1+c, y1, x2-c, y2, x2, y2)
		lx, ly = (x1+x2)/2, (y1+y2)/2-4
	default:
		// An edge back (a cycle, or to itself): a loop below the nodes.
		x1, y1 = from.x+boxW/2, from.y+boxH
		x2, y2 = to.x+boxW/2, to.y+boxH
		low := max(y1, y2) + boxH*0.8
		d = fmt.Sprintf("M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f", x1, y1, x1+40, low, x2-40, low, x2, y2)
		lx, ly = (x1+x2)/2, low-2
	}
	class, marker := "edge", "arrow"
	if k.Broken {
		class, marker = "edge broken", "arrow-broken"
	}
	fmt.Fprintf(b, `<path class="%s" d="%s" marker-end="url(#%s)"><title>%s</title></path>`+"\n",
		class, d, marker, esc(k.Source+" → "+k.Target))
	// Two short lines fit between the layers: what leaves, where it goes.
	_, into, _ := strings.Cut(k.Target, ".")
	fmt.Fprintf(b, `<text class="%s" x="%.1f" y="%.1f" text-anchor="middle" data-flow="%s"><tspan x="%.1f">%s</tspan><tspan x="%.1f" dy="12">%s</tspan></text>`+"\n",
		strings.Replace(class, "edge", "flow", 1), lx, ly-12, esc(flowLabel(k.Edge)),
		lx, esc(clip(Flow(k.Edge), 22)), lx, esc(clip("→ "+into, 22)))
}

// flowLabel says what an edge carries and where it goes in the target:
// "output.model* → input.model".
func flowLabel(e Edge) string {
	_, to, _ := strings.Cut(e.Target, ".")
	return Flow(e) + " → " + to
}

// clip shortens s to n characters, marking the cut.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}
