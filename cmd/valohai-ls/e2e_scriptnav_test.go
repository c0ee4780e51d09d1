package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/uri"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/corpus"
	"github.com/valohai-ls/valohai-ls/model"
	files "github.com/valohai-ls/valohai-ls/project"
	"github.com/valohai-ls/valohai-ls/scripts"
)

// TestEndToEndScriptNavigation asks the real binary, on every python
// pair, for the definition, references and hover of each step parameter
// and input that a script declares: the definition is in the script, at
// the place the in-process reading finds, and so are references and the
// hover's lines.
func TestEndToEndScriptNavigation(t *testing.T) {
	dir := filepath.Join(corpus.Dir(t), "python-pairs")
	pairs, _ := filepath.Glob(filepath.Join(dir, "*", "valohai.yaml"))
	if len(pairs) == 0 {
		t.Skipf("no python pairs at %s", dir)
	}
	s := startBinary(t)
	s.initialize(t)
	r := files.NewReader()
	checked := 0
	for _, y := range pairs {
		text, err := os.ReadFile(y)
		if err != nil {
			t.Fatal(err)
		}
		u := string(uri.File(y))
		doc := document.New(u, 1, string(text))
		x := model.Of(doc)
		opened := false
		for _, st := range x.Kept(model.KindStep) {
			for _, sym := range st.Children {
				if !sym.Named || sym.Kind != model.KindParameter && sym.Kind != model.KindInput {
					continue
				}
				places := scripts.Places(doc, sym, filepath.Dir(y), r)
				var decl *scripts.Place
				for i := range places {
					if places[i].Declares {
						decl = &places[i]
						break
					}
				}
				if decl == nil {
					continue
				}
				if !opened {
					_ = s.Notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": u, "languageId": "yaml", "version": 1, "text": string(text)}})
					opened = true
				}
				pos := doc.Mapper().Position(sym.NameSpan.Start, document.UTF16)
				params := map[string]any{"textDocument": map[string]any{"uri": u}, "position": map[string]any{"line": pos.Line, "character": pos.Character}}
				var defs []struct {
					URI   string `json:"uri"`
					Range struct {
						Start struct{ Line int } `json:"start"`
					} `json:"range"`
				}
				if err := s.Call("textDocument/definition", params, &defs); err != nil {
					t.Fatal(err)
				}
				want := string(uri.File(decl.Path))
				if len(defs) == 0 || defs[0].URI != want || defs[0].Range.Start.Line != decl.Line-1 {
					t.Errorf("%s %s %q: definition %+v, want %s:%d", filepath.Base(filepath.Dir(y)), sym.Kind, sym.Name, defs, decl.Rel, decl.Line)
					continue
				}
				var refs []struct {
					URI string `json:"uri"`
				}
				params["context"] = map[string]any{"includeDeclaration": true}
				if err := s.Call("textDocument/references", params, &refs); err != nil {
					t.Fatal(err)
				}
				inScript := 0
				for _, ref := range refs {
					if strings.HasSuffix(ref.URI, ".py") {
						inScript++
					}
				}
				if inScript != len(places) {
					t.Errorf("%s %q: %d references in scripts, want %d", filepath.Base(filepath.Dir(y)), sym.Name, inScript, len(places))
				}
				var hover struct {
					Contents struct{ Value string } `json:"contents"`
				}
				var raw json.RawMessage
				delete(params, "context")
				if err := s.Call("textDocument/hover", params, &raw); err != nil {
					t.Fatal(err)
				}
				_ = json.Unmarshal(raw, &hover)
				if !strings.Contains(hover.Contents.Value, decl.Rel+":") {
					t.Errorf("%s %q: hover does not name %s: %q", filepath.Base(filepath.Dir(y)), sym.Name, decl.Rel, hover.Contents.Value)
				}
				checked++
			}
		}
	}
	if checked < 50 {
		t.Fatalf("only %d parameters and inputs with a declaration in a script", checked)
	}
	t.Logf("%d step parameters and inputs followed into their scripts", checked)
	s.shutdown(t)
}
