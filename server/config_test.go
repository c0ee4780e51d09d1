package server

import (
	"encoding/json"
	"strings"
	"testing"
)

// A response whose result is null (the usual answer to
// workspace/configuration) is a valid message.
func TestNullResultIsAMessage(t *testing.T) {
	if code, msg, _ := check([]byte(`{"jsonrpc":"2.0","id":1,"result":null}`)); code != 0 {
		t.Fatalf("null result rejected: %s", msg)
	}
	if code, _, id := check([]byte(`{"jsonrpc":"2.0","id":7}`)); code == 0 || id != "7" {
		t.Fatalf("message without method or result accepted (id %s)", id)
	}
}

func TestSettingsFromInitializationOptions(t *testing.T) {
	c := start(t, Options{})
	var res map[string]any
	err := c.Call("initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": map[string]any{},
		"initializationOptions": map[string]any{"valohai-ls": map[string]any{"hover": false, "codeLens": false, "bogus": 1}}}, &res)
	if err != nil {
		t.Fatal(err)
	}
	caps := res["capabilities"].(map[string]any)
	if caps["hoverProvider"] != nil || caps["codeLensProvider"] != nil || caps["completionProvider"] == nil {
		t.Errorf("capabilities with hover and codeLens off: %v", caps)
	}
	_ = c.Notify("initialized", map[string]any{})
	msg, err := c.WaitNotification("window/showMessage")
	if err != nil {
		t.Fatal(err)
	}
	var p struct {
		Type    int    `json:"type"`
		Message string `json:"message"`
	}
	_ = json.Unmarshal(msg.Params, &p)
	if p.Type != 2 || !strings.Contains(p.Message, `unknown setting "bogus"`) {
		t.Errorf("showMessage %+v", p)
	}
	open(t, c, testURI, "- endpoint:\n    name: x\n")
	var hover any
	if err := c.Call("textDocument/hover", pos(testURI, 1, 5), &hover); err != nil || hover != nil {
		t.Errorf("hover while off: %v %v", hover, err)
	}
}
