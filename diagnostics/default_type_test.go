package diagnostics

import (
	"context"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
)

// TestDefaultTypeAdvice checks that a number default on a string
// parameter is told to take a type only when the type keeps the number
// written: YAML 1.1 reads 0777 as 511 and 1:30 as 90, which only quotes
// keep.
func TestDefaultTypeAdvice(t *testing.T) {
	tests := []struct {
		value      string
		typeAdvice bool
	}{
		{"200", true},
		{"+12", true},
		{"1_000", true},
		{"3.14", true},
		{".5", true},
		{"1.0e+3", true},
		{"0777", false},
		{"1:30", false},
		{"12:30:00", false},
		{"0x1F", false},
		{"0b101", false},
		{".inf", false},
	}
	for _, tt := range tests {
		for _, typ := range []string{"", "        type: string\n"} {
			text := "- step:\n    name: t\n    image: x\n    command: c\n    parameters:\n      - name: p\n" + typ + "        default: " + tt.value + "\n"
			var msg string
			for _, d := range Diagnose(context.Background(), document.New("file:///v.yaml", 1, text)) {
				if d.Code == CodeInvalidDefault {
					msg = d.Message
				}
			}
			if msg == "" {
				t.Errorf("default %s (%q): no %s finding", tt.value, typ, CodeInvalidDefault)
				continue
			}
			advice := strings.Contains(msg, "change the type to") || strings.Contains(msg, "add type:")
			if advice != tt.typeAdvice {
				t.Errorf("default %s: type advised %v, want %v: %s", tt.value, advice, tt.typeAdvice, msg)
			}
		}
	}
}
