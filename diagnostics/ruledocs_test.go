package diagnostics

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
)

// codesOf returns the codes text reports, after suppression comments.
func codesOf(text string) map[string][]Diagnostic {
	doc := document.New("file:///work/valohai.yaml", 1, text)
	out := map[string][]Diagnostic{}
	for _, d := range Suppress(doc, Diagnose(context.Background(), doc)) {
		out[d.Code] = append(out[d.Code], d)
	}
	return out
}

func TestRuleDocsCoverEveryRule(t *testing.T) {
	docs := RuleDocs()
	if len(docs) != len(Rules) {
		t.Errorf("%d rules documented, %d in the catalog", len(docs), len(Rules))
	}
	for i, r := range Rules {
		if i < len(docs) && docs[i].Code != r.Code {
			t.Errorf("rule %d: documented %q, catalog %q (same order expected)", i, docs[i].Code, r.Code)
		}
	}
}

func TestRuleDocExamples(t *testing.T) {
	for _, d := range RuleDocs() {
		if d.Script != "" {
			continue // a check against a script: package scripts tests its examples
		}
		t.Run(d.Code, func(t *testing.T) {
			if d.Why == "" || d.Bad == "" || d.Good == "" {
				t.Fatalf("incomplete: %+v", d)
			}
			bad := codesOf(d.Bad)
			if len(bad[d.Code]) == 0 {
				t.Errorf("the failing example does not report %s; it reports %v", d.Code, bad)
			}
			good := codesOf(d.Good)
			if len(good[d.Code]) != 0 {
				t.Errorf("the fixed example still reports %s: %v", d.Code, good[d.Code])
			}
			// The fixed example is clean of errors and warnings too, so that
			// a reader can copy it.
			for code, ds := range good {
				for _, x := range ds {
					if x.Severity <= Warning && code != "deprecated" {
						t.Errorf("the fixed example reports %s/%s: %s", code, x.Severity, x.Message)
					}
				}
			}
		})
	}
}

// TestRulesReferenceIsCurrent keeps docs/rules.md in step with the
// catalog; `make rules-doc` regenerates it.
func TestRulesReferenceIsCurrent(t *testing.T) {
	got, err := os.ReadFile(filepath.Join("..", "docs", "rules.md"))
	if err != nil {
		t.Fatalf("%v (run make rules-doc)", err)
	}
	if string(got) != Reference() {
		t.Errorf("docs/rules.md is out of date: run make rules-doc")
	}
	for _, r := range Rules {
		if !strings.Contains(string(got), "\n## "+r.Code+"\n") {
			t.Errorf("docs/rules.md has no section for %s", r.Code)
		}
	}
}
