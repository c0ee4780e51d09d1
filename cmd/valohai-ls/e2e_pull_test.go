package main

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/valohai-ls/valohai-ls/internal/lsptest"
)

// pullText has one misspelt key, fixed by pullFixed.
const (
	pullText  = "- step:\n    name: train\n    image: python:3.12\n    comand: python train.py\n"
	pullFixed = "- step:\n    name: train\n    image: python:3.12\n    command: python train.py\n"
)

type pullReport struct {
	Kind  string               `json:"kind"`
	Items []lsptest.Diagnostic `json:"items"`
}

func (s *session) pull(t *testing.T, uri string) pullReport {
	t.Helper()
	var r pullReport
	if err := s.Call("textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": uri}}, &r); err != nil {
		t.Fatal(err)
	}
	return r
}

// TestEndToEndPushDiagnostics: a client that does not say it pulls is
// offered no textDocument/diagnostic and has every version's findings
// pushed; a fixed problem is published away.
func TestEndToEndPushDiagnostics(t *testing.T) {
	_, uri := project(t, pullText)
	s := startBinary(t)
	if caps := s.initializeFull(t, nil, false); caps["diagnosticProvider"] != nil {
		t.Errorf("diagnosticProvider offered to a client that does not pull: %v", caps["diagnosticProvider"])
	}
	if d := s.open(t, uri, pullText); countCode(d, "unknown-key") != 1 {
		t.Fatalf("published %+v, want one unknown-key", d.Diagnostics)
	}
	_ = s.Notify("textDocument/didChange", map[string]any{"textDocument": textDocWith(uri, 2),
		"contentChanges": []map[string]any{{"text": pullFixed}}})
	d, err := s.WaitDiagnostics(uri, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Diagnostics) != 0 {
		t.Errorf("the fixed file still has %+v", d.Diagnostics)
	}
}

// TestEndToEndPullDiagnostics: a client that pulls (LSP 3.17) is offered
// textDocument/diagnostic and answered each version's findings, the same
// ones a pushing client gets; nothing is pushed to it, so no stale copy
// stays beside the pulled one; when the settings change it is asked to
// pull again (workspace/diagnostic/refresh).
func TestEndToEndPullDiagnostics(t *testing.T) {
	_, uri := project(t, pullText)

	push := startBinary(t)
	push.initializeFull(t, nil, false)
	pushed := push.open(t, uri, pullText)

	s := startBinary(t)
	requests := make(chan string, 16)
	s.SetOnRequest(func(method string, _ json.RawMessage) any {
		requests <- method
		return nil
	})
	var res struct {
		Capabilities map[string]any `json:"capabilities"`
	}
	params := map[string]any{"processId": os.Getpid(), "rootUri": nil, "capabilities": map[string]any{
		"workspace":    map[string]any{"diagnostics": map[string]any{"refreshSupport": true}},
		"textDocument": map[string]any{"diagnostic": map[string]any{"relatedDocumentSupport": false}}}}
	if err := s.Call("initialize", params, &res); err != nil {
		t.Fatal(err)
	}
	if err := s.Notify("initialized", map[string]any{}); err != nil {
		t.Fatal(err)
	}
	offer, _ := res.Capabilities["diagnosticProvider"].(map[string]any)
	if offer == nil || offer["interFileDependencies"] != true || offer["workspaceDiagnostics"] != false {
		t.Fatalf("diagnosticProvider = %v, want the document pull offered", res.Capabilities["diagnosticProvider"])
	}
	_ = s.Notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": "yaml", "version": 1, "text": pullText}})
	if r := s.pull(t, uri); r.Kind != "full" || !reflect.DeepEqual(r.Items, pushed.Diagnostics) {
		t.Errorf("pulled %s %+v, a pushing client has %+v", r.Kind, r.Items, pushed.Diagnostics)
	}
	_ = s.Notify("textDocument/didChange", map[string]any{"textDocument": textDocWith(uri, 2),
		"contentChanges": []map[string]any{{"text": pullFixed}}})
	if r := s.pull(t, uri); len(r.Items) != 0 {
		t.Errorf("the fixed file pulled %+v", r.Items)
	}

	_ = s.Notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{
		"valohai-ls": map[string]any{"diagnostics": map[string]any{"rules": map[string]any{"unknown-key": "off"}}}}})
	select {
	case m := <-requests:
		if m != "workspace/diagnostic/refresh" {
			t.Errorf("the server asked %s, want workspace/diagnostic/refresh", m)
		}
	case <-time.After(10 * time.Second):
		t.Error("no workspace/diagnostic/refresh after the settings changed")
	}

	// Nothing was pushed: shut down (which drops pending work) and look
	// through every notification received.
	s.shutdown(t)
	<-s.Done()
	if m, err := s.WaitNotification("textDocument/publishDiagnostics"); err == nil {
		t.Errorf("diagnostics pushed to a client that pulls: %s", m.Params)
	}
}

