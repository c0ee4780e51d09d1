package main

import (
	"encoding/xml"
	"strings"
	"testing"
)

// TestEndToEndGraph asks the binary for the graph of an open document
// through workspace/executeCommand, in each format, before and after an
// edit, and for what it cannot answer.
func TestEndToEndGraph(t *testing.T) {
	text := "- step:\n    name: train\n    image: python:3.12\n    command: python train.py\n" +
		"- pipeline:\n    name: flow\n    nodes:\n" +
		"      - name: a\n        type: execution\n        step: train\n" +
		"      - name: b\n        type: execution\n        step: train\n" +
		"    edges:\n      - [a.output.model*, b.input.model]\n"
	_, uri := project(t, text)
	s := startBinary(t)
	caps := s.initializeFull(t, nil, false)
	ec, _ := caps["executeCommandProvider"].(map[string]any)
	if cmds, _ := ec["commands"].([]any); len(cmds) != 1 || cmds[0] != "valohai-ls.graph" {
		t.Fatalf("executeCommandProvider = %v", caps["executeCommandProvider"])
	}
	s.open(t, uri, text)
	type result struct {
		URI     string `json:"uri"`
		Version int    `json:"version"`
		Format  string `json:"format"`
		Content string `json:"content"`
		Graphs  []struct {
			Pipeline string
			Nodes    []struct{ Name, Step string }
			Edges    []struct {
				Source, Target string
				Broken         bool
			}
		} `json:"graphs"`
	}
	call := func(args ...string) (result, error) {
		var r result
		err := s.Call("workspace/executeCommand", map[string]any{"command": "valohai-ls.graph", "arguments": args}, &r)
		return r, err
	}
	r, err := call(uri)
	if err != nil || r.Format != "svg" || xml.Unmarshal([]byte(r.Content), new(struct{})) != nil || !strings.Contains(r.Content, `data-node="b"`) {
		t.Fatalf("svg: %v %+v", err, r)
	}
	r, err = call(uri, "mermaid", "flow")
	if err != nil || !strings.Contains(r.Content, "flowchart LR") {
		t.Fatalf("mermaid: %v %+v", err, r)
	}
	r, err = call(uri, "json")
	if err != nil || len(r.Graphs) != 1 || len(r.Graphs[0].Nodes) != 2 || r.Graphs[0].Edges[0].Source != "a.output.model*" || r.Graphs[0].Edges[0].Broken {
		t.Fatalf("json: %v %+v", err, r)
	}

	// The edge now names a node the pipeline lacks: the next answer, for
	// the new version, draws it broken.
	edited := strings.Replace(text, "b.input.model", "c.input.model", 1)
	_ = s.Notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 2},
		"contentChanges": []any{map[string]any{"text": edited}}})
	if _, err := s.WaitDiagnostics(uri, 2); err != nil {
		t.Fatal(err)
	}
	r, err = call(uri, "json")
	if err != nil || r.Version != 2 || len(r.Graphs) != 1 || !r.Graphs[0].Edges[0].Broken {
		t.Fatalf("after the edit: %v %+v", err, r)
	}
	for _, bad := range [][]string{{}, {uri, "png"}, {uri, "svg", "nope"}, {"file:///not/open.yaml"}} {
		if _, err := call(bad...); err == nil {
			t.Errorf("arguments %q: no error", bad)
		}
	}
}
