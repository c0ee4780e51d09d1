package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestEndToEndWorkspaceSymbols finds the items of every valohai.yaml of
// a monorepo's workspace folder, unopened files read from disk and an
// open one as edited, and follows a file that changes on disk.
func TestEndToEndWorkspaceSymbols(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, "valohai.yaml", "- step:\n    name: train-model\n    image: x\n    command: y\n"+
		"- pipeline:\n    name: nightly\n    nodes:\n      - name: fit\n        type: execution\n        step: train-model\n    edges: []\n")
	vision := filepath.Join(root, "vision")
	if err := os.MkdirAll(vision, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, vision, "valohai.yml", "- step:\n    name: segment\n    image: x\n    command: y\n")
	rootURI := "file://" + filepath.ToSlash(root)

	s := startBinary(t)
	var res struct {
		Capabilities map[string]any `json:"capabilities"`
	}
	if err := s.Call("initialize", map[string]any{"processId": os.Getpid(), "rootUri": nil,
		"workspaceFolders": []any{map[string]any{"uri": rootURI, "name": "repo"}},
		"capabilities":     map[string]any{}}, &res); err != nil {
		t.Fatal(err)
	}
	_ = s.Notify("initialized", map[string]any{})
	if res.Capabilities["workspaceSymbolProvider"] != true {
		t.Fatalf("workspaceSymbolProvider = %v", res.Capabilities["workspaceSymbolProvider"])
	}
	type symbol struct {
		Name          string `json:"name"`
		Kind          int    `json:"kind"`
		ContainerName string `json:"containerName"`
		Location      struct {
			URI   string   `json:"uri"`
			Range lspRange `json:"range"`
		} `json:"location"`
	}
	query := func(q string) []string {
		t.Helper()
		var got []symbol
		if err := s.Call("workspace/symbol", map[string]any{"query": q}, &got); err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, g := range got {
			rel := strings.TrimPrefix(g.Location.URI, rootURI+"/")
			out = append(out, g.Name+"@"+rel+":"+strconv.Itoa(g.Location.Range.Start.Line)+"/"+g.ContainerName)
		}
		return out
	}
	if got := strings.Join(query(""), " "); got != "fit@valohai.yaml:7/nightly nightly@valohai.yaml:5/ segment@vision/valohai.yml:1/ train-model@valohai.yaml:1/" {
		t.Errorf("every symbol: %s", got)
	}
	if got := strings.Join(query("sgm"), " "); got != "segment@vision/valohai.yml:1/" {
		t.Errorf("fuzzy: %s", got)
	}

	// An open document counts as edited, before it is saved.
	text := "- step:\n    name: segment-v2\n    image: x\n    command: y\n"
	_ = s.Notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": rootURI + "/vision/valohai.yml", "languageId": "yaml", "version": 1, "text": text}})
	if _, err := s.WaitDiagnostics(rootURI+"/vision/valohai.yml", 1); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(query("segment"), " "); got != "segment-v2@vision/valohai.yml:1/" {
		t.Errorf("open document: %s", got)
	}

	// A file changed on disk is read again when the client says so.
	writeFile(t, root, "valohai.yaml", "- step:\n    name: evaluate\n    image: x\n    command: y\n")
	_ = s.Notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{
		map[string]any{"uri": rootURI + "/valohai.yaml", "type": 2}}})
	if got := strings.Join(query("e"), " "); !strings.Contains(got, "evaluate@valohai.yaml:1/") || strings.Contains(got, "train-model") {
		t.Errorf("after the change on disk: %s", got)
	}
}
