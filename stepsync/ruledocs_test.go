package stepsync

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/project"
	"github.com/valohai-ls/valohai-ls/scripts"
)

// TestRuleDocFixes applies the quick fix the rules reference names to
// each script rule's failing example whose fix it claims to be: the
// finding is gone afterwards.
func TestRuleDocFixes(t *testing.T) {
	fixed := 0
	for _, d := range diagnostics.RuleDocs() {
		if d.Script == "" || d.Fix == "" {
			continue
		}
		claims := strings.Contains(d.Fix, "adds to the step") || strings.HasPrefix(d.Fix, "the code action \"Remove")
		if !claims {
			continue
		}
		t.Run(d.Code, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "train.py"), []byte(d.Script), 0o644); err != nil {
				t.Fatal(err)
			}
			uri := "file://" + filepath.Join(dir, "valohai.yaml")
			doc := document.New(uri, 1, d.Bad)
			r := project.NewReader()
			var edits []Edit
			for _, f := range scripts.Check(context.Background(), doc, dir, r).Diagnostics {
				if a, ok := Removal(doc, f); ok && f.Code == d.Code {
					edits = a.Edits
				}
			}
			if edits == nil {
				st := model.Of(doc).Lookup(model.KindStep, "train")
				as := Sync(doc, st, dir, r)
				if len(as) != 1 || as[0].Title != `Sync step "train" with train.py` {
					t.Fatalf("actions: %+v", as)
				}
				edits = as[0].Edits
			}
			after := document.New(uri, 2, Apply(d.Bad, edits))
			for _, f := range scripts.Check(context.Background(), after, dir, r).Diagnostics {
				if f.Code == d.Code {
					t.Errorf("still reported after the fix: %s\n%s", f.Message, after.Mapper().Text())
				}
			}
			fixed++
		})
	}
	if fixed < 4 {
		t.Errorf("only %d rule examples fixed", fixed)
	}
}
