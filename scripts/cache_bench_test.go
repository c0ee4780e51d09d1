package scripts

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/benchdata"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/project"
)

// BenchmarkScriptChecksEdit measures the script checks of a version that
// edits one step of generated files of 5,000 and 50,000 lines: afresh
// (Check) and with the findings of the other steps reused (Cache). The
// version's model, which the server shares with the other checks, is built
// before the clock runs.
func BenchmarkScriptChecksEdit(b *testing.B) {
	for _, lines := range []int{5000, 50000} {
		// In the parent's directory, which the runs share.
		path, text := benchdata.Generated(b, lines)
		dir := filepath.Dir(path)
		for _, cached := range []bool{false, true} {
			name := "fresh"
			if cached {
				name = "cache"
			}
			b.Run(fmt.Sprintf("lines=%d/%s", lines, name), func(b *testing.B) {
				uri := "file://" + filepath.Join(dir, "valohai.yaml")
				ls := strings.SplitAfter(text, "\n")
				var names []int
				for i, l := range ls {
					if strings.HasPrefix(l, "    name: step-") {
						names = append(names, i)
					}
				}
				k, r := NewCache(), project.NewReader()
				doc := document.New(uri, 1, text)
				k.Check(context.Background(), doc, dir, r)
				findings, v := 0, int32(1)
				for b.Loop() {
					b.StopTimer()
					// Append a comment to a step's name, or take it off.
					v++
					i := names[(int(v)/2*37)%len(names)]
					if v%2 == 0 {
						ls[i] = strings.TrimSuffix(ls[i], "\n") + " #e\n"
					} else {
						ls[i] = strings.TrimSuffix(ls[i], " #e\n") + "\n"
					}
					doc = document.NewVersion(doc, v, strings.Join(ls, ""))
					model.Of(doc) // built once per version, shared with the other checks
					b.StartTimer()
					var res Result
					if cached {
						res = k.Check(context.Background(), doc, dir, r)
					} else {
						res = Check(context.Background(), doc, dir, r)
					}
					findings = len(res.Diagnostics)
				}
				if want := Check(context.Background(), doc, dir, project.NewReader()); len(want.Diagnostics) != findings {
					b.Fatalf("%d findings, a fresh check finds %d", findings, len(want.Diagnostics))
				}
				b.ReportMetric(float64(findings), "findings")
			})
		}
	}
}
