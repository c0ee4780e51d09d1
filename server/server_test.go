package server

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/valohai-ls/valohai-ls/internal/lsptest"
)

const testURI = "file:///work/valohai.yaml"

// start serves a server over an in-memory pipe and returns a client.
func start(t testing.TB, opts Options) *lsptest.Client {
	t.Helper()
	return serveTest(t, newServer(opts))
}

func initialize(t *testing.T, c *lsptest.Client, encodings ...string) map[string]any {
	t.Helper()
	caps := map[string]any{
		"textDocument": map[string]any{"completion": map[string]any{"completionItem": map[string]any{"snippetSupport": true}}},
	}
	if len(encodings) > 0 {
		caps["general"] = map[string]any{"positionEncodings": encodings}
	}
	var res map[string]any
	if err := c.Call("initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": caps}, &res); err != nil {
		t.Fatalf("initialize: %v", err)
	}
	if err := c.Notify("initialized", map[string]any{}); err != nil {
		t.Fatal(err)
	}
	return res
}

func open(t *testing.T, c *lsptest.Client, uri, text string) {
	t.Helper()
	err := c.Notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": "yaml", "version": 1, "text": text}})
	if err != nil {
		t.Fatal(err)
	}
}

func pos(uri string, line, char int) map[string]any {
	return map[string]any{"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": line, "character": char}}
}

func rpcCode(err error) int {
	var e *lsptest.RPCError
	if errors.As(err, &e) {
		return e.Code
	}
	return 0
}

func TestRequestBeforeInitialize(t *testing.T) {
	c := start(t, Options{})
	err := c.Call("textDocument/hover", pos(testURI, 0, 0), nil)
	if rpcCode(err) != -32002 {
		t.Fatalf("want ServerNotInitialized (-32002), got %v", err)
	}
	initialize(t, c)
}

func TestEncodingNegotiation(t *testing.T) {
	tests := []struct {
		offer []string
		want  string
	}{
		{nil, "utf-16"},
		{[]string{"utf-16"}, "utf-16"},
		{[]string{"utf-16", "utf-32"}, "utf-32"},
		{[]string{"utf-16", "utf-32", "utf-8"}, "utf-8"},
	}
	for _, tc := range tests {
		c := start(t, Options{})
		res := initialize(t, c, tc.offer...)
		caps := res["capabilities"].(map[string]any)
		if got := caps["positionEncoding"]; got != tc.want {
			t.Errorf("offer %v: got %v, want %s", tc.offer, got, tc.want)
		}
	}
}

func TestBadInputKeepsSessionAlive(t *testing.T) {
	c := start(t, Options{})
	initialize(t, c)
	open(t, c, testURI, "- endpoint:\n    name: predict\n    \n")
	if _, err := c.WaitDiagnostics(testURI, 1); err != nil {
		t.Fatal(err)
	}

	// Malformed JSON: a parse error response, and the session goes on.
	ch := c.Expect("null")
	if err := c.WriteRaw([]byte(`{"jsonrpc":"2.0","id":77,"method":`)); err != nil {
		t.Fatal(err)
	}
	select {
	case m := <-ch:
		if m.Error == nil || m.Error.Code != -32700 {
			t.Errorf("want a parse error, got %+v", m)
		}
	case <-time.After(2 * time.Second):
		t.Log("no response to malformed JSON (allowed); checking the session is alive")
	}

	// Params of the wrong shape: an error, not a crash.
	err := c.CallRaw("textDocument/hover", `{"textDocument":{"uri":5},"position":"here"}`, nil)
	if err == nil {
		t.Error("want an error for malformed params")
	}
	// A notification with bad params must not close the connection.
	if err := c.WriteRaw([]byte(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":7}}`)); err != nil {
		t.Fatal(err)
	}
	// Unknown method.
	if err := c.Call("valohai/unknown", map[string]any{}, nil); rpcCode(err) != -32601 {
		t.Errorf("want MethodNotFound, got %v", err)
	}
	// Changes to a document never opened are ignored (a stale version is
	// applied: see TestChangesFollowTheClient).
	_ = c.Notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": "file:///other/valohai.yaml", "version": 2},
		"contentChanges": []any{map[string]any{"text": "x"}}})
	// Positions past the end of a line and of the document are clamped.
	var raw json.RawMessage
	if err := c.Call("textDocument/completion", pos(testURI, 2, 400), &raw); err != nil {
		t.Fatalf("completion past line end: %v", err)
	}
	if labels := lsptest.Labels(raw); !lsptest.HasLabel(labels, "image") {
		t.Errorf("completion past line end: labels %v", labels)
	}
	if err := c.Call("textDocument/hover", pos(testURI, 900, 900), nil); err != nil {
		t.Errorf("hover past the end: %v", err)
	}
	// Requests for documents never opened get empty answers.
	if err := c.Call("textDocument/completion", pos("file:///nope/valohai.yaml", 0, 0), &raw); err != nil {
		t.Errorf("completion on unknown document: %v", err)
	}
	// The session is still alive.
	if err := c.Call("textDocument/hover", pos(testURI, 1, 5), &raw); err != nil || !strings.Contains(string(raw), "name") {
		t.Fatalf("hover after bad input: %v %s", err, raw)
	}
}

