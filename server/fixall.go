package server

import (
	"context"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/valohai-ls/valohai-ls/codeaction"
	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/lint"
)

// fixAllKind is LSP's kind of the action that applies every safe fix.
const fixAllKind = protocol.CodeActionKind("source.fixAll")

// fixAllAction is the source.fixAll action of doc: every fix that needs no
// choice, the result checked again and fixed until nothing is left, as one
// edit; nil when there is nothing to fix. Rules turned off are not fixed.
func (s *Server) fixAllAction(ctx context.Context, u uri.URI, doc *document.Document, enc document.Encoding) *protocol.CodeAction {
	st := s.settings()
	diagnose := func(d *document.Document) []diagnostics.Diagnostic {
		return st.Apply(lint.Own(ctx, d))
	}
	fixed, n := codeaction.FixText(doc, diagnose)
	e, ok := codeaction.Replacement(doc.Text, fixed)
	if !ok || ctx.Err() != nil {
		return nil
	}
	kind := fixAllKind
	title := "Fix all auto-fixable problems"
	if n == 1 {
		title = "Fix the auto-fixable problem"
	}
	return &protocol.CodeAction{Title: title, Kind: &kind, Edit: workspaceEdit(u, doc, []codeaction.Edit{e}, enc)}
}
