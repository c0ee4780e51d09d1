package diagnostics

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
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

// keptRefs returns the references of the items the loader keeps, those
// the rules read.
func keptRefs(x *model.Model) []*model.Ref {
	var out []*model.Ref
	for _, it := range x.Items {
		if !it.Broken && (it.Name == "" || x.Lookup(it.Kind, it.Name) == it) {
			out = append(out, x.RefsOf(it)...)
		}
	}
	return out
}

// aboutRef reports whether the finding d is about the unresolved
// reference r: r is written in d's range, or d is on a task node and r is
// the step of the blueprint it uses (what the node runs).
func aboutRef(x *model.Model, d Diagnostic, r *model.Ref) bool {
	if !r.Unresolved() {
		return false
	}
	if d.Start <= r.Span.Start && r.Span.End <= d.End {
		return true
	}
	if r.Role != model.RoleStep || r.From.Kind != model.KindTask {
		return false
	}
	for _, t := range x.Refs() {
		if t.Role == model.RoleTask && t.Target == r.From && d.Start <= t.Span.Start && t.Span.End <= d.End {
			return true
		}
	}
	return false
}

// drift returns the differences, in one document, between the model's
// unresolved references and the unknown-* findings: both must name the
// same places.
func drift(doc *document.Document) (problems []string, matched int) {
	diags := Diagnose(context.Background(), doc)
	x := model.Of(doc)
	refs := keptRefs(x)
	var out []string
	for _, r := range refs {
		if !r.Unresolved() {
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
		if !unknownCodes[d.Code] {
			continue
		}
		found := false
		for _, r := range refs {
			found = found || aboutRef(x, d, r)
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
	real := corpus.YAMLFiles(t)
	if len(real) == 0 {
		t.Logf("corpus not found at %s: checking the fixtures only", corpus.Dir(t))
	}
	files = append(files, real...)
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
