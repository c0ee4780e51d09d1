// Package graph reads each pipeline of a valohai.yaml as a graph of its
// nodes and edges, as Valohai reads them, and draws it: as JSON for tools,
// as a self-contained SVG picture laid out in layers from left to right,
// and as Mermaid or Graphviz dot text for people who render elsewhere.
package graph
