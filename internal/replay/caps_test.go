package replay

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/valohai-ls/valohai-ls/internal/corpus"
	"github.com/valohai-ls/valohai-ls/snippet"
)

// plainCaps are those of a client that takes neither snippets nor
// markdown, and says so.
var plainCaps = map[string]any{
	"textDocument": map[string]any{
		"completion": map[string]any{"completionItem": map[string]any{
			"snippetSupport": false, "documentationFormat": []string{"plaintext"}}},
		"hover": map[string]any{"contentFormat": []string{"plaintext"}},
	},
	"workspace": map[string]any{"workspaceEdit": map[string]any{"documentChanges": true}},
}

// richCaps are those of a client that takes both.
var richCaps = map[string]any{
	"textDocument": map[string]any{
		"completion": map[string]any{"completionItem": map[string]any{
			"snippetSupport": true, "documentationFormat": []string{"markdown", "plaintext"}}},
		"hover": map[string]any{"contentFormat": []string{"markdown", "plaintext"}},
	},
	"workspace": map[string]any{"workspaceEdit": map[string]any{"documentChanges": true, "snippetEditSupport": true}},
}

type wireItem struct {
	Label            string `json:"label"`
	InsertText       string `json:"insertText"`
	InsertTextFormat int    `json:"insertTextFormat"`
	TextEdit         *struct {
		Range   json.RawMessage `json:"range"`
		NewText string          `json:"newText"`
	} `json:"textEdit"`
	Documentation *struct {
		Kind  string `json:"kind"`
		Value string `json:"value"`
	} `json:"documentation"`
}

// text is what accepting the item inserts, as sent.
func (it wireItem) text() string {
	if it.TextEdit != nil {
		return it.TextEdit.NewText
	}
	if it.InsertText != "" {
		return it.InsertText
	}
	return it.Label
}

type wireEdit struct {
	Range   json.RawMessage `json:"range"`
	NewText *string         `json:"newText"`
	Snippet *struct {
		Value string `json:"value"`
	} `json:"snippet"`
}

type wireAction struct {
	Title string `json:"title"`
	Edit  *struct {
		Changes         map[string][]wireEdit `json:"changes"`
		DocumentChanges []struct {
			Edits []wireEdit `json:"edits"`
		} `json:"documentChanges"`
	} `json:"edit"`
}

func (a wireAction) edits() []wireEdit {
	if a.Edit == nil {
		return nil
	}
	var out []wireEdit
	for _, dc := range a.Edit.DocumentChanges {
		out = append(out, dc.Edits...)
	}
	uris := make([]string, 0, len(a.Edit.Changes))
	for u := range a.Edit.Changes {
		uris = append(uris, u)
	}
	sort.Strings(uris)
	for _, u := range uris {
		out = append(out, a.Edit.Changes[u]...)
	}
	return out
}

// leftover finds what a plain text must not hold: snippet syntax or the
// escapes of snippet text.
func leftover(s string) string {
	if snippet.Has(s) {
		return "snippet syntax"
	}
	for _, esc := range []string{`\}`, `\$`} {
		if strings.Contains(s, esc) {
			return "snippet escape " + esc
		}
	}
	return ""
}

// capsSession is one client's view of the files.
type capsSession struct {
	c   *Client
	doc *Doc
}

