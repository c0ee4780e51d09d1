package main

import (
	"strings"
	"testing"
)

// selectionRange is an LSP selection range as decoded from the wire.
type selectionRange struct {
	Range  lspRange        `json:"range"`
	Parent *selectionRange `json:"parent"`
}

// texts returns the text of each range of the chain, innermost first.
func (r *selectionRange) texts(text string) []string {
	lines := strings.SplitAfter(text, "\n")
	off := func(line, char int) int {
		o := 0
		for i := 0; i < line && i < len(lines); i++ {
			o += len(lines[i])
		}
		return o + char
	}
	var out []string
	for ; r != nil; r = r.Parent {
		out = append(out, text[off(r.Range.Start.Line, r.Range.Start.Character):off(r.Range.End.Line, r.Range.End.Character)])
	}
	return out
}

// TestEndToEndSelectionRange asks the binary for the selection ranges at
// two positions at once, in a file whose second item does not parse.
func TestEndToEndSelectionRange(t *testing.T) {
	text := "- step:\n" +
		"    name: train\n" +
		"    image: python:3.12\n" +
		"    command: python train.py {parameter:epochs}\n" +
		"    parameters:\n" +
		"      - name: epochs\n" +
		"        type: integer\n" +
		"- step:\n" +
		"    name: broken\n" +
		"    image: \"unclosed\n" +
		"    command: python other.py\n"
	_, uri := project(t, text)
	s := startBinary(t)
	caps := s.initializeFull(t, nil, false)
	if caps["selectionRangeProvider"] != true {
		t.Fatalf("selectionRangeProvider = %v", caps["selectionRangeProvider"])
	}
	s.open(t, uri, text)
	var got []selectionRange
	params := map[string]any{"textDocument": map[string]any{"uri": uri}, "positions": []any{
		posOf(t, text, "epochs}", 1, 2), posOf(t, text, "other.py", 1, 1)}}
	if err := s.Call("textDocument/selectionRange", params, &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("%d selection ranges for 2 positions", len(got))
	}
	first := got[0].texts(text)
	want := []string{"epochs", "{parameter:epochs}", "python train.py {parameter:epochs}",
		"command: python train.py {parameter:epochs}"}
	for i, w := range want {
		if i >= len(first) || first[i] != w {
			t.Fatalf("chain at the placeholder: %q, want it to start %q", first, want)
		}
	}
	if n := len(first); first[n-1] != text || !strings.HasPrefix(first[n-2], "- step:\n    name: train") {
		t.Errorf("chain at the placeholder ends %q, want the item then the file", first[max(0, n-2):])
	}
	second := got[1].texts(text)
	if len(second) < 4 || second[0] != "python other.py" || second[1] != "command: python other.py" ||
		!strings.HasPrefix(second[len(second)-2], "- step:\n    name: broken") {
		t.Errorf("chain in the broken item: %q", second)
	}
	s.shutdown(t)
}

// TestEndToEndSelectionRangeOff turns the feature off in the
// initialization options: it is not advertised.
func TestEndToEndSelectionRangeOff(t *testing.T) {
	s := startBinary(t)
	caps := s.initializeFull(t, map[string]any{"selectionRanges": false}, false)
	if _, ok := caps["selectionRangeProvider"]; ok {
		t.Errorf("selectionRangeProvider advertised although turned off: %v", caps["selectionRangeProvider"])
	}
	s.shutdown(t)
}
