// Package codeaction computes quick fixes for valohai.yaml diagnostics and
// small refactorings: did-you-mean replacements, adding missing required
// keys, syncing a step with the Python scripts it runs (package stepsync), keeping one variant of an endpoint, turning an invalid name into a
// valid one (renaming its references too), renaming the later of two
// items with one name, and switching an edge between its [source, target]
// shorthand and its full form.
//
// Fixes are attached to the diagnostics they resolve. They are computed
// from byte offsets; the server converts positions and edits.
package codeaction

import (
	"sort"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/project"
)

// Kind is an LSP code action kind.
type Kind string

// Action kinds.
const (
	QuickFix Kind = "quickfix"
	Rewrite  Kind = "refactor.rewrite"
)

// Edit replaces [Start, End) with Text. With Snippet set, Text is in LSP
// snippet syntax (only produced when Options.Snippets is set).
type Edit struct {
	Start, End int
	Text       string
	Snippet    bool
}

// Action is one code action.
type Action struct {
	Title string
	Kind  Kind
	// Diag is the index, in the diagnostics given to Actions, of the
	// diagnostic the action fixes; -1 for a refactoring.
	Diag      int
	Edits     []Edit
	Preferred bool
}

// Options describe what the client supports.
type Options struct {
	// Snippets allows snippet edits (tab stops and placeholders).
	Snippets bool
	// Dir is the directory of the document's file and Scripts reads the
	// scripts its steps run; with both, the "Sync step" actions are
	// offered.
	Dir     string
	Scripts *project.Reader
}

// fixer proposes fixes for one diagnostic.
type fixer func(c *ctx, d diagnostics.Diagnostic) []Action

// fixers run on every diagnostic; each looks at the codes it knows.
var fixers = []fixer{didYouMean, addMissing, keepVariant, validName, syntaxFix, spaceAfterColon, indentStray, renameDuplicate}

// ctx is what the fixers share for one request.
type ctx struct {
	doc  *document.Document
	m    *document.Mapper
	opts Options
	// found counts the document's findings, once a fixer needs them.
	found map[finding]int
}

// Actions returns the fixes for diags (the diagnostics of doc that the
// client shows over the requested range [start, end]) and the
// refactorings available in that range, without duplicates.
func Actions(doc *document.Document, start, end int, diags []diagnostics.Diagnostic, o Options) []Action {
	c := &ctx{doc: doc, m: doc.Mapper(), opts: o}
	var out []Action
	seen := map[string]bool{}
	add := func(a Action) {
		if seen[string(a.Kind)+"\x00"+a.Title] || len(a.Edits) == 0 {
			return
		}
		seen[string(a.Kind)+"\x00"+a.Title] = true
		out = append(out, a)
	}
	for i, d := range diags {
		for _, f := range fixers {
			for _, a := range f(c, d) {
				a.Diag, a.Kind = i, QuickFix
				add(a)
			}
		}
	}
	for _, a := range syncActions(c, start, end, diags) {
		add(a)
	}
	for _, a := range edgeForms(c, start, end) {
		a.Diag, a.Kind = -1, Rewrite
		add(a)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Kind == QuickFix && out[j].Kind != QuickFix })
	return out
}
