package lint

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
)

// TestInvalidUTF16 checks that File reports where a UTF-16 file's bytes
// do not decode, in position order among the other findings, and that no
// suppression comment silences it.
func TestInvalidUTF16(t *testing.T) {
	tests := []struct {
		name string
		yaml string // \uFFFD marks where the bytes were invalid
		want []string
	}{
		{"between two findings", "- step:\n    nmae: x\n    name: tr\uFFFDin\n    image: 5\n", []string{"missing-key@0", "unknown-key@1", "yaml-syntax@2", "wrong-type@3"}},
		{"a last odd byte", "- step:\n    name: train\n    image: python:3.12\n    command: x\n#\uFFFD", []string{"yaml-syntax@4"}},
		{"under a suppression comment", "# valohai-ls: ignore\n- step:\n    name: tr\uFFFDin\n    image: python:3.12\n    command: x\n", []string{"yaml-syntax@2"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, mode := range []Options{{}, {ItemByItem: true}} {
				doc := document.New("file:///p/valohai.yaml", 1, tc.yaml)
				mode.InvalidUTF16, mode.InvalidAt = true, strings.Index(tc.yaml, "\uFFFD")
				res := File(context.Background(), doc, mode)
				if got := codes(doc, res); !reflect.DeepEqual(got, tc.want) {
					t.Errorf("%+v: got %v, want %v", mode, got, tc.want)
				}
				for _, d := range res.Diagnostics {
					if d.Start == mode.InvalidAt && (d.End != d.Start+len("\uFFFD") || !strings.Contains(d.Message, "not valid UTF-16")) {
						t.Errorf("%+v: %+v, want the U+FFFD's span and the UTF-16 message", mode, d)
					}
				}
			}
		})
	}
}
