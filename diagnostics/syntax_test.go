package diagnostics_test

import (
	"context"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/fixture"
)

// badPort is an item with a schema error, which must still be reported
// while another item has a syntax error.
const badPort = "- endpoint:\n    name: predict\n    image: x\n    wsgi: a:b\n    port: 80\n"

// TestSyntaxDiagnostics checks YAML syntax errors as the editor shows
// them: each on the line that holds the mistake, covering that line's
// text, in plain words; and the other items still checked.
func TestSyntaxDiagnostics(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		errors []syntaxWant // the yaml-syntax diagnostics, in order
	}{
		{"unclosed double quote", "- step:\n    name: \"train\n    image: x\n" + badPort,
			[]syntaxWant{{"name: \"train", "unclosed double quote"}}},
		{"unclosed single quote", "- step:\n    name: 'train\n    image: x\n" + badPort,
			[]syntaxWant{{"name: 'train", "unclosed single quote"}}},
		{"unclosed flow list", "- step:\n    name: train\n    command: [a, b\n" + badPort,
			[]syntaxWant{{"command: [a, b", "unclosed '['"}}},
		{"unclosed flow mapping", "- step:\n    resources: {cpu: {min: 1}\n    name: x\n" + badPort,
			[]syntaxWant{{"resources: {cpu: {min: 1}", "unclosed '{'"}}},
		{"tab after a key line", "- step:\n    name: train\n\timage: x\n" + badPort,
			[]syntaxWant{{"image: x", "tab character"}}},
		{"tab on the item's first key", "- step:\n\tname: train\n" + badPort,
			[]syntaxWant{{"name: train", "tab character"}}},
		{"key indented too far", "- step:\n    name: train\n     image: x\n" + badPort,
			[]syntaxWant{{"image: x", "wrong indentation"}}},
		{"key indented too little", "- step:\n    name: train\n   image: x\n" + badPort,
			[]syntaxWant{{"image: x", "does not line up"}}},
		{"list item out of line", "- step:\n    inputs:\n      - name: a\n     - name: b\n" + badPort,
			[]syntaxWant{{"- name: b", "does not line up"}}},
		{"bare word being typed", "- step:\n    name: train\n    im\n    command: x\n" + badPort,
			[]syntaxWant{{"im", "must be followed by ':'"}}},
		{"bare word at the end of an item", "- step:\n    name: train\n    im\n" + badPort,
			[]syntaxWant{{"im", "must be followed by ':'"}}},
		{"value with ': ' unquoted", "- step:\n    image: a: b\n" + badPort,
			[]syntaxWant{{"image: a: b", "needs quotes"}}},
		{"no space after the first key's colon", "- step:\n    name:train\n    image: x\n" + badPort,
			[]syntaxWant{{"name:train", "missing space after ':'"}}},
		{"no space after a later key's colon", "- step:\n    name: train\n    image:x\n    command: x\n" + badPort,
			[]syntaxWant{{"image:x", "missing space after ':'"}}},
		{"two broken items", "- step:\n    name: \"train\n" + badPort + "- step:\n\tname: x\n", []syntaxWant{
			{"name: \"train", "unclosed double quote"},
			{"name: x", "tab character"},
		}},
		{"broken last item", badPort + "- step:\n    name: [train\n",
			[]syntaxWant{{"name: [train", "unclosed '['"}}},
		{"alias of another item's anchor", "- step:\n    name: &n train\n- step:\n    name: *n\n    image: \"x\n" + badPort,
			[]syntaxWant{{"image: \"x", "unclosed double quote"}}},
		{"alias of an anchor in another item, a third item broken", "- step:\n    name: &n train\n- step:\n    name: *n\n- step:\n    name: \"x\n" + badPort,
			[]syntaxWant{{"name: \"x", "unclosed double quote"}}},
		{"CRLF line ends", strings.ReplaceAll("- step:\n    name: \"train\n    image: x\n"+badPort, "\n", "\r\n"),
			[]syntaxWant{{"name: \"train", "unclosed double quote"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := document.New("file:///valohai.yaml", 1, tc.text)
			var syntax []diagnostics.Diagnostic
			portChecked := false
			for _, d := range diagnostics.Diagnose(context.Background(), doc) {
				switch {
				case d.Code == diagnostics.CodeSyntax:
					syntax = append(syntax, d)
				case d.Code == diagnostics.CodeRange && tc.text[d.Start:d.End] == "80":
					portChecked = true
				}
			}
			if !portChecked {
				t.Error("the valid item's port 80 is not reported: the other items must still be checked")
			}
			if len(syntax) != len(tc.errors) {
				t.Fatalf("got %d syntax errors, want %d: %v", len(syntax), len(tc.errors), syntax)
			}
			for i, w := range tc.errors {
				d := syntax[i]
				if got := tc.text[d.Start:d.End]; got != w.covers {
					t.Errorf("error %d covers %q, want %q (%s)", i, got, w.covers, d.Message)
				}
				if !strings.Contains(d.Message, w.msg) {
					t.Errorf("error %d: message %q lacks %q", i, d.Message, w.msg)
				}
				if d.Severity != diagnostics.Error {
					t.Errorf("error %d: severity %v", i, d.Severity)
				}
			}
		})
	}
}

// syntaxWant is an expected syntax error: the text its range covers and
// a part of its message.
type syntaxWant struct {
	covers, msg string
}

// TestSyntaxFixtures runs testdata/syntax.txt: the file's one syntax
// error starts at the marker, and its message has every "says" text.
func TestSyntaxFixtures(t *testing.T) {
	fixture.Run(t, "testdata/syntax.txt", func(t *testing.T, tc fixture.Case) {
		doc := document.New("file:///valohai.yaml", 1, tc.Text)
		var syntax []diagnostics.Diagnostic
		for _, d := range diagnostics.Diagnose(context.Background(), doc) {
			if d.Code == diagnostics.CodeSyntax {
				syntax = append(syntax, d)
			}
		}
		if len(syntax) != 1 {
			t.Fatalf("got %d syntax errors, want 1: %+v", len(syntax), syntax)
		}
		m := doc.Mapper()
		if d := syntax[0]; d.Start != tc.Offset {
			t.Errorf("error at line %d %q, want line %d %q (%s)", m.LineOf(d.Start)+1, tc.Text[d.Start:d.End],
				m.LineOf(tc.Offset)+1, m.Line(m.LineOf(tc.Offset)), d.Message)
		}
		for _, w := range tc.Expect["says"] {
			if !strings.Contains(syntax[0].Message, w) {
				t.Errorf("message %q lacks %q", syntax[0].Message, w)
			}
		}
	})
}
