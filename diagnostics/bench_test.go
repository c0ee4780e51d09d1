package diagnostics_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/benchdata"
)

// BenchmarkParseAndDiagnose measures a fresh version of the 5,000-line
// file: parse, schema checks and rules.
func BenchmarkParseAndDiagnose(b *testing.B) {
	ctx := context.Background()
	b.SetBytes(int64(len(benchdata.Big)))
	b.ReportAllocs()
	for b.Loop() {
		doc := document.New("file:///valohai.yaml", 1, benchdata.Big)
		diagnostics.Diagnose(ctx, doc)
	}
}

// BenchmarkDiagnoseBroken measures the same file with a syntax error in
// one item, which is re-parsed item by item.
func BenchmarkDiagnoseBroken(b *testing.B) {
	ctx := context.Background()
	text := strings.Replace(benchdata.Big, "    name: step-0050\n", "    name: \"step-0050\n", 1)
	b.ReportAllocs()
	for b.Loop() {
		doc := document.New("file:///valohai.yaml", 1, text)
		diagnostics.Diagnose(ctx, doc)
	}
}

// bigText returns about n bytes of valid valohai.yaml.
func bigText(n int) string {
	var sb strings.Builder
	for sb.Len() < n {
		sb.WriteString(benchdata.Big)
	}
	return sb.String()
}

// Benchmark5MB measures checking a 5 MB file (target: under 5 s).
func Benchmark5MB(b *testing.B) {
	text := bigText(5 << 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		diagnostics.Diagnose(context.Background(), document.New("file:///valohai.yaml", 1, text))
	}
}

// TestFiveMegabytesDoesNotHang guards only against a hang: the timeout is
// generous; the speed is measured by Benchmark5MB.
func TestFiveMegabytesDoesNotHang(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	text := bigText(5 << 20)
	done := make(chan []diagnostics.Diagnostic, 1)
	go func() {
		done <- diagnostics.Diagnose(context.Background(), document.New("file:///valohai.yaml", 1, text))
	}()
	select {
	case ds := <-done:
		for _, d := range ds {
			if d.Severity == diagnostics.Error {
				t.Fatalf("unexpected error in the 5 MB file: %s", d.Message)
			}
		}
	case <-time.After(2 * time.Minute):
		t.Fatal("checking a 5 MB file did not finish within 2 minutes")
	}
}
