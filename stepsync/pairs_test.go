package stepsync

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/corpus"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/project"
	"github.com/valohai-ls/valohai-ls/scripts"
)

// pairsDir returns the python pairs' folder, skipping the test without it.
func pairsDir(t *testing.T) string {
	dir := filepath.Join(corpus.Dir(t), "python-pairs")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no python pairs at %s", dir)
	}
	return dir
}

// copyPair copies a pair to a temporary directory.
func copyPair(t *testing.T, src string) string {
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return dst
}

// leftReasons says why each kind of information-level finding can be left
// after the sync: the sync adds and updates, and never deletes what only
// the YAML has, nor guesses what the script does not say.
var leftReasons = map[string]struct {
	count  int
	reason string
}{
	diagnostics.CodeScriptUnusedParameter:     {5, "a parameter only the YAML has (or one a parse_known_args script ignores) is kept: the sync never deletes"},
	diagnostics.CodeScriptUnusedInput:         {4, "an input only the YAML has is kept: the sync never deletes"},
	diagnostics.CodeScriptUndeclaredParameter: {12, "valohai.parameters(\"x\") says no type nor default, so it is not added; nor is an option whose name a parameter passed another way already has (mmdetection3d's --resume beside a `resume={v}` parameter)"},
	diagnostics.CodeScriptUndeclaredInput:     {4, "valohai.inputs(\"x\") says no default; it is not added"},
	diagnostics.CodeScriptTypeMismatch:        {3, "argparse types are not written over the YAML's (only prepare()'s are)"},
	diagnostics.CodeScriptDefaultDiffers:      {61, "argparse defaults are not written over the YAML's: the YAML's is the one used"},
	diagnostics.CodeScriptMissing:             {34, "the script is not in the project"},
	diagnostics.CodeScriptUnknownStep:         {3, "prepare(step=...) names a step the file lacks: a new step is `valohai-ls step`'s work, not the sync's"},
	diagnostics.CodeScriptUnreadable:          {0, "a prepare() dict that is not a literal cannot be read"},
	diagnostics.CodeScriptNotRead:             {7, "the step runs a program that is not a Python script: there is nothing to sync with"},
}

// problems are the error and warning findings of check, as code and
// message, counted.
func problems(doc *document.Document) map[string]int {
	out := map[string]int{}
	for _, d := range diagnostics.Diagnose(context.Background(), doc) {
		if d.Severity <= diagnostics.Warning {
			out[d.Code+": "+d.Message]++
		}
	}
	return out
}

// nextAction returns an action to apply to doc: a sync of a step, or the
// removal of a parameter the script rejects.
func nextAction(doc *document.Document, dir string, r *project.Reader) (Action, *model.Symbol, bool) {
	x := model.Of(doc)
	for _, st := range x.Kept(model.KindStep) {
		if as := Sync(doc, st, dir, r); len(as) > 0 {
			return as[0], st, true
		}
	}
	for _, d := range scripts.Check(context.Background(), doc, dir, r).Diagnostics {
		if a, ok := Removal(doc, d); ok {
			for _, st := range x.Kept(model.KindStep) {
				if d.Start >= st.Range.Start && d.Start <= st.Range.End {
					return a, st, true
				}
			}
		}
	}
	return Action{}, nil, false
}

// TestSyncPairs applies the sync (and the removals) to every drifting
// pair: no script finding at warning is left, only the steps' lines
// change, check finds no new error or warning, and the information-level
// findings left are of the kinds leftReasons explains.
func TestSyncPairs(t *testing.T) {
	dir := pairsDir(t)
	pairs, _ := filepath.Glob(filepath.Join(dir, "*", "valohai.yaml"))
	synced, applied, removals := 0, 0, 0
	left := map[string]int{}
	for _, y := range pairs {
		name := filepath.Base(filepath.Dir(y))
		t.Run(name, func(t *testing.T) {
			pd := copyPair(t, filepath.Dir(y))
			raw, err := os.ReadFile(filepath.Join(pd, "valohai.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			text := string(raw)
			uri := "file://" + filepath.Join(pd, "valohai.yaml")
			r := project.NewReader()
			before := problems(document.New(uri, 1, text))
			n := 0
			for ; n < 40; n++ {
				doc := document.New(uri, int32(n+1), text)
				a, st, ok := nextAction(doc, pd, r)
				if !ok {
					break
				}
				if strings.HasPrefix(a.Title, "Remove") {
					removals++
				}
				m := doc.Mapper()
				lo, hi := m.LineStart(m.LineOf(st.Range.Start)), m.LineEnd(m.LineOf(st.Range.End))
				for _, e := range a.Edits {
					if e.Start < lo || e.End > hi {
						t.Errorf("%s: edit %d-%d %q is outside step %q (%d-%d)", a.Title, e.Start, e.End, e.Text, st.Name, lo, hi)
					}
				}
				next := Apply(text, a.Edits)
				if next == text {
					t.Fatalf("%s changes nothing", a.Title)
				}
				text = next
				applied++
			}
			if n == 40 {
				t.Fatalf("the sync does not settle:\n%s", text)
			}
			if n > 0 {
				synced++
			}
			doc := document.New(uri, 99, text)
			for k, c := range problems(doc) {
				if c > before[k] {
					t.Errorf("new finding after the sync: %s\n%s", k, text)
				}
			}
			for _, d := range scripts.Check(context.Background(), doc, pd, r).Diagnostics {
				if d.Severity <= diagnostics.Warning {
					t.Errorf("left at %s: %s %s", d.Severity, d.Code, d.Message)
					continue
				}
				if leftReasons[d.Code].reason == "" {
					t.Errorf("left with no reason given: %s %s", d.Code, d.Message)
				}
				left[d.Code]++
			}
		})
	}
	var codes []string
	for c, want := range leftReasons {
		codes = append(codes, c)
		if left[c] != want.count {
			t.Errorf("%s: %d findings left, want %d", c, left[c], want.count)
		}
	}
	sort.Strings(codes)
	var b strings.Builder
	for _, c := range codes {
		fmt.Fprintf(&b, "\n  %s: %d (%s)", c, left[c], leftReasons[c].reason)
	}
	t.Logf("%d pairs synced with %d actions (%d removals); findings left:%s", synced, applied, removals, b.String())
	if synced == 0 {
		t.Error("no pair was synced")
	}
}
