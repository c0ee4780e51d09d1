package schema_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/schema"
)

func compile(t *testing.T) *jsonschema.Schema {
	t.Helper()
	out, err := schema.JSONSchema()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("exported schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("valohai.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("valohai.schema.json")
	if err != nil {
		t.Fatalf("exported schema does not compile: %v", err)
	}
	return s
}

// toJSONValue reads YAML into the generic values the validator expects.
func toJSONValue(t *testing.T, text string) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal([]byte(text), &v); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestJSONSchemaAcceptsAndRejects(t *testing.T) {
	s := compile(t)
	tests := []struct {
		name  string
		yaml  string
		valid bool
	}{
		{"wsgi endpoint", "- endpoint:\n    name: predict\n    image: x\n    wsgi: a:b\n    port: 8000\n", true},
		{"server-command endpoint", "- endpoint:\n    name: predict\n    image: x\n    server-command: [a, b]\n", true},
		{"endpoint without image", "- endpoint:\n    name: predict\n    wsgi: a:b\n", false},
		{"endpoint without name", "- endpoint:\n    image: x\n    wsgi: a:b\n", false},
		{"mixed variant", "- endpoint:\n    name: predict\n    image: x\n    wsgi: a:b\n    server-command: c\n", false},
		{"neither variant", "- endpoint:\n    name: predict\n    image: x\n", false},
		{"bad endpoint name", "- endpoint:\n    name: Predict\n    image: x\n    wsgi: a:b\n", false},
		{"port too low", "- endpoint:\n    name: predict\n    image: x\n    wsgi: a:b\n    port: 80\n", false},
		{"unknown endpoint key", "- endpoint:\n    name: predict\n    image: x\n    wsgi: a:b\n    bogus: 1\n", false},
		{"files item without path", "- endpoint:\n    name: predict\n    image: x\n    wsgi: a:b\n    files: [{name: m}]\n", false},
		{"root mapping", "endpoint:\n  name: x\n", false},
		{"unknown kind passes", "- foo:\n    bar: 1\n", true},
		{"step", "- step:\n    name: s\n    image: x\n    command: [a, b]\n    mounts: [/a:/b, {source: s, destination: /d}]\n    time-limit: 1h\n", true},
		{"step without command", "- step:\n    name: s\n    image: x\n", false},
		{"step mount not absolute", "- step:\n    name: s\n    image: x\n    command: a\n    mounts: [a:b]\n", false},
		{"step ephemeral storage", "- step:\n    name: s\n    image: x\n    command: a\n    resources: {ephemeral-storage: {min: 1}}\n", false},
		{"pipeline", "- pipeline:\n    name: p\n    nodes: [{name: a, type: execution, step: s}, {name: d, type: deployment, deployment: x}]\n    edges: [[a.output.x, d.file.e.f]]\n", true},
		{"task node with step and task", "- pipeline:\n    name: p\n    nodes: [{name: a, type: task, step: s, task: t}]\n    edges: []\n", false},
		{"deployment node retry", "- pipeline:\n    name: p\n    nodes: [{name: d, type: deployment, deployment: x, on-error: retry}]\n    edges: []\n", false},
		{"edge of three", "- pipeline:\n    name: p\n    nodes: []\n    edges: [[a.b.c, d.e.f, g.h.i]]\n", false},
		{"task", "- task:\n    name: t\n    step: s\n    parameters: [{name: p, style: linear, rules: {start: 1, end: 5, step: 1}}]\n", true},
		{"task without parameters", "- task:\n    name: t\n    step: s\n", false},
		{"empty list", "[]\n", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := s.Validate(toJSONValue(t, tc.yaml))
			if (err == nil) != tc.valid {
				t.Errorf("valid=%v, want %v (%v)", err == nil, tc.valid, err)
			}
		})
	}
}

// TestCommittedSchemaIsCurrent keeps editors/schema/valohai.schema.json
// equal to the export (regenerate with `make schema`).
func TestCommittedSchemaIsCurrent(t *testing.T) {
	want, err := schema.JSONSchema()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../editors/schema/valohai.schema.json")
	if err != nil {
		t.Fatalf("read committed schema: %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("editors/schema/valohai.schema.json is out of date: run `make schema`")
	}
	if !strings.Contains(string(want), schema.JSONSchemaDraft) {
		t.Fatal("no $schema")
	}
}
