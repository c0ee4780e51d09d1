package server

import (
	"strings"
	"testing"
)

// A client without hierarchical symbols or definition links gets flat
// symbols and plain locations.
func TestNavigationForSimpleClients(t *testing.T) {
	c := start(t, Options{})
	initialize(t, c)
	text := "- step:\n    name: train\n    image: x\n    command: x\n    parameters:\n      - name: lr\n" +
		"- pipeline:\n    name: p\n    nodes:\n      - name: a\n        type: execution\n        step: train\n    edges: []\n"
	open(t, c, testURI, text)
	var flat []struct {
		Name          string `json:"name"`
		ContainerName string `json:"containerName"`
		Location      struct {
			URI string `json:"uri"`
		} `json:"location"`
	}
	if err := c.Call("textDocument/documentSymbol", map[string]any{"textDocument": map[string]any{"uri": testURI}}, &flat); err != nil {
		t.Fatal(err)
	}
	if len(flat) != 4 || flat[1].Name != "lr" || flat[1].ContainerName != "train" || flat[0].Location.URI != testURI {
		t.Errorf("flat symbols: %+v", flat)
	}
	var locs []struct {
		URI   string `json:"uri"`
		Range struct {
			Start struct{ Line, Character int } `json:"start"`
		} `json:"range"`
	}
	if err := c.Call("textDocument/definition", pos(testURI, 11, 16), &locs); err != nil {
		t.Fatal(err)
	}
	if len(locs) != 1 || locs[0].Range.Start.Line != 1 || locs[0].Range.Start.Character != 10 {
		t.Errorf("definition: %+v", locs)
	}
	var prep any
	if err := c.Call("textDocument/prepareRename", pos(testURI, 2, 5), &prep); err != nil || prep != nil {
		t.Errorf("prepareRename on a key: %v %v", prep, err)
	}
}

// A node's step written as an alias of the step's name counts in the
// step's code lens and its references, and hover on the alias names it.
func TestAliasedStepOverStdio(t *testing.T) {
	c := start(t, Options{})
	initialize(t, c)
	text := "- step:\n    name: &n train\n    image: x\n    command: x\n" +
		"- pipeline:\n    name: p\n    nodes:\n      - name: t\n        type: execution\n        step: *n\n    edges: []\n"
	open(t, c, testURI, text)
	var lenses []struct {
		Command struct {
			Title string `json:"title"`
		} `json:"command"`
	}
	if err := c.Call("textDocument/codeLens", map[string]any{"textDocument": map[string]any{"uri": testURI}}, &lenses); err != nil {
		t.Fatal(err)
	}
	if len(lenses) == 0 || lenses[0].Command.Title != "used by 1 pipeline node" {
		t.Errorf("code lens: %+v", lenses)
	}
	var refs []struct {
		Range struct {
			Start struct{ Line, Character int } `json:"start"`
		} `json:"range"`
	}
	params := pos(testURI, 1, 14)
	params["context"] = map[string]any{"includeDeclaration": false}
	if err := c.Call("textDocument/references", params, &refs); err != nil {
		t.Fatal(err)
	}
	if len(refs) != 1 || refs[0].Range.Start.Line != 9 || refs[0].Range.Start.Character != 14 {
		t.Errorf("references: %+v", refs)
	}
	var h struct {
		Contents struct {
			Value string `json:"value"`
		} `json:"contents"`
	}
	if err := c.Call("textDocument/hover", pos(testURI, 9, 15), &h); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(h.Contents.Value, "train") || !strings.Contains(h.Contents.Value, "defined on line 2") {
		t.Errorf("hover on the alias: %q", h.Contents.Value)
	}
}
