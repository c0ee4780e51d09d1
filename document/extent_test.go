package document

import (
	"testing"

	"gopkg.in/yaml.v3"
)

func TestNodeExtent(t *testing.T) {
	text := "- step:\n" +
		"    name: a\n" +
		"    command: |\n" +
		"      echo hi\n" +
		"    # a comment\n" +
		"    files:\n" +
		"    - x\n" +
		"    - y  # trailing\n" +
		"\n" +
		"# between\n" +
		"- endpoint: {name: e, files: [a, \"]\"], image: x}  # c\n" +
		"- pipeline:\n" +
		"    edges:\n" +
		"      - [a.output.b,\n" +
		"         c.input.d]\n" +
		"      - source: s\n" +
		"        target: t\n"
	m := NewMapper(text)
	p := Parse(text, m)
	if p.Root == nil || len(p.Items) != 3 {
		t.Fatalf("parse: %+v", p.Errors)
	}
	got := func(n *yaml.Node) string { sp := m.NodeExtent(n); return text[sp.Start:sp.End] }
	step := p.Items[0].Node
	if want := text[2:len("- step:\n    name: a\n    command: |\n      echo hi\n    # a comment\n    files:\n    - x\n    - y  # trailing")]; got(step) != want {
		t.Errorf("step item extent %q, want %q", got(step), want)
	}
	body := step.Content[1]
	files := body.Content[5]
	if got(files) != "- x\n    - y  # trailing" {
		t.Errorf("compact sequence extent %q", got(files))
	}
	ep := p.Items[1].Node.Content[1]
	if got(ep) != `{name: e, files: [a, "]"], image: x}` {
		t.Errorf("flow mapping extent %q", got(ep))
	}
	edges := p.Items[2].Node.Content[1].Content[1]
	if got(edges.Content[0]) != "[a.output.b,\n         c.input.d]" {
		t.Errorf("multi-line flow sequence %q", got(edges.Content[0]))
	}
	if got(edges.Content[1]) != "source: s\n        target: t" {
		t.Errorf("list item mapping %q", got(edges.Content[1]))
	}
	if got(body.Content[1]) != "a" {
		t.Errorf("scalar %q", got(body.Content[1]))
	}
}
