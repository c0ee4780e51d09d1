package check

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSARIFRulesAreDocumented checks that every rule the SARIF log
// declares has a section in docs/rules.md and a helpUri pointing at it.
func TestSARIFRulesAreDocumented(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "docs", "rules.md"))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, "sarif", sampleResults(t)); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID      string `json:"id"`
						HelpURI string `json:"helpUri"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	rules := log.Runs[0].Tool.Driver.Rules
	if len(rules) == 0 {
		t.Fatal("no rules declared")
	}
	for _, r := range rules {
		if !strings.Contains(string(doc), "\n## "+r.ID+"\n") {
			t.Errorf("%s: no section in docs/rules.md", r.ID)
		}
		if want := "https://github.com/valohai-ls/valohai-ls/blob/main/docs/rules.md#" + r.ID; r.HelpURI != want {
			t.Errorf("%s: helpUri %q, want %q", r.ID, r.HelpURI, want)
		}
	}
}
