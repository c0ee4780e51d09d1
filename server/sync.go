package server

import (
	"context"
	"encoding/json"

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

// DidChange applies the edits and schedules diagnostics for the new
// version. (The connection's handler reads didChange params itself, see
// decodeDidChange; this is the typed entry of the protocol.Server
// interface.)
func (s *Server) DidChange(ctx context.Context, params *protocol.DidChangeTextDocumentParams) error {
	s.applyChange(&didChange{uri: params.TextDocument.URI, version: params.TextDocument.Version, changes: typedChanges(params.ContentChanges)})
	return nil
}

// didChangeJSON applies a didChange notification as the client sent it.
func (s *Server) didChangeJSON(raw json.RawMessage) {
	dc, err := decodeDidChange(raw)
	if err != nil {
		s.log.Warn("didChange ignored", zap.Error(err))
		return
	}
	s.applyChange(dc)
}

// applyChange applies dc, logs what was wrong with it, and schedules
// diagnostics for the new version, or clears them when the server's copy
// is no longer the client's.
func (s *Server) applyChange(dc *didChange) {
	res, err := s.docs.change(dc.uri, dc.version, dc.changes, s.enc())
	if err != nil {
		s.log.Warn("didChange ignored", zap.Error(err))
		return
	}
	if res.stale != "" {
		s.log.Warn("didChange applied although its version did not increase", zap.String("uri", string(dc.uri)), zap.String("versions", res.stale))
	}
	if !res.served {
		return
	}
	if res.lost != "" {
		// Findings at the wrong places would be worse than none: nothing
		// is answered for the document until its whole text comes again.
		if !res.lostNow {
			return
		}
		s.log.Error("didChange not applied: the document is out of step with the editor until it sends the whole text (reopen the file)",
			zap.String("uri", string(dc.uri)), zap.String("why", res.lost))
		s.diags.clear(dc.uri)
		return
	}
	s.diags.schedule(dc.uri, res.doc)
}

// DidClose forgets the document and clears its diagnostics.
func (s *Server) DidClose(ctx context.Context, params *protocol.DidCloseTextDocumentParams) error {
	if s.docs.close(params.TextDocument.URI) {
		s.diags.clear(params.TextDocument.URI)
		s.scriptCaches.drop(string(params.TextDocument.URI))
	}
	return nil
}
