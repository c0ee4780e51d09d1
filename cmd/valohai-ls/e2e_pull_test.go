package main

import (
	"os"
	"reflect"
	"testing"

	"github.com/valohai-ls/valohai-ls/internal/lsptest"
)

// TestEndToEndPullDiagnostics asks for a file's diagnostics with
// textDocument/diagnostic: the same findings the server publishes. It is
// not offered, even to a client that says it pulls (see capabilities).
func TestEndToEndPullDiagnostics(t *testing.T) {
	text := "- step:\n    name: train\n    image: python:3.12\n    comand: python train.py\n"
	_, uri := project(t, text)

	plain := startBinary(t)
	if caps := plain.initializeFull(t, nil, false); caps["diagnosticProvider"] != nil {
		t.Errorf("diagnosticProvider offered to a client that does not pull: %v", caps["diagnosticProvider"])
	}

	s := startBinary(t)
	var res struct {
		Capabilities map[string]any `json:"capabilities"`
	}
	params := map[string]any{"processId": os.Getpid(), "rootUri": nil, "capabilities": map[string]any{
		"textDocument": map[string]any{"diagnostic": map[string]any{"relatedDocumentSupport": false}}}}
	if err := s.Call("initialize", params, &res); err != nil {
		t.Fatal(err)
	}
	if err := s.Notify("initialized", map[string]any{}); err != nil {
		t.Fatal(err)
	}
	if res.Capabilities["diagnosticProvider"] != nil {
		t.Fatalf("diagnosticProvider offered while diagnostics are pushed: %v", res.Capabilities["diagnosticProvider"])
	}
	pushed := s.open(t, uri, text)
	if len(pushed.Diagnostics) == 0 {
		t.Fatal("no diagnostic published for a misspelt key")
	}
	var report struct {
		Kind  string               `json:"kind"`
		Items []lsptest.Diagnostic `json:"items"`
	}
	if err := s.Call("textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": uri}}, &report); err != nil {
		t.Fatal(err)
	}
	if report.Kind != "full" || !reflect.DeepEqual(report.Items, pushed.Diagnostics) {
		t.Errorf("pulled %s %+v, published %+v", report.Kind, report.Items, pushed.Diagnostics)
	}
}
