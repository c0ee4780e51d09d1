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

// A client that drops the data of diagnostics still gets the
// did-you-mean fix.
func TestCodeActionWithoutData(t *testing.T) {
	c := start(t, Options{})
	initialize(t, c)
	text := "- endpoint:\n    nmae: x\n    image: y\n    wsgi: a:b\n"
	open(t, c, testURI, text)
	d, err := c.WaitDiagnostics(testURI, 1)
	if err != nil {
		t.Fatal(err)
	}
	var ctxDiags []any
	for _, x := range d.Diagnostics {
		if x.Code == "unknown-key" {
			ctxDiags = append(ctxDiags, map[string]any{"range": x.Range, "code": x.Code, "message": x.Message, "severity": x.Severity})
		}
	}
	var actions []struct {
		Title string `json:"title"`
	}
	err = c.Call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": testURI},
		"range":   map[string]any{"start": map[string]any{"line": 1, "character": 4}, "end": map[string]any{"line": 1, "character": 4}},
		"context": map[string]any{"diagnostics": ctxDiags}}, &actions)
	if err != nil {
		t.Fatal(err)
	}
	if len(ctxDiags) != 1 || len(actions) == 0 || actions[0].Title != `Change "nmae" to "name"` {
		t.Errorf("actions %+v for %+v", actions, ctxDiags)
	}
}

// An unknown rule code with no near match is warned about once, naming
// the setting, however often the settings are pushed again.
func TestUnknownRuleCodeWarnedOnce(t *testing.T) {
	c := start(t, Options{})
	initialize(t, c)
	push := func(conf map[string]any) {
		if err := c.Notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"valohai-ls": conf}}); err != nil {
			t.Fatal(err)
		}
	}
	bogus := map[string]any{"diagnostics": map[string]any{"rules": map[string]any{"bogus-rule": "off"}}}
	push(bogus)
	push(bogus)
	push(map[string]any{"diagnostics": map[string]any{"rules": map[string]any{"bogus-rule": "off"}}, "completon": false})
	var messages []string
	for range 2 {
		msg, err := c.WaitNotification("window/showMessage")
		if err != nil {
			t.Fatal(err)
		}
		var p struct {
			Message string `json:"message"`
		}
		_ = json.Unmarshal(msg.Params, &p)
		messages = append(messages, p.Message)
	}
	// The second message is the next problem, not the first again.
	if !strings.Contains(messages[0], `"diagnostics.rules.bogus-rule" changes nothing`) || strings.Contains(messages[1], "bogus-rule") ||
		!strings.Contains(messages[1], `unknown setting "completon"`) {
		t.Errorf("messages %q", messages)
	}
}
