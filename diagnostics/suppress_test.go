package diagnostics

import (
	"context"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
)

func TestParseDirective(t *testing.T) {
	tests := []struct {
		line  string
		ok    bool
		all   bool
		codes []string
	}{
		{"# valohai-ls: ignore", true, true, nil},
		{"    name: X  # valohai-ls: ignore[pattern-mismatch]", true, false, []string{"pattern-mismatch"}},
		{"#valohai-ls: ignore[a, b ,c]", true, false, []string{"a", "b", "c"}},
		{"# valohai-ls: ignore -- the platform accepts it", true, true, nil},
		{"# valohai-ls: ignore [unknown-key]", true, false, []string{"unknown-key"}},
		{"# valohai-ls: ignored", false, false, nil},
		{"# valohai-ls: ignore[]", false, false, nil},
		{"# valohai-ls: ignore[unclosed", false, false, nil},
		{"# other comment", false, false, nil},
		{`    command: "echo # valohai-ls: ignore"`, false, false, nil},
		{`    command: echo#valohai-ls: ignore`, false, false, nil},
		{`    command: 'it''s' # valohai-ls: ignore`, true, true, nil},
	}
	for _, tc := range tests {
		d, ok := parseDirective(tc.line)
		if ok != tc.ok || d.all != tc.all || len(d.codes) != len(tc.codes) {
			t.Errorf("%q: got %+v %v", tc.line, d, ok)
			continue
		}
		for i := range tc.codes {
			if d.codes[i] != tc.codes[i] {
				t.Errorf("%q: codes %v, want %v", tc.line, d.codes, tc.codes)
			}
		}
	}
}

func TestSuppress(t *testing.T) {
	text := "- endpoint:\n" +
		"    name: Bad_Name  # valohai-ls: ignore[pattern-mismatch]\n" +
		"    image: x\n" +
		"    wsgi: a:b\n" +
		"    # valohai-ls: ignore[unknown-key]\n" +
		"    bogus: 1\n" +
		"    other: 2\n" +
		"- endpoint:\n" +
		"    name: Bad_Again\n" +
		"    image: x\n" +
		"    wsgi: a:b\n" +
		"    nope: 1 # valohai-ls: ignore\n"
	doc := document.New("file:///valohai.yaml", 1, text)
	all := Diagnose(context.Background(), doc)
	got := Suppress(doc, all)
	codes := map[string]int{}
	for _, d := range got {
		codes[d.Code]++
	}
	if codes[CodePattern] != 1 {
		t.Errorf("pattern-mismatch: %d left, want 1 (the second endpoint's): %+v", codes[CodePattern], got)
	}
	if codes[CodeUnknownKey] != 1 {
		t.Errorf("unknown-key: %d left, want 1 (other): %+v", codes[CodeUnknownKey], got)
	}
	for _, d := range got {
		if doc.Mapper().LineOf(d.Start) == 11 {
			t.Errorf("bare ignore left %+v", d)
		}
	}
	if len(all) != len(got)+3 {
		t.Errorf("suppressed %d diagnostics, want 3", len(all)-len(got))
	}
}

func TestSuppressKeepsSyntaxErrors(t *testing.T) {
	doc := document.New("file:///valohai.yaml", 1, "- step: [ # valohai-ls: ignore\n")
	all := Diagnose(context.Background(), doc)
	if got := Suppress(doc, all); len(got) != len(all) || len(got) == 0 {
		t.Fatalf("syntax error suppressed: %+v", got)
	}
}

func TestRulesCatalog(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules {
		if r.Code == "" || r.Description == "" || seen[r.Code] {
			t.Errorf("bad or duplicate rule %+v", r)
		}
		seen[r.Code] = true
	}
	if _, ok := RuleFor(CodeUnknownKey); !ok {
		t.Error("unknown-key not listed")
	}
	for _, code := range []string{CodeUnknownStep, CodeUnknownNode, CodeUnknownPlaceholder, CodeDuplicateNode} {
		if _, ok := RuleFor(code); !ok {
			t.Errorf("%s not listed", code)
		}
	}
}