func textDocWith(uri string, version int) map[string]any {
	return map[string]any{"uri": uri, "version": version}
}

// TestPullDiagnosticsOptOut: with "diagnostics": {"pull": false} a
// client that can pull is offered no pull diagnostics and is pushed to.
func TestPullDiagnosticsOptOut(t *testing.T) {
	_, uri := project(t, pullText)
	s := startBinary(t)
	var res struct {
		Capabilities map[string]any `json:"capabilities"`
	}
	params := map[string]any{"processId": os.Getpid(), "rootUri": nil,
		"initializationOptions": map[string]any{"diagnostics": map[string]any{"pull": false}},
		"capabilities":          map[string]any{"textDocument": map[string]any{"diagnostic": map[string]any{"relatedDocumentSupport": false}}}}
	if err := s.Call("initialize", params, &res); err != nil {
		t.Fatal(err)
	}
	if err := s.Notify("initialized", map[string]any{}); err != nil {
		t.Fatal(err)
	}
	if res.Capabilities["diagnosticProvider"] != nil {
		t.Errorf("pull diagnostics offered although turned off: %v", res.Capabilities["diagnosticProvider"])
	}
	if d := s.open(t, uri, pullText); countCode(d, "unknown-key") != 1 {
		t.Errorf("published %+v, want one unknown-key", d.Diagnostics)
	}
}

// TestPullCancelled: a pull cancelled by the client is answered with its
// findings or with RequestCancelled, never with another error (which
// VS Code's client takes as a failure and stops pulling the document).
func TestPullCancelled(t *testing.T) {
	_, uri := project(t, pullText)
	s := startBinary(t)
	s.initializeFull(t, nil, false)
	_ = s.Notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": "yaml", "version": 1, "text": pullText}})
	for i := range 50 {
		_ = s.Notify("textDocument/didChange", map[string]any{"textDocument": textDocWith(uri, i+2),
			"contentChanges": []map[string]any{{"text": pullText + strings.Repeat("#\n", i)}}})
		id := fmt.Sprintf("pull-%d", i)
		answer := s.Expect(strconv.Quote(id))
		body := fmt.Sprintf(`{"jsonrpc":"2.0","id":%q,"method":"textDocument/diagnostic","params":{"textDocument":{"uri":%q}}}`, id, uri)
		if err := s.WriteRaw([]byte(body)); err != nil {
			t.Fatal(err)
		}
		_ = s.Notify("$/cancelRequest", map[string]any{"id": id})
		select {
		case m := <-answer:
			if m.Error != nil && m.Error.Code != -32800 {
				t.Fatalf("pull %d answered %v, want findings or RequestCancelled (-32800)", i, m.Error)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("pull %d not answered", i)
		}
	}
	if r := s.pull(t, uri); countItems(r.Items, "unknown-key") != 1 {
		t.Errorf("after the cancelled pulls, pulled %+v", r.Items)
	}
}

func countItems(items []lsptest.Diagnostic, code string) int {
	n := 0
	for _, d := range items {
		if d.Code == code {
			n++
		}
	}
	return n
}
