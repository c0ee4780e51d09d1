package check

import (
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
)

// TestMemoryLimit checks the memory limit of a huge file's check: a small
// multiple of the file when its items are small, and room for the tree of
// its largest item when one item is most of it.
func TestMemoryLimit(t *testing.T) {
	step := "- step:\n    name: s\n    image: x\n"
	node := "      - name: n\n        type: execution\n        step: s\n"
	tests := []struct {
		name     string
		text     string
		min, max float64 // the limit, in multiples of the text's size
	}{
		{"small items", strings.Repeat(step, 5000), 8, 8},
		{"one huge item", step + "- pipeline:\n    name: p\n    nodes:\n" + strings.Repeat(node, 5000), 25, 40},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := float64(memoryLimit(document.New("f", 0, tt.text))) / float64(len(tt.text))
			if got < tt.min || got > tt.max {
				t.Errorf("limit %.1f times the text, want %g to %g", got, tt.min, tt.max)
			}
		})
	}
}