// TestClientCapabilities is a property test over the corpus and the
// typing-replay positions: at every key line, cut back to its indentation
// and to the key's first letters, a client without snippet support gets
// completion items and code action edits free of snippet syntax whose text
// is exactly what a snippet-taking client's item inserts with every
// placeholder at its default; and a client without markdown gets plain
// text hover and documentation.
func TestClientCapabilities(t *testing.T) {
	files := capsFiles(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	var plain, rich capsSession
	for _, s := range []struct {
		sess *capsSession
		caps map[string]any
	}{{&plain, plainCaps}, {&rich, richCaps}} {
		conn, failures := startInProcess(t)
		t.Cleanup(func() {
			for _, f := range failures() {
				t.Errorf("server failure: %s", f)
			}
		})
		s.sess.c = Dial(ctx, conn)
		if err := s.sess.c.InitializeWith(ctx, s.caps); err != nil {
			t.Fatal(err)
		}
	}
	var items, snippets, actions, snippetEdits, hovers int
	var problems []string
	report := func(format string, args ...any) {
		if len(problems) < 40 {
			problems = append(problems, fmt.Sprintf(format, args...))
		}
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text, name := string(data), filepath.Base(f)
		uri := "file:///caps/" + strings.TrimSuffix(name, filepath.Ext(name)) + "/valohai.yaml"
		for _, s := range []*capsSession{&plain, &rich} {
			if s.doc, err = s.c.Open(ctx, uri, text); err != nil {
				t.Fatal(err)
			}
		}
		both := func(fn func(d *Doc) error) {
			for _, s := range []*capsSession{&plain, &rich} {
				if err := fn(s.doc); err != nil {
					t.Fatalf("%s: %v", name, err)
				}
			}
		}
		for _, k := range KeyLines(text) {
			line := plain.doc.Text()[k.Start:k.End]
			for _, cut := range []string{k.Indent, k.Indent + k.Typed()} {
				both(func(d *Doc) error { return d.Replace(ctx, k.Start, k.End, cut) })
				where := fmt.Sprintf("%s:%d %q", name, k.Line+1, cut)
				off := k.Start + len(cut)
				var pItems, rItems []wireItem
				if err := completionItems(ctx, plain.doc, off, &pItems); err != nil {
					t.Fatalf("%s: %v", where, err)
				}
				if err := completionItems(ctx, rich.doc, off, &rItems); err != nil {
					t.Fatalf("%s: %v", where, err)
				}
				byLabel := map[string]wireItem{}
				for _, it := range rItems {
					byLabel[it.Label] = it
				}
				for _, it := range pItems {
					items++
					if it.InsertTextFormat == 2 {
						report("%s: item %q is a snippet", where, it.Label)
					}
					if why := leftover(it.text()); why != "" {
						report("%s: item %q holds %s: %q", where, it.Label, why, it.text())
					}
					if it.Documentation != nil && it.Documentation.Kind != "plaintext" {
						report("%s: item %q documentation is %s", where, it.Label, it.Documentation.Kind)
					}
					r, ok := byLabel[it.Label]
					if !ok {
						report("%s: item %q offered only without snippets", where, it.Label)
						continue
					}
					want := r.text()
					if r.InsertTextFormat == 2 {
						snippets++
						want = snippet.Plain(want)
						// Trailing spaces may go, but not the one after a
						// list item's dash: typing goes on there.
						if !strings.HasSuffix(want, "- ") {
							want = strings.TrimRight(want, " ")
						}
					}
					if it.text() != want {
						report("%s: item %q inserts %q, the snippet %q inserts %q", where, it.Label, it.text(), r.text(), want)
					}
				}
				if len(pItems) != len(rItems) {
					report("%s: %d items without snippets, %d with", where, len(pItems), len(rItems))
				}
				if cut == k.Indent {
					// Every quick fix of the file as it is now: with the key line
					// blank, its owner often lacks a required key.
					all := map[string]any{"range": map[string]any{"start": plain.doc.Position(0), "end": plain.doc.Position(len(plain.doc.Text()))},
						"context": map[string]any{"diagnostics": []any{}}}
					actions += compareActions(ctx, t, where, plain.doc, rich.doc, all, &snippetEdits, report)
				}
				both(func(d *Doc) error { return d.Replace(ctx, k.Start, off, line) })
			}
			var h struct {
				Contents struct {
					Kind  string `json:"kind"`
					Value string `json:"value"`
				} `json:"contents"`
			}
			if err := plain.doc.Call(ctx, "textDocument/hover", k.Start+len(k.Indent)+len(k.Key)/2, nil, &h); err != nil {
				t.Fatalf("%s:%d: hover: %v", name, k.Line+1, err)
			}
			if h.Contents.Value != "" {
				hovers++
				if prose := proseOf(h.Contents.Value); h.Contents.Kind != "plaintext" || strings.Contains(prose, "**") || strings.Contains(prose, "`") {
					report("%s:%d: hover is not plain text: %s %.80q", name, k.Line+1, h.Contents.Kind, h.Contents.Value)
				}
			}
		}
		whole := map[string]any{"range": map[string]any{"start": plain.doc.Position(0), "end": plain.doc.Position(len(text))},
			"context": map[string]any{"diagnostics": []any{}}}
		actions += compareActions(ctx, t, name, plain.doc, rich.doc, whole, &snippetEdits, report)
		both(func(d *Doc) error { return d.Close(ctx) })
	}
	for _, s := range []*capsSession{&plain, &rich} {
		if err := s.c.Shutdown(ctx); err != nil {
			t.Errorf("shutdown: %v", err)
		}
	}
	t.Logf("%d files: %d completion items (%d snippets for the other client), %d code actions (%d snippet edits for the other client), %d hovers",
		len(files), items, snippets, actions, snippetEdits, hovers)
	if items == 0 || snippets == 0 || actions == 0 || snippetEdits == 0 || hovers == 0 {
		t.Errorf("too little compared: %d items, %d snippets, %d actions, %d snippet edits, %d hovers", items, snippets, actions, snippetEdits, hovers)
	}
	for _, p := range problems {
		t.Error(p)
	}
}

func completionItems(ctx context.Context, d *Doc, off int, out *[]wireItem) error {
	var res struct {
		Items []wireItem `json:"items"`
	}
	if err := d.Call(ctx, "textDocument/completion", off, nil, &res); err != nil {
		return err
	}
	*out = res.Items
	return nil
}

// compareActions asks both clients for the code actions of params and
// reports plain edits that hold snippet syntax or differ from the plain
// text of the snippet edits. It returns how many actions it compared.
func compareActions(ctx context.Context, t *testing.T, where string, plain, rich *Doc, params map[string]any, snippetEdits *int, report func(string, ...any)) int {
	t.Helper()
	var pActs, rActs []wireAction
	if err := plain.Call(ctx, "textDocument/codeAction", -1, params, &pActs); err != nil {
		t.Fatalf("%s: code actions: %v", where, err)
	}
	if err := rich.Call(ctx, "textDocument/codeAction", -1, params, &rActs); err != nil {
		t.Fatalf("%s: code actions: %v", where, err)
	}
	if len(pActs) != len(rActs) {
		report("%s: %d code actions without snippets, %d with", where, len(pActs), len(rActs))
		return 0
	}
	byTitle := map[string][]wireEdit{}
	for _, a := range rActs {
		byTitle[a.Title] = a.edits()
	}
	for _, a := range pActs {
		pe, re := a.edits(), byTitle[a.Title]
		if len(pe) != len(re) {
			report("%s: action %q has %d edits without snippets, %d with", where, a.Title, len(pe), len(re))
			continue
		}
		for j, e := range pe {
			if e.Snippet != nil || e.NewText == nil {
				report("%s: action %q sends a snippet edit", where, a.Title)
				continue
			}
			if why := leftover(*e.NewText); why != "" {
				report("%s: action %q edit holds %s: %q", where, a.Title, why, *e.NewText)
			}
			want := ""
			if re[j].Snippet != nil {
				*snippetEdits++
				want = snippet.Plain(re[j].Snippet.Value)
			} else if re[j].NewText != nil {
				want = *re[j].NewText
			}
			if *e.NewText != want {
				report("%s: action %q inserts %q, the snippet edit %q", where, a.Title, *e.NewText, want)
			}
		}
	}
	return len(pActs)
}

// capsFiles are the corpus's real-world files and the format's examples;
// with -short, every fifth.
func capsFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, sub := range []string{"real-world", "valohai-yaml-examples"} {
		dir := filepath.Join(corpus.Dir(t), sub)
		entries, err := os.ReadDir(dir)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.Type().IsRegular() && (strings.HasSuffix(e.Name(), ".yaml") || strings.HasSuffix(e.Name(), ".yml")) {
				files = append(files, filepath.Join(dir, e.Name()))
			}
		}
	}
	if len(files) == 0 {
		t.Skipf("corpus folder %s has no files: client capability test skipped", corpus.Dir(t))
	}
	sort.Strings(files)
	if testing.Short() {
		var sample []string
		for i := 0; i < len(files); i += 5 {
			sample = append(sample, files[i])
		}
		files = sample
	}
	return files
}

// proseOf drops the indented lines of a plain-text hover: commands shown
// as they will run, whose backticks are the shell's.
func proseOf(text string) string {
	var b strings.Builder
	for _, l := range strings.Split(text, "\n") {
		if !strings.HasPrefix(l, "    ") {
			b.WriteString(l)
			b.WriteByte('\n')
		}
	}
	return b.String()
}
