package server

import (
	"context"
	"encoding/json"
	"strings"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/valohai-ls/valohai-ls/codeaction"
	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/lint"
	"github.com/valohai-ls/valohai-ls/settings"
)

// diagnosticData is what a published diagnostic carries in its data field
// for the quick fixes: the did-you-mean replacements of its range.
type diagnosticData struct {
	Suggestions []string `json:"suggestions,omitempty"`
}

// CodeAction answers textDocument/codeAction with the quick fixes of the
// diagnostics in the context and the refactorings of the range.
func (s *Server) CodeAction(ctx context.Context, params *protocol.CodeActionParams) ([]protocol.CommandOrCodeAction, error) {
	out := []protocol.CommandOrCodeAction{}
	if !s.settings().Enabled(settings.CodeActions) {
		return out, nil
	}
	doc := s.docs.get(params.TextDocument.URI)
	if doc == nil {
		return out, nil
	}
	enc, m := s.enc(), doc.Mapper()
	start, end := offsetOf(m, params.Range.Start, enc), offsetOf(m, params.Range.End, enc)
	diags, shown := fromClient(m, params.Context.Diagnostics, enc)
	s.withFixes(ctx, doc, diags)
	if len(params.Context.Diagnostics) == 0 {
		// A client that sends no context: use the current diagnostics
		// on the lines of the range.
		first, last := m.LineOf(start), m.LineOf(end)
		for _, d := range s.diagnose(ctx, doc) {
			if m.LineOf(d.Start) <= last && m.LineOf(d.End) >= first {
				diags = append(diags, d)
			}
		}
		shown = toProtocol(doc, diags, enc)
	}
	if len(params.Context.Only) > 0 && wanted(fixAllKind, params.Context.Only) {
		// Asked for by kind only (on save, or Fix All): it checks the
		// whole file again, more than a light bulb should wait for.
		if a := s.fixAllAction(ctx, params.TextDocument.URI, doc, enc); a != nil {
			out = append(out, a)
		}
	}
	caps := s.clientCaps()
	for _, a := range codeaction.Actions(doc, start, end, diags, codeaction.Options{Snippets: caps.snippetEdits, Dir: s.scriptDir(doc), Scripts: s.scripts}) {
		kind := protocol.CodeActionKind(a.Kind)
		if !wanted(kind, params.Context.Only) {
			continue
		}
		ca := &protocol.CodeAction{Title: a.Title, Kind: &kind, Edit: workspaceEdit(params.TextDocument.URI, doc, a.Edits, enc)}
		if a.Diag >= 0 && a.Diag < len(shown) {
			ca.Diagnostics = []protocol.Diagnostic{shown[a.Diag]}
		}
		if a.Preferred {
			yes := true
			ca.IsPreferred = &yes
		}
		out = append(out, ca)
	}
	return out, nil
}

// withFixes gives the client's diagnostics the data of their quick fixes:
// that of the same finding of this version (clients need not send back the
// data they were given, and the fixes need more than is sent).
func (s *Server) withFixes(ctx context.Context, doc *document.Document, diags []diagnostics.Diagnostic) {
	if len(diags) == 0 {
		return
	}
	type key struct {
		start, end int
		code       string
	}
	found := map[key]diagnostics.Diagnostic{}
	for _, f := range lint.Own(ctx, doc) {
		found[key{f.Start, f.End, f.Code}] = f
	}
	for i, d := range diags {
		if f, ok := found[key{d.Start, d.End, d.Code}]; ok {
			diags[i].Fix = f.Fix
			if len(d.Suggestions) == 0 {
				diags[i].Suggestions = f.Suggestions
			}
		}
	}
}

// wanted reports whether kind is one of only (or under one of them).
func wanted(kind protocol.CodeActionKind, only []protocol.CodeActionKind) bool {
	if len(only) == 0 {
		return true
	}
	for _, o := range only {
		if o == kind || strings.HasPrefix(string(kind), string(o)+".") {
			return true
		}
	}
	return false
}

// fromClient converts the client's diagnostics of valohai-ls to byte
// offsets, reading the suggestions from their data.
func fromClient(m *document.Mapper, ds []protocol.Diagnostic, enc document.Encoding) ([]diagnostics.Diagnostic, []protocol.Diagnostic) {
	var out []diagnostics.Diagnostic
	var kept []protocol.Diagnostic
	for _, d := range ds {
		if src, ok := d.Source.Get(); ok && src != "valohai-ls" {
			continue
		}
		dd := diagnostics.Diagnostic{
			Start:    offsetOf(m, d.Range.Start, enc),
			End:      offsetOf(m, d.Range.End, enc),
			Severity: diagnostics.Severity(d.Severity),
		}
		if c, ok := d.Code.(protocol.String); ok {
			dd.Code = string(c)
		}
		switch msg := d.Message.(type) {
		case protocol.String:
			dd.Message = string(msg)
		case *protocol.MarkupContent:
			dd.Message = msg.Value
		}
		if len(d.Data) > 0 {
			var data diagnosticData
			if json.Unmarshal(d.Data, &data) == nil {
				dd.Suggestions = data.Suggestions
			}
		}
		out = append(out, dd)
		kept = append(kept, d)
	}
	return out, kept
}

// workspaceEdit turns byte-offset edits of doc into a workspace edit: with
// snippet edits as a versioned document change, else as plain changes.
func workspaceEdit(u uri.URI, doc *document.Document, edits []codeaction.Edit, enc document.Encoding) *protocol.WorkspaceEdit {
	m := doc.Mapper()
	snippet := false
	for _, e := range edits {
		snippet = snippet || e.Snippet
	}
	if !snippet {
		tes := make([]protocol.TextEdit, 0, len(edits))
		for _, e := range edits {
			tes = append(tes, protocol.TextEdit{Range: toRange(m, e.Start, e.End, enc), NewText: e.Text})
		}
		return &protocol.WorkspaceEdit{Changes: map[uri.URI][]protocol.TextEdit{u: tes}}
	}
	version := doc.Version
	tde := &protocol.TextDocumentEdit{TextDocument: protocol.OptionalVersionedTextDocumentIdentifier{
		TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}, Version: &version}}
	for _, e := range edits {
		r := toRange(m, e.Start, e.End, enc)
		if e.Snippet {
			tde.Edits = append(tde.Edits, &protocol.SnippetTextEdit{Range: r, Snippet: protocol.StringValue{Kind: "snippet", Value: e.Text}})
		} else {
			tde.Edits = append(tde.Edits, &protocol.TextEdit{Range: r, NewText: e.Text})
		}
	}
	return &protocol.WorkspaceEdit{DocumentChanges: []protocol.DocumentChange{tde}}
}
