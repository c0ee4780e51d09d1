package main

import (
	"testing"
)

// TestEndToEndSyntaxQuickFix sends back the published syntax error of a
// tab-indented key (without its data) and gets the one repair: the tab
// made four spaces, preferred.
func TestEndToEndSyntaxQuickFix(t *testing.T) {
	text := "- step:\n    name: train\n\timage: python:3.9\n    command: python train.py\n"
	_, uri := project(t, text)
	s := startBinary(t)
	s.initializeFull(t, nil, false)
	d := s.open(t, uri, text)
	var syntax map[string]any
	for _, x := range d.Diagnostics {
		if x.Code == "yaml-syntax" {
			syntax = map[string]any{"range": x.Range, "severity": x.Severity, "code": x.Code, "message": x.Message, "source": "valohai-ls"}
		}
	}
	if syntax == nil {
		t.Fatalf("no yaml-syntax diagnostic: %+v", d.Diagnostics)
	}
	var actions []struct {
		Title       string `json:"title"`
		Kind        string `json:"kind"`
		IsPreferred bool   `json:"isPreferred"`
		Edit        struct {
			Changes map[string][]textEdit `json:"changes"`
		} `json:"edit"`
	}
	params := map[string]any{"textDocument": map[string]any{"uri": uri}, "range": syntax["range"],
		"context": map[string]any{"diagnostics": []any{syntax}, "only": []string{"quickfix"}}}
	if err := s.Call("textDocument/codeAction", params, &actions); err != nil {
		t.Fatal(err)
	}
	if len(actions) != 1 || actions[0].Title != "Indent with 4 spaces instead of a tab" || !actions[0].IsPreferred {
		t.Fatalf("actions: %+v", actions)
	}
	es := actions[0].Edit.Changes[uri]
	if len(es) != 1 || es[0].NewText != "    " || es[0].Range.Start.Line != 2 || es[0].Range.Start.Character != 0 || es[0].Range.End.Character != 1 {
		t.Errorf("the edit: %+v", es)
	}
	s.shutdown(t)
}
