package diagnostics_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
)

func BenchmarkZZEdit50k(b *testing.B) {
	data, err := os.ReadFile("/tmp/b10/50k/valohai.yaml")
	if err != nil {
		b.Skip()
	}
	ctx := context.Background()
	text := string(data)
	prev := document.New("u", 1, text)
	diagnostics.Suppress(prev, diagnostics.Diagnose(ctx, prev))
	lines := strings.SplitAfter(text, "\n")
	var texts []string
	for v := 0; v < 40; v++ {
		i := 10 + ((v/2)*7919)%(len(lines)-10)
		var sb strings.Builder
		for j, l := range lines {
			if j == i && v%2 == 0 {
				sb.WriteString(strings.TrimSuffix(l, "\n") + " #e\n")
			} else {
				sb.WriteString(l)
			}
		}
		texts = append(texts, sb.String())
	}
	v := int32(1)
	b.ResetTimer()
	for k := 0; k < b.N; k++ {
		v++
		d := document.NewVersion(prev, v, texts[k%40])
		diagnostics.Suppress(d, diagnostics.Diagnose(ctx, d))
		prev = d
	}
}
