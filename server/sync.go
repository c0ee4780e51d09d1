package server

import (
	"context"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"
)

// DidOpen stores the document and schedules its diagnostics.
func (s *Server) DidOpen(ctx context.Context, params *protocol.DidOpenTextDocumentParams) error {
	td := params.TextDocument
	doc := s.docs.open(td.URI, string(td.LanguageID), td.Version, td.Text)
	if s.docs.get(td.URI) != nil {
		s.diags.schedule(td.URI, doc)
	}
	return nil
}

// DidChange applies the edits and schedules diagnostics for the new version.
func (s *Server) DidChange(ctx context.Context, params *protocol.DidChangeTextDocumentParams) error {
	doc, served, err := s.docs.change(params.TextDocument.URI, params.TextDocument.Version, params.ContentChanges, s.enc())
	if err != nil {
		s.log.Warn("didChange ignored", zap.Error(err))
		return nil
	}
	if served {
		s.diags.schedule(params.TextDocument.URI, doc)
	}
	return nil
}

// DidClose forgets the document and clears its diagnostics.
func (s *Server) DidClose(ctx context.Context, params *protocol.DidCloseTextDocumentParams) error {
	if s.docs.close(params.TextDocument.URI) {
		s.diags.clear(params.TextDocument.URI)
		s.scriptCaches.drop(string(params.TextDocument.URI))
	}
	return nil
}
