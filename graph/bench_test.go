package graph

import (
	"fmt"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
)

// bigPipeline writes a pipeline of n nodes in layers of ten, each node
// fed by two nodes of the layer before (the goal: 200 nodes drawn in
// under 50 ms).
func bigPipeline(n int) string {
	var b strings.Builder
	b.WriteString("- step:\n    name: s\n    image: python:3.12\n    command: python s.py\n- pipeline:\n    name: big\n    nodes:\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "      - name: n%d\n        type: execution\n        step: s\n", i)
	}
	b.WriteString("    edges:\n")
	for i := 10; i < n; i++ {
		fmt.Fprintf(&b, "      - [n%d.output.*, n%d.input.a]\n", i-10, i)
		fmt.Fprintf(&b, "      - [n%d.output.*, n%d.input.b]\n", i-10+(i*7)%10-i%10, i)
	}
	return b.String()
}

func BenchmarkSVG200(b *testing.B) {
	text := bigPipeline(200)
	for i := 0; i < b.N; i++ {
		x := model.Of(document.New("file:///big.yaml", 1, text))
		g, ok := Named(x, "big")
		if !ok || len(g.Nodes) != 200 {
			b.Fatalf("nodes: %d", len(g.Nodes))
		}
		_ = SVG(g)
	}
}
