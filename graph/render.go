package graph

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Formats are the formats Render writes.
var Formats = []string{"svg", "mermaid", "dot", "json"}

// Render writes the graphs in format. JSON is one object for a single
// pipeline asked for by name (single), else an array of them.
func Render(graphs []Graph, format string, single bool) ([]byte, error) {
	switch format {
	case "svg":
		return SVG(graphs...), nil
	case "mermaid":
		parts := make([]string, len(graphs))
		for i, g := range graphs {
			parts[i] = Mermaid(g)
		}
		return []byte(strings.Join(parts, "\n")), nil
	case "dot":
		parts := make([]string, len(graphs))
		for i, g := range graphs {
			parts[i] = Dot(g)
		}
		return []byte(strings.Join(parts, "\n")), nil
	case "json":
		var v any = graphs
		if single && len(graphs) == 1 {
			v = graphs[0]
		} else if graphs == nil {
			v = []Graph{}
		}
		out, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			return nil, fmt.Errorf("graph as JSON: %w", err)
		}
		return append(out, '\n'), nil
	}
	return nil, fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
}
