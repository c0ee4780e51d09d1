package diagnostics

import (
	"context"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
)

// want is one expected diagnostic: its code, the text its range covers,
// and a part of its message.
type want struct {
	code, covers, msg string
}

func TestEndpointDiagnostics(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []want
	}{
		{
			name: "valid wsgi endpoint",
			yaml: "- endpoint:\n    name: predict\n    image: python:3.12\n    wsgi: predict:app\n    port: 8000\n",
		},
		{
			name: "missing image reported on the kind key",
			yaml: "- endpoint:\n    name: predict\n    wsgi: a:b\n",
			want: []want{{CodeMissingKey, "endpoint", `endpoint "predict" needs an image`}},
		},
		{
			name: "missing name",
			yaml: "- endpoint:\n    image: x\n    wsgi: a:b\n",
			want: []want{{CodeMissingKey, "endpoint", "endpoint needs a name"}},
		},
		{
			name: "mixed variant reported once, on the key written last",
			yaml: "- endpoint:\n    name: predict\n    image: x\n    server-command: python s.py\n    wsgi: a:b\n",
			want: []want{
				{CodeMixedVariant, "wsgi", "both server-command and wsgi"},
			},
		},
		{
			name: "mixed variant written in the other order",
			yaml: "- endpoint:\n    name: predict\n    image: x\n    wsgi: a:b\n    server-command: python s.py\n",
			want: []want{
				{CodeMixedVariant, "server-command", "both server-command and wsgi"},
			},
		},
		{
			name: "neither variant",
			yaml: "- endpoint:\n    name: predict\n    image: x\n",
			want: []want{{CodeMissingVariant, "endpoint", "needs server-command or wsgi"}},
		},
		{
			name: "unknown key with suggestion",
			yaml: "- endpoint:\n    name: predict\n    imgae: x\n    image: x\n    wsgi: a:b\n",
			want: []want{{CodeUnknownKey, "imgae", `did you mean "image"`}},
		},
		{
			name: "port as a string",
			yaml: "- endpoint:\n    name: predict\n    image: x\n    wsgi: a:b\n    port: \"8000\"\n",
			want: []want{{CodeWrongType, `"8000"`, "port must be"}},
		},
		{
			name: "port out of range",
			yaml: "- endpoint:\n    name: predict\n    image: x\n    wsgi: a:b\n    port: 65536\n",
			want: []want{{CodeRange, "65536", "from 1025 to 65535"}},
		},
		{
			name: "port boolean",
			yaml: "- endpoint:\n    name: predict\n    image: x\n    wsgi: a:b\n    port: yes\n",
			want: []want{{CodeWrongType, "yes", "boolean"}},
		},
		{
			name: "fractional port passes",
			yaml: "- endpoint:\n    name: predict\n    image: x\n    wsgi: a:b\n    port: 8000.5\n",
		},
		{
			name: "name pattern",
			yaml: "- endpoint:\n    name: Server_endpoint\n    image: x\n    wsgi: a:b\n",
			want: []want{{CodePattern, "Server_endpoint", "lower-case letter"}},
		},
		{
			name: "single letter name",
			yaml: "- endpoint:\n    name: a\n    image: x\n    wsgi: a:b\n",
			want: []want{{CodePattern, "a", "not valid"}},
		},
		{
			name: "files item without path",
			yaml: "- endpoint:\n    name: predict\n    image: x\n    wsgi: a:b\n    files:\n      - name: model\n",
			want: []want{{CodeMissingKey, "name", `endpoint file "model" needs a path`}},
		},
		{
			name: "files item without name",
			yaml: "- endpoint:\n    name: predict\n    image: x\n    wsgi: a:b\n    files:\n      - path: m.pb\n",
			want: []want{{CodeMissingKey, "path", "endpoint file needs a name"}},
		},
		{
			name: "duplicate names warn",
			yaml: "- endpoint:\n    name: p1\n    image: x\n    wsgi: a:b\n- endpoint:\n    name: p1\n    image: y\n    wsgi: a:b\n",
			want: []want{{CodeDuplicateName, "p1", `duplicate endpoint name "p1"`}},
		},
		{
			name: "node selector needs =",
			yaml: "- endpoint:\n    name: predict\n    image: x\n    wsgi: a:b\n    node-selector: nofoo\n",
			want: []want{{CodePattern, "nofoo", "key=value"}},
		},
		{
			name: "image read as a YAML 1.1 boolean",
			yaml: "- endpoint:\n    name: predict\n    image: yes\n    wsgi: a:b\n",
			want: []want{{CodeWrongType, "yes", "in quotes"}},
		},
		{
			name: "ephemeral storage must be whole",
			yaml: "- endpoint:\n    name: predict\n    image: x\n    wsgi: a:b\n    resources:\n      ephemeral-storage:\n        min: 1.5\n",
			want: []want{{CodeWrongType, "1.5", "whole number"}},
		},
		{
			name: "devices at least one",
			yaml: "- endpoint:\n    name: predict\n    image: x\n    wsgi: a:b\n    resources:\n      devices:\n        nvidia.com/gpu: 0\n",
			want: []want{{CodeRange, "0", "at least 1"}},
		},
		{
			name: "toleration operator enum",
			yaml: "- endpoint:\n    name: predict\n    image: x\n    wsgi: a:b\n    tolerations:\n      - key: k\n        operator: exists\n",
			want: []want{{CodeInvalidValue, "exists", `did you mean "Exists"`}},
		},
		{
			name: "non-ASCII positions",
			yaml: "- endpoint: {name: \"é😀\", image: x, wsgi: a:b, bogus: 1}\n",
			want: []want{{CodePattern, `"é😀"`, "not valid"}, {CodeUnknownKey, "bogus", "unknown key"}},
		},
		{
			name: "syntax error keeps other items' diagnostics",
			yaml: "- endpoint:\n    name: predict\n    wsgi: a:b\n- step:\n    name: \"oops\n",
			want: []want{{CodeMissingKey, "endpoint", "needs an image"}, {CodeSyntax, `name: "oops`, "unclosed"}},
		},
		{
			name: "empty endpoint",
			yaml: "- endpoint:\n",
			want: []want{{CodeEmptyItem, "endpoint", "is empty"}},
		},
		{
			name: "root must be a list",
			yaml: "endpoint:\n  name: x\n",
			want: []want{{CodeWrongType, "endpoint:", "must be a list"}},
		},
		{
			name: "unknown kind",
			yaml: "- endpiont:\n    name: x\n",
			want: []want{{CodeUnknownKind, "endpiont", `did you mean "endpoint"`}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := document.New("file:///valohai.yaml", 1, tc.yaml)
			got := Diagnose(context.Background(), doc)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d diagnostics, want %d:\n%s", len(got), len(tc.want), dump(doc, got))
			}
			for i, w := range tc.want {
				d := got[i]
				if d.Code != w.code || !strings.Contains(d.Message, w.msg) || tc.yaml[d.Start:d.End] != w.covers {
					t.Errorf("diagnostic %d = %s %q covering %q; want %s %q covering %q",
						i, d.Code, d.Message, tc.yaml[d.Start:d.End], w.code, w.msg, w.covers)
				}
			}
		})
	}
}

func dump(doc *document.Document, ds []Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString("  " + d.Severity.String() + " " + d.Code + ": " + d.Message + " @ " + doc.Text[d.Start:d.End] + "\n")
	}
	return b.String()
}
