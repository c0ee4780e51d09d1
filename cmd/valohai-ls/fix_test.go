package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestCheckFix fixes what needs no choice, reports what is left, and
// leaves stdin and broken files alone.
func TestCheckFix(t *testing.T) {
	dir := t.TempDir()
	text := "- step:\n    name: a\n    imgae: x\n    command: y\n- step:\n    name: b\n    command: y\n"
	p := writeFile(t, dir, "valohai.yaml", text)
	broken := writeFile(t, dir, "broken.yaml", "- step:\n    name: \"a\n    imgae: x\n")
	nospace := writeFile(t, dir, "nospace.yaml", "- step:\n    name: a\n    image:x\n    command: y\n")
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"fixes and checks the rest", []string{"check", "--fix", "--no-scripts", p}, 1, "valohai.yaml: 1 problem fixed"},
		{"nothing left to fix", []string{"check", "--fix", "--no-scripts", p}, 1, ""},
		{"a syntax error", []string{"check", "--fix", "--no-scripts", broken}, 1, "has a YAML syntax error that no fix undoes; nothing fixed"},
		{"a syntax error with one repair", []string{"check", "--fix", "--no-scripts", nospace}, 0, "nospace.yaml: 1 problem fixed"},
		{"stdin", []string{"check", "--fix", "-"}, 2, "--fix changes files, not stdin"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errb := runIn(t, dir, tc.args...)
			if code != tc.code || !strings.Contains(errb, tc.stderr) {
				t.Errorf("exit %d (want %d)\nstdout:\n%s\nstderr:\n%s", code, tc.code, out, errb)
			}
		})
	}
	got, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Replace(text, "imgae", "image", 1); string(got) != want {
		t.Errorf("the file after --fix:\n%s\nwant:\n%s", got, want)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "broken.yaml")); string(b) != "- step:\n    name: \"a\n    imgae: x\n" {
		t.Errorf("the broken file changed:\n%s", b)
	}
	if b, _ := os.ReadFile(nospace); string(b) != "- step:\n    name: a\n    image: x\n    command: y\n" {
		t.Errorf("the file with a missing space after --fix:\n%s", b)
	}
}

// TestEndToEndFixAll asks the binary for the source.fixAll action: one
// edit that fixes both misspelt keys, and nothing when only quick fixes
// are asked for.
func TestEndToEndFixAll(t *testing.T) {
	text := "- step:\n    name: a\n    imgae: x\n    command: y\n- endpoint:\n    name: predict\n    image: python:3.12\n    wsgi: predict:app\n    prot: 8000\n"
	_, uri := project(t, text)
	s := startBinary(t)
	caps := s.initializeFull(t, nil, false)
	kinds, _ := caps["codeActionProvider"].(map[string]any)["codeActionKinds"].([]any)
	if !slices.Contains(toStrings(kinds), "source.fixAll") {
		t.Fatalf("codeActionKinds = %v", kinds)
	}
	s.open(t, uri, text)
	type textEdit struct {
		NewText string `json:"newText"`
	}
	type action struct {
		Title string `json:"title"`
		Kind  string `json:"kind"`
		Edit  struct {
			Changes         map[string][]textEdit `json:"changes"`
			DocumentChanges []struct {
				Edits []textEdit `json:"edits"`
			} `json:"documentChanges"`
		} `json:"edit"`
	}
	ask := func(only ...string) []action {
		var got []action
		params := map[string]any{"textDocument": map[string]any{"uri": uri},
			"range":   map[string]any{"start": map[string]any{"line": 0, "character": 0}, "end": map[string]any{"line": 0, "character": 0}},
			"context": map[string]any{"diagnostics": []any{}, "only": only}}
		if err := s.Call("textDocument/codeAction", params, &got); err != nil {
			t.Fatal(err)
		}
		return got
	}
	got := ask("source.fixAll")
	if len(got) != 1 || got[0].Kind != "source.fixAll" || got[0].Title != "Fix all auto-fixable problems" {
		t.Fatalf("fix-all actions: %+v", got)
	}
	var edits []string
	for _, es := range got[0].Edit.Changes {
		for _, e := range es {
			edits = append(edits, e.NewText)
		}
	}
	for _, dc := range got[0].Edit.DocumentChanges {
		for _, e := range dc.Edits {
			edits = append(edits, e.NewText)
		}
	}
	// One edit, from the first changed character (after "im") to the last.
	if len(edits) != 1 || !strings.HasPrefix(edits[0], "age: x") || !strings.HasSuffix(edits[0], "    por") {
		t.Errorf("the fix-all edit: %q", edits)
	}
	for _, a := range ask("quickfix") {
		if a.Kind == "source.fixAll" {
			t.Errorf("fix-all offered for quick fixes: %+v", a)
		}
	}
}

func toStrings(xs []any) []string {
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
