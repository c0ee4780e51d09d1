package diagnostics_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
)

func TestZZPhases(t *testing.T) {
	data, err := os.ReadFile("/tmp/b10/50k/valohai.yaml")
	if err != nil {
		t.Skip()
	}
	ctx := context.Background()
	text := string(data)
	prev := document.New("u", 1, text)
	diagnostics.Suppress(prev, diagnostics.Diagnose(ctx, prev))
	i := strings.Index(text, "name: step-0300") + len("name: step-0300")
	for k := 0; k < 6; k++ {
		next := text[:i] + " #e" + text[i:]
		if k%2 == 1 {
			next = text
		}
		t0 := time.Now()
		d := document.NewVersion(prev, int32(k+2), next)
		t1 := time.Now()
		d.ItemSpans()
		t2 := time.Now()
		d.Parsed()
		t3 := time.Now()
		model.Of(d)
		t4 := time.Now()
		ds := diagnostics.Diagnose(ctx, d)
		t5 := time.Now()
		diagnostics.Suppress(d, ds)
		t6 := time.Now()
		t.Logf("new %v spans %v parse %v model %v diag %v supp %v", t1.Sub(t0), t2.Sub(t1), t3.Sub(t2), t4.Sub(t3), t5.Sub(t4), t6.Sub(t5))
		prev = d
	}
}
