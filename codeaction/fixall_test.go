package codeaction

import (
	"context"
	"testing"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
)

func diagnoseAll(d *document.Document) []diagnostics.Diagnostic {
	return diagnostics.Suppress(d, diagnostics.Diagnose(context.Background(), d))
}

// TestFixText applies every fix that needs no choice, and leaves the
// others: a missing key's value would be a guess.
func TestFixText(t *testing.T) {
	for _, tc := range []struct {
		name, text, want string
		fixes            int
	}{
		{
			name:  "a misspelt key",
			text:  "- endpoint:\n    name: predict\n    image: python:3.12\n    wsgi: predict:app\n    prot: 8000\n",
			want:  "- endpoint:\n    name: predict\n    image: python:3.12\n    wsgi: predict:app\n    port: 8000\n",
			fixes: 1,
		},
		{
			name:  "two fixes in two items",
			text:  "- step:\n    name: a\n    imgae: x\n    command: y\n- step:\n    name: b\n    image: x\n    comand: y\n",
			want:  "- step:\n    name: a\n    image: x\n    command: y\n- step:\n    name: b\n    image: x\n    command: y\n",
			fixes: 2,
		},
		{
			name:  "a type by another name, a value by meaning, a text default quoted",
			text:  "- step:\n    name: a\n    image: x\n    command: y\n    parameters:\n      - name: n\n        type: int\n      - name: m\n        type: string\n        default: on\n    inputs:\n      - name: d\n        keep-directories: some\n",
			want:  "- step:\n    name: a\n    image: x\n    command: y\n    parameters:\n      - name: n\n        type: integer\n      - name: m\n        type: string\n        default: \"on\"\n    inputs:\n      - name: d\n        keep-directories: suffix\n",
			fixes: 3,
		},
		{
			name:  "choices are left: a number type, a boolean word, an untyped default, a duplicate",
			text:  "- step:\n    name: a\n    image: x\n    command: y\n- step:\n    name: a\n    image: x\n    command: z\n    parameters:\n      - name: n\n        type: number\n      - name: o\n        type: float\n        optional: maybe\n      - name: m\n        default: yes\n",
			want:  "- step:\n    name: a\n    image: x\n    command: y\n- step:\n    name: a\n    image: x\n    command: z\n    parameters:\n      - name: n\n        type: number\n      - name: o\n        type: float\n        optional: maybe\n      - name: m\n        default: yes\n",
			fixes: 0,
		},
		{
			name:  "a missing key is left",
			text:  "- step:\n    name: a\n    command: y\n",
			want:  "- step:\n    name: a\n    command: y\n",
			fixes: 0,
		},
		{
			name:  "a comment that silences a finding",
			text:  "- step:\n    name: a\n    image: x\n    command: y\n    imgae: z # valohai-ls: ignore[unknown-key]\n",
			want:  "- step:\n    name: a\n    image: x\n    command: y\n    imgae: z # valohai-ls: ignore[unknown-key]\n",
			fixes: 0,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := document.New("file:///v/valohai.yaml", 1, tc.text)
			got, n := FixText(doc, diagnoseAll)
			if got != tc.want || n != tc.fixes {
				t.Errorf("%d fixes (want %d):\n%s\nwant:\n%s", n, tc.fixes, got, tc.want)
			}
			again, m := FixText(document.New(doc.URI, 2, got), diagnoseAll)
			if again != got || m != 0 {
				t.Errorf("fixing the result again changed it (%d fixes):\n%s", m, again)
			}
			if e, ok := Replacement(tc.text, got); ok != (got != tc.text) || (ok && Apply(tc.text, []Edit{e}) != got) {
				t.Errorf("the one edit %+v does not make the result", e)
			}
		})
	}
}

// TestReplacement keeps whole runes on both sides of the edit.
func TestReplacement(t *testing.T) {
	for _, tc := range [][2]string{
		{"name: äb", "name: äc"},
		{"a: ö", "a: ü"},
		{"x", "xy"},
		{"xy", "x"},
		{"ab", "ab"},
	} {
		e, ok := Replacement(tc[0], tc[1])
		if !ok {
			if tc[0] != tc[1] {
				t.Errorf("%q → %q: no edit", tc[0], tc[1])
			}
			continue
		}
		if got := Apply(tc[0], []Edit{e}); got != tc[1] {
			t.Errorf("%q → %q: the edit %+v makes %q", tc[0], tc[1], e, got)
		}
		for _, at := range []int{e.Start, e.End} {
			if at < len(tc[0]) && tc[0][at]&0xC0 == 0x80 {
				t.Errorf("%q → %q: the edit %+v splits a rune", tc[0], tc[1], e)
			}
		}
	}
}