func TestPanickingHandlerIsContained(t *testing.T) {
	c := start(t, Options{EnablePanicMethod: true})
	initialize(t, c)
	err := c.Call(PanicMethod, map[string]any{}, nil)
	if rpcCode(err) != -32603 {
		t.Fatalf("want InternalError from a panicking handler, got %v", err)
	}
	// The answer names the method and asks for a report.
	for _, want := range []string{PanicMethod, "deliberate panic", "bug", "report"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("internal error message %q does not mention %q", err.Error(), want)
		}
	}
	open(t, c, testURI, "- endpoint:\n    name: predict\n")
	d, err := c.WaitDiagnostics(testURI, 1)
	if err != nil || len(d.Diagnostics) == 0 {
		t.Fatalf("server did not go on after the panic: %v", err)
	}
}

func TestOtherDocumentsAreNotServed(t *testing.T) {
	c := start(t, Options{})
	initialize(t, c)
	other := "file:///work/config.yaml"
	open(t, c, other, "- endpoint:\n    name: X\n")
	var raw json.RawMessage
	if err := c.Call("textDocument/completion", pos(other, 1, 4), &raw); err != nil {
		t.Fatal(err)
	}
	if labels := lsptest.Labels(raw); len(labels) != 0 {
		t.Errorf("labels for an unserved document: %v", labels)
	}
	// Opened with the valohai-yaml language id, any name is served.
	err := c.Notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": "file:///work/pipelines.yaml", "languageId": "valohai-yaml", "version": 1, "text": "- endpoint:\n    name: X\n"}})
	if err != nil {
		t.Fatal(err)
	}
	d, err := c.WaitDiagnostics("file:///work/pipelines.yaml", 1)
	if err != nil || len(d.Diagnostics) == 0 {
		t.Fatalf("valohai-yaml language id not served: %v", err)
	}
}

func TestCloseClearsDiagnostics(t *testing.T) {
	c := start(t, Options{})
	initialize(t, c)
	open(t, c, testURI, "- endpoint:\n    name: X\n")
	if d, err := c.WaitDiagnostics(testURI, 1); err != nil || len(d.Diagnostics) == 0 {
		t.Fatalf("diagnostics: %v", err)
	}
	_ = c.Notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": testURI}})
	d, err := c.WaitDiagnostics(testURI, -1)
	if err != nil || len(d.Diagnostics) != 0 {
		t.Fatalf("want empty diagnostics after close: %v %+v", err, d)
	}
}

func TestBillionLaughsAnsweredAtOnce(t *testing.T) {
	var b strings.Builder
	b.WriteString("- endpoint:\n    name: lol\n    image: x\n    wsgi: a:b\n    description: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	b.WriteString("- step:\n    name: s\n")
	for i := 1; i < 12; i++ {
		b.WriteString("    x" + string(rune('a'+i)) + ": &a" + string(rune('a'+i)) + " [")
		prev := "a0"
		if i > 1 {
			prev = "a" + string(rune('a'+i-1))
		}
		for j := 0; j < 9; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*" + prev)
		}
		b.WriteString("]\n")
	}
	c := start(t, Options{})
	c.Timeout = 5 * time.Second
	initialize(t, c)
	open(t, c, testURI, b.String())
	if _, err := c.WaitDiagnostics(testURI, 1); err != nil {
		t.Fatalf("billion laughs: %v", err)
	}
	if err := c.Call("textDocument/hover", pos(testURI, 3, 5), nil); err != nil {
		t.Fatal(err)
	}
}

func TestCancelledRequest(t *testing.T) {
	c := start(t, Options{})
	initialize(t, c)
	// Cancelling an unknown or finished id is harmless.
	if err := c.Notify("$/cancelRequest", map[string]any{"id": 12345}); err != nil {
		t.Fatal(err)
	}
	if err := c.Notify("$/cancelRequest", map[string]any{"id": []int{1}}); err != nil {
		t.Fatal(err)
	}
	open(t, c, testURI, "- endpoint:\n    name: X\n")
	if _, err := c.WaitDiagnostics(testURI, 1); err != nil {
		t.Fatalf("session ended after odd cancel requests: %v", err)
	}
}

func TestFoldingRanges(t *testing.T) {
	c := start(t, Options{})
	initialize(t, c)
	open(t, c, testURI, "- endpoint:\n    name: predict\n    files:\n      - name: m\n        path: m.pb\n")
	var folds []struct {
		StartLine int `json:"startLine"`
		EndLine   int `json:"endLine"`
	}
	err := c.Call("textDocument/foldingRange", map[string]any{"textDocument": map[string]any{"uri": testURI}}, &folds)
	if err != nil {
		t.Fatal(err)
	}
	if len(folds) != 3 || folds[0].StartLine != 0 || folds[0].EndLine != 4 || folds[1].StartLine != 2 || folds[2].StartLine != 3 {
		t.Errorf("folding ranges: %+v", folds)
	}
}
