package main

import (
	"strings"
	"testing"
)

// TestEndToEndFormatting formats a file over stdio, whole and by range,
// and is refused a file that does not parse.
func TestEndToEndFormatting(t *testing.T) {
	text := "- step:\n" +
		"    name: train   # the name\n" +
		"    command:\n" +
		"        - python train.py\n" +
		"- step:\n" +
		"    name: eval\n" +
		"    command:\n" +
		"        - python eval.py\n"
	want := "- step:\n" +
		"    name: train   # the name\n" +
		"    command:\n" +
		"      - python train.py\n" +
		"\n" +
		"- step:\n" +
		"    name: eval\n" +
		"    command:\n" +
		"      - python eval.py\n"
	_, uri := project(t, text)
	s := startBinary(t)
	caps := s.initializeFull(t, nil, false)
	if caps["documentFormattingProvider"] != true || caps["documentRangeFormattingProvider"] != true {
		t.Fatalf("formatting not advertised: %v %v", caps["documentFormattingProvider"], caps["documentRangeFormattingProvider"])
	}
	s.open(t, uri, text)
	if got := s.format(t, uri, text); got != want {
		t.Errorf("formatting made\n%s\nwant\n%s", got, want)
	}
	var edits []textEdit
	opts := map[string]any{"tabSize": 4, "insertSpaces": true}
	// A range in the second item changes that item only.
	edits = nil
	rng := map[string]any{"start": map[string]any{"line": 6, "character": 0}, "end": map[string]any{"line": 7, "character": 3}}
	if err := s.Call("textDocument/rangeFormatting", map[string]any{"textDocument": map[string]any{"uri": uri}, "range": rng, "options": opts}, &edits); err != nil {
		t.Fatal(err)
	}
	wantRange := text[:strings.Index(text, "- step:\n    name: eval")] + "\n- step:\n    name: eval\n    command:\n      - python eval.py\n"
	if got := applyTextEdits(text, edits); got != wantRange {
		t.Errorf("range formatting made\n%s\nwant\n%s", got, wantRange)
	}
	broken := "- step:\n    name: [train\n"
	_, uri2 := project(t, broken)
	s.open(t, uri2, broken)
	err := s.Call("textDocument/formatting", map[string]any{"textDocument": map[string]any{"uri": uri2}, "options": opts}, &edits)
	if err == nil || !strings.Contains(err.Error(), "does not parse") {
		t.Errorf("formatting a broken file answered %v", err)
	}
}

// TestEndToEndFormattingSettings lays a file out with the indentation and
// list style of the "format" settings instead of the file's own.
func TestEndToEndFormattingSettings(t *testing.T) {
	text := "- step:\n" +
		"    name: train\n" +
		"    command:\n" +
		"      - python train.py\n"
	want := "- step:\n" +
		"      name: train\n" +
		"      command:\n" +
		"      - python train.py\n"
	_, uri := project(t, text)
	s := startBinary(t)
	s.initializeFull(t, map[string]any{"format": map[string]any{"indent": 4, "sequences": "flush"}}, false)
	s.open(t, uri, text)
	if got := s.format(t, uri, text); got != want {
		t.Errorf("formatting with the settings made\n%s\nwant\n%s", got, want)
	}
}

// format asks for the formatting of the open document uri (text) and
// returns the text its edits make.
func (s *session) format(t *testing.T, uri, text string) string {
	t.Helper()
	var edits []textEdit
	opts := map[string]any{"tabSize": 4, "insertSpaces": true}
	if err := s.Call("textDocument/formatting", map[string]any{"textDocument": map[string]any{"uri": uri}, "options": opts}, &edits); err != nil {
		t.Fatal(err)
	}
	return applyTextEdits(text, edits)
}
