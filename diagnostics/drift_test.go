package diagnostics

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/corpus"
	"github.com/valohai-ls/valohai-ls/model"
)

// unknownCodes are the findings of a name that the file does not define.
var unknownCodes = map[string]bool{
	CodeUnknownStep: true, CodeUnknownTask: true, CodeUnknownNode: true, CodeUnknownInput: true,
	CodeUnknownParameter: true, CodeUnknownEndpoint: true, CodeUnknownFile: true, CodeUnknownPlaceholder: true,
	CodeUnknownOutput: true,
}

// driftExempt says why a reference the model cannot resolve has no
// finding: the rules do not report it on purpose.
func driftExempt(x *model.Model, r *model.Ref) string {
	switch {
	case r.Role == model.RoleTaskParameter:
		return "a task's parameters are not checked against its step: the official tool does not, and a task may add parameters"
	case r.Item.Name != "" && x.Lookup(r.Item.Kind, r.Item.Name) != r.Item:
		return "the item is replaced by a later one of its name, and the loader never reads it"
	}
	return ""
}

// findingExempt says why an unknown-* finding has no unresolved reference
// in its range.
func findingExempt(x *model.Model, d Diagnostic) string {
	if d.Code == CodeUnknownOutput && strings.ContainsAny(x.Mapper().Text()[d.Start:d.End], "*?[") {
		return "a glob names files, not one output to refer to"
	}
	for _, r := range x.Refs() {
		if r.Role == model.RoleTask && r.Target != nil && r.Span.Start >= d.Start && r.Span.End <= d.End {
			return "a blueprint's missing step is reported on the task node too; the reference is the blueprint's"
		}
		if d.Code == CodeUnknownFile && r.Kind == model.KindEndpoint && r.Target != nil && r.Span.Start >= d.Start && r.Span.End <= d.End {
			if strings.Count(r.Node.Value, ".") < 3 {
				return "a file socket without <endpoint>.<file> names no file to refer to"
			}
		}
	}
	return ""
}

// drift returns the differences, in one document, between the model's
// unresolved references and the unknown-* findings: both must name the
// same places.
func drift(doc *document.Document) (problems []string, matched int) {
	diags := Diagnose(context.Background(), doc)
	x := model.Of(doc)
	refs := x.Refs()
	var out []string
	for _, r := range refs {
		if !r.Unresolved() || driftExempt(x, r) != "" {
			continue
		}
		found := false
		for _, d := range diags {
			found = found || unknownCodes[d.Code] && d.Start <= r.Span.Start && r.Span.End <= d.End
		}
		if !found {
			out = append(out, fmt.Sprintf("unresolved %s %q at %d has no unknown-* finding", r.Kind, r.Name, r.Span.Start))
		}
		matched++
	}
	for _, d := range diags {
		if !unknownCodes[d.Code] || findingExempt(x, d) != "" {
			continue
		}
		found := false
		for _, r := range refs {
			found = found || r.Unresolved() && d.Start <= r.Span.Start && r.Span.End <= d.End
		}
		if !found {
			out = append(out, fmt.Sprintf("%s at %d (%s) has no unresolved reference", d.Code, d.Start, d.Message))
		}
	}
	return out, matched
}

// TestModelAndFindingsAgree checks, on the rule fixtures and on every
// corpus file, that the model and the rules agree on which names are not
// defined.
func TestModelAndFindingsAgree(t *testing.T) {
	var files []string
	rules, _ := filepath.Glob(filepath.Join("testdata", "rules", "*.yaml"))
	files = append(files, rules...)
	dir := corpus.Dir(t)
	if _, err := os.Stat(dir); err == nil {
		_ = filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
			if err == nil && !e.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
				files = append(files, p)
			}
			return nil
		})
	} else {
		t.Logf("corpus not found at %s: checking the fixtures only", dir)
	}
	checked, matched := 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		problems, n := drift(document.New("file://"+f, 1, string(data)))
		for _, problem := range problems {
			t.Errorf("%s: %s", f, problem)
		}
		checked++
		matched += n
	}
	if checked < len(rules) || len(rules) == 0 || matched < 20 {
		t.Fatalf("checked %d files, %d unresolved references: too few for the test to mean anything", checked, matched)
	}
	t.Logf("%d files, %d unresolved references, each with its finding", checked, matched)
}
