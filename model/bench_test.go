package model

import (
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/benchdata"
)

// BenchmarkBuild measures the names of the 5,000-line file (parsed once):
// what completion needs.
func BenchmarkBuild(b *testing.B) {
	doc := document.New("file:///x/valohai.yaml", 1, benchdata.Big)
	doc.Parsed()
	for b.Loop() {
		_ = Build(doc)
	}
}

// BenchmarkBuildRefs measures the names and every reference of the
// 5,000-line file: what navigation and diagnostics need.
func BenchmarkBuildRefs(b *testing.B) {
	doc := document.New("file:///x/valohai.yaml", 1, benchdata.Big)
	doc.Parsed()
	for b.Loop() {
		_ = Build(doc).Refs()
	}
}

// BenchmarkFromItems measures the names of the 5,000-line file without
// positions, as completion builds them before the version is parsed.
func BenchmarkFromItems(b *testing.B) {
	doc := document.New("file:///x/valohai.yaml", 1, benchdata.Big)
	var nodes []*yaml.Node
	for _, it := range doc.Parsed().Items {
		nodes = append(nodes, it.Node)
	}
	for b.Loop() {
		_ = FromItems(nodes)
	}
}
