package scripts

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/valohai-ls/valohai-ls/diagnostics"
)

// TestRuleDocExamples checks the reference's examples of the script
// checks: the failing one reports the code, the fixed one neither it nor
// any error or warning.
func TestRuleDocExamples(t *testing.T) {
	n := 0
	for _, d := range diagnostics.RuleDocs() {
		if d.Script == "" {
			continue
		}
		n++
		t.Run(d.Code, func(t *testing.T) {
			run := func(yaml, script string) map[string][]diagnostics.Diagnostic {
				dir := t.TempDir()
				if err := os.WriteFile(filepath.Join(dir, "train.py"), []byte(script), 0o644); err != nil {
					t.Fatal(err)
				}
				out := map[string][]diagnostics.Diagnostic{}
				for _, x := range findings(dir, yaml) {
					out[x.Code] = append(out[x.Code], x)
				}
				return out
			}
			if bad := run(d.Bad, d.Script); len(bad[d.Code]) == 0 {
				t.Errorf("the failing example does not report %s; it reports %v", d.Code, bad)
			}
			fixed := d.Script
			if d.FixedScript != "" {
				fixed = d.FixedScript
			}
			for code, ds := range run(d.Good, fixed) {
				for _, x := range ds {
					if code == d.Code || x.Severity <= diagnostics.Warning {
						t.Errorf("the fixed example reports %s/%s: %s", code, x.Severity, x.Message)
					}
				}
			}
		})
	}
	if n != 13 {
		t.Errorf("%d script rules documented, want 13", n)
	}
}
