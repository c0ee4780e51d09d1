// Package lint makes every finding of one valohai.yaml file: the file's
// own (YAML syntax, the schema, the rules between items, from
// diagnostics) and those of its steps against the scripts they run (from
// scripts), without those that suppression comments silence, and the
// error of UTF-16 bytes that do not decode, ordered by
// position. The check command and the language server both ask File, so
// that they cannot report one file differently.
package lint

import (
	"context"
	"sort"
	"sync"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/project"
	"github.com/valohai-ls/valohai-ls/scripts"
)

// Options say how File reads a file and the scripts its steps run.
type Options struct {
	// ScriptDir is the directory of the file, where the scripts its
	// steps run are looked for; "" leaves the scripts out.
	ScriptDir string
	// Scripts reads the scripts; nil reads each one afresh.
	Scripts *project.Reader
	// Cache keeps one document's step script findings from one version
	// to the next (the server's open files); nil compares every step.
	Cache *scripts.Cache
	// ItemByItem reads the file item by item, dropping each item's tree
	// once its findings are made, so that a huge file is checked in
	// bounded memory (see diagnostics.DiagnoseItems); a file that cannot
	// be read so is read whole. The findings are the same.
	ItemByItem bool
	// InvalidUTF16 says that the file's bytes are UTF-16 holding what
	// UTF-16 cannot (textenc.Invalid), first at offset InvalidAt of the
	// text, where they read as U+FFFD: File reports an error there.
	InvalidUTF16 bool
	InvalidAt    int
}

// Result is every finding of a file, and which steps were compared with
// their scripts.
type Result struct {
	Diagnostics []diagnostics.Diagnostic
	// Checked are the names of the steps compared with their scripts
	// afresh, in file order; Reused counts those whose findings Cache
	// kept from an earlier version.
	Checked []string
	Reused  int
}

// File returns every finding of doc that suppression comments leave,
// ordered by position: the file's own (Own), then with those of the
// scripts when opts.ScriptDir is set, and the error of bytes that are not
// valid UTF-16 when opts.InvalidUTF16 is (not subject to suppression: the
// official loader refuses the file).
func File(ctx context.Context, doc *document.Document, opts Options) Result {
	res := withScripts(ctx, doc, opts)
	if opts.InvalidUTF16 {
		res.Diagnostics = withInvalidUTF16(res.Diagnostics, opts.InvalidAt, doc.Text)
	}
	return res
}

// withScripts returns the own findings of doc, with those of its steps
// against their scripts when opts.ScriptDir is set.
func withScripts(ctx context.Context, doc *document.Document, opts Options) Result {
	res := Result{Diagnostics: own(ctx, doc, opts.ItemByItem)}
	if opts.ScriptDir == "" {
		return res
	}
	r := opts.Scripts
	if r == nil {
		r = project.NewReader()
	}
	var sr scripts.Result
	if opts.Cache != nil {
		sr = opts.Cache.Check(ctx, doc, opts.ScriptDir, r)
	} else {
		sr = scripts.Check(ctx, doc, opts.ScriptDir, r)
	}
	res.Checked, res.Reused = sr.Checked, sr.Reused
	if len(sr.Diagnostics) > 0 {
		all := append(append([]diagnostics.Diagnostic(nil), res.Diagnostics...), sr.Diagnostics...)
		sort.SliceStable(all, func(i, j int) bool { return all[i].Start < all[j].Start })
		res.Diagnostics = diagnostics.Suppress(doc, all)
	}
	return res
}

// Own returns the findings of doc's own text that suppression comments
// leave, ordered by position: what File returns without the scripts.
// They are made once per version (a run that ctx cancelled half-way is
// not kept); the caller must not change the slice.
func Own(ctx context.Context, doc *document.Document) []diagnostics.Diagnostic {
	return own(ctx, doc, false)
}

// ownKey stores a version's own findings on the document.
type ownKey struct{}

// owned holds the own findings of one version once they were made to
// the end.
type owned struct {
	mu    sync.Mutex
	done  bool
	diags []diagnostics.Diagnostic
}

func own(ctx context.Context, doc *document.Document, itemByItem bool) []diagnostics.Diagnostic {
	f := doc.Derived(ownKey{}, func() any { return &owned{} }).(*owned)
	f.mu.Lock()
	if f.done {
		defer f.mu.Unlock()
		return f.diags
	}
	f.mu.Unlock()
	var diags []diagnostics.Diagnostic
	ok := false
	if itemByItem {
		diags, ok = diagnostics.DiagnoseItems(ctx, doc)
	}
	if !ok {
		diags = diagnostics.Diagnose(ctx, doc)
	}
	diags = diagnostics.Suppress(doc, diags)
	if ctx.Err() == nil {
		f.mu.Lock()
		f.done, f.diags = true, diags
		f.mu.Unlock()
	}
	return diags
}
