package check

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/internal/corpus"
)

// verdict is the official validator's result for one corpus file.
type verdict struct {
	Errors   []string `json:"errors"`
	Warnings []string `json:"warnings"`
	Hints    []string `json:"hints"`
	YAMLOK   bool     `json:"yaml_ok"`
}

// exception is a corpus file on which we deliberately disagree with the
// official validator, on errors, on warnings or on both.
type exception struct {
	File     string `json:"file"`
	Errors   bool   `json:"errors"`
	Warnings bool   `json:"warnings"`
	Reason   string `json:"reason"`
}

// TestConformance compares, file by file, whether this engine finds errors
// and warnings where the official validator does. Files listed in
// testdata/conformance-exceptions.json differ on purpose; every other file
// must agree, and every listed difference must still exist.
func TestConformance(t *testing.T) {
	dir := corpus.Dir(t)
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		t.Skipf("corpus folder %s is absent (set VALOHAI_CORPUS to the corpus): conformance not checked", dir)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "verdicts.json"))
	if err != nil {
		t.Fatal(err)
	}
	var verdicts map[string]verdict
	if err := json.Unmarshal(raw, &verdicts); err != nil {
		t.Fatalf("verdicts.json: %v", err)
	}
	exceptions := loadExceptions(t, verdicts)
	names := make([]string, 0, len(verdicts))
	for name := range verdicts {
		names = append(names, name)
	}
	sort.Strings(names)

	var errAgree, warnAgree int
	for _, name := range names {
		want := verdicts[name]
		r := File(context.Background(), filepath.Join(dir, filepath.FromSlash(name)))
		if r.Err != nil {
			t.Errorf("%s: %v", name, r.Err)
			continue
		}
		gotErr, gotWarn := severities(r.Diagnostics)
		ex, listed := exceptions[name]
		if gotErr == (len(want.Errors) > 0) {
			errAgree++
		}
		if gotWarn == (len(want.Warnings) > 0) {
			warnAgree++
		}
		compare(t, name, "errors", gotErr, len(want.Errors) > 0, listed && ex.Errors, want.Errors, r)
		compare(t, name, "warnings", gotWarn, len(want.Warnings) > 0, listed && ex.Warnings, want.Warnings, r)
	}
	t.Logf("errors agree:   %d/%d files", errAgree, len(names))
	t.Logf("warnings agree: %d/%d files", warnAgree, len(names))
	t.Logf("deliberate differences: %d files", len(exceptions))
}

// compare reports a disagreement on one aspect that is not listed as an
// exception, and an exception that no longer disagrees.
func compare(t *testing.T, name, aspect string, got, want, excepted bool, official []string, r Result) {
	t.Helper()
	switch {
	case got != want && !excepted:
		t.Errorf("%s: has %s = %v, official validator says %v\n  official: %s\n  ours:\n%s",
			name, aspect, got, want, strings.Join(official, "\n            "), listDiagnostics(r))
	case got == want && excepted:
		t.Errorf("%s: listed as differing on %s, but now agrees with the official validator: remove the exception", name, aspect)
	}
}

// severities reports whether diags hold an error and a warning.
func severities(diags []diagnostics.Diagnostic) (hasErr, hasWarn bool) {
	for _, d := range diags {
		switch d.Severity {
		case diagnostics.Error:
			hasErr = true
		case diagnostics.Warning:
			hasWarn = true
		}
	}
	return hasErr, hasWarn
}

func listDiagnostics(r Result) string {
	var b strings.Builder
	m := r.Doc.Mapper()
	for _, d := range r.Diagnostics {
		fmt.Fprintf(&b, "    %s line %d: %s [%s]\n", d.Severity, m.LineOf(d.Start)+1, d.Message, d.Code)
	}
	return b.String()
}

// loadExceptions reads the table of deliberate differences and checks
// that each entry names a corpus file, says what differs and why.
func loadExceptions(t *testing.T, verdicts map[string]verdict) map[string]exception {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "conformance-exceptions.json"))
	if err != nil {
		t.Fatal(err)
	}
	var list []exception
	if err := json.Unmarshal(raw, &list); err != nil {
		t.Fatalf("conformance-exceptions.json: %v", err)
	}
	out := make(map[string]exception, len(list))
	for _, ex := range list {
		switch {
		case ex.File == "":
			t.Errorf("conformance-exceptions.json: an entry has no file")
		case !ex.Errors && !ex.Warnings:
			t.Errorf("conformance-exceptions.json: %s differs on neither errors nor warnings", ex.File)
		case strings.TrimSpace(ex.Reason) == "":
			t.Errorf("conformance-exceptions.json: %s has no reason", ex.File)
		}
		if _, ok := verdicts[ex.File]; !ok {
			t.Errorf("conformance-exceptions.json: %s is not in the corpus", ex.File)
		}
		if _, dup := out[ex.File]; dup {
			t.Errorf("conformance-exceptions.json: %s is listed twice", ex.File)
		}
		out[ex.File] = ex
	}
	return out
}
