package codeaction

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/corpus"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/navigation"
	"github.com/valohai-ls/valohai-ls/project"
)

// TestCorpus runs every feature of navigation and codeaction over the
// real-world corpus ($VALOHAI_CORPUS, default ../shared/corpus): nothing
// may panic, every edit must be inside the text, every quick fix must
// leave YAML that parses, and every rename must be undone by renaming
// back.
func TestCorpus(t *testing.T) {
	files := corpus.RequireYAML(t, "the features on real files")
	fixes, renames := 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		doc := document.New("file:///c/valohai.yaml", 1, text)
		diags := diagnostics.Diagnose(context.Background(), doc)
		for _, a := range Actions(doc, 0, len(text), diags, Options{Snippets: true}) {
			for _, e := range a.Edits {
				if e.Start < 0 || e.End > len(text) || e.Start > e.End {
					t.Fatalf("%s: %q has an edit outside the text: %+v", f, a.Title, e)
				}
			}
			after := plain(applyEdits(text, a.Edits))
			if doc.Parsed().Root != nil && document.New(doc.URI, 2, after).Parsed().Root == nil {
				t.Errorf("%s: after %q the file no longer parses", f, a.Title)
			}
			fixes++
		}
		x := model.Of(doc)
		_ = navigation.Links(x, project.Options{Dir: filepath.Dir(f)})
		_ = navigation.Lenses(x)
		for _, r := range x.Refs() {
			_ = navigation.Definition(x, r.Span.Start, project.Options{})
			_ = navigation.Occurrences(x, r.Span.Start)
		}
		for _, s := range allSymbols(navigation.Outline(x)) {
			if !s.Named {
				continue
			}
			edits, err := navigation.Rename(x, s.NameSpan.Start, "zz-renamed")
			if err != nil {
				continue
			}
			renames++
			after := applyNav(text, edits)
			x2 := model.Of(document.New(doc.URI, 2, after))
			at := s.NameSpan.Start
			for _, e := range edits {
				if e.End <= s.NameSpan.Start {
					at += len(e.Text) - (e.End - e.Start)
				}
			}
			back, err := navigation.Rename(x2, at, s.Name)
			if err != nil {
				// A name the format refuses, or one that is taken twice,
				// cannot be given back.
				if !strings.Contains(err.Error(), fmt.Sprintf("%q", s.Name)) {
					t.Errorf("%s: renaming %s %q back: %v", f, s.Kind, s.Name, err)
				}
				continue
			}
			if got := applyNav(after, back); got != text {
				t.Errorf("%s: renaming %s %q there and back changed the text", f, s.Kind, s.Name)
			}
		}
	}
	t.Logf("%d files, %d fixes applied, %d renames made and undone", len(files), fixes, renames)
}

func allSymbols(syms []*model.Symbol) []*model.Symbol {
	var out []*model.Symbol
	for _, s := range syms {
		out = append(out, s)
		out = append(out, allSymbols(s.Children)...)
	}
	return out
}

func applyNav(text string, edits []navigation.Edit) string {
	es := make([]Edit, 0, len(edits))
	for _, e := range edits {
		es = append(es, Edit{Start: e.Start, End: e.End, Text: e.Text})
	}
	return applyEdits(text, es)
}
