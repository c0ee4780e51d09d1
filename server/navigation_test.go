package server

import (
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
