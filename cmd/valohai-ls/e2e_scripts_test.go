package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"go.lsp.dev/uri"
)

// TestEndToEndScriptChange checks over stdio that the step's diagnostics
// follow its script on disk: the server registers a watcher of Python
// files, and a change it is told of checks the YAML again.
func TestEndToEndScriptChange(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "train.py")
	write := func(text string) {
		if err := os.WriteFile(script, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("import argparse\np = argparse.ArgumentParser()\np.add_argument('--epochs', type=int, default=10)\nargs = p.parse_args()\n")
	yamlURI := string(uri.File(filepath.Join(dir, "valohai.yaml")))
	text := "- step:\n    name: train\n    image: python:3.12\n    command: python train.py {parameters}\n" +
		"    parameters:\n      - {name: epochs, type: integer, default: 10}\n      - {name: lr, type: float, default: 0.1}\n"

	s := startBinary(t)
	var mu sync.Mutex
	var registered []string
	s.SetOnRequest(func(method string, params json.RawMessage) any {
		mu.Lock()
		defer mu.Unlock()
		if method == "client/registerCapability" {
			registered = append(registered, string(params))
		}
		return nil
	})
	caps := map[string]any{"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}}}
	if err := s.Call("initialize", map[string]any{"processId": os.Getpid(), "rootUri": string(uri.File(dir)), "capabilities": caps}, nil); err != nil {
		t.Fatal(err)
	}
	_ = s.Notify("initialized", map[string]any{})
	_ = s.Notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": yamlURI, "languageId": "yaml", "version": 1, "text": text}})
	d, err := s.WaitDiagnostics(yamlURI, 1)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, x := range d.Diagnostics {
		found = found || x.Code == "script-unknown-option" && x.Range.Start.Line == 6 && strings.Contains(x.Message, "--lr")
	}
	if !found {
		t.Fatalf("no script-unknown-option on lr: %+v", d.Diagnostics)
	}

	write("import argparse\np = argparse.ArgumentParser()\np.add_argument('--epochs', type=int, default=10)\np.add_argument('--lr', type=float, default=0.1)\nargs = p.parse_args()\n")
	_ = s.Notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": string(uri.File(script)), "type": 2}}})
	d, err = s.WaitDiagnostics(yamlURI, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range d.Diagnostics {
		if strings.HasPrefix(x.Code, "script-") {
			t.Errorf("after the script accepts --lr: %+v", x)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(registered) != 1 || !strings.Contains(registered[0], `**/*.py`) || !strings.Contains(registered[0], "workspace/didChangeWatchedFiles") {
		t.Errorf("watcher registrations: %q", registered)
	}
	s.shutdown(t)
}
