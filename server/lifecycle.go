package server

import (
	"context"
	"slices"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/valohai-ls/valohai-ls/document"
)

// Initialize negotiates the position encoding and advertises capabilities.
func (s *Server) Initialize(ctx context.Context, params *protocol.InitializeParams) (*protocol.InitializeResult, error) {
	if s.initialized.Load() {
		return nil, jsonrpc2.NewError(jsonrpc2.ErrInvalidRequest.Code, "initialize was already received")
	}
	enc, kind := negotiateEncoding(params.Capabilities.General)
	snippets := false
	if td := params.Capabilities.TextDocument; td != nil && td.Completion != nil && td.Completion.CompletionItem != nil {
		snippets = td.Completion.CompletionItem.SnippetSupport != nil && *td.Completion.CompletionItem.SnippetSupport
	}
	s.mu.Lock()
	s.encoding, s.snippets = enc, snippets
	s.mu.Unlock()
	s.initialized.Store(true)
	s.log.Info("initialize", zap.String("client", params.ClientInfo.Name), zap.Stringer("encoding", enc), zap.Bool("snippets", snippets))

	change := protocol.TextDocumentSyncKindIncremental
	openClose := true
	return &protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
			PositionEncoding: kind,
			TextDocumentSync: &protocol.TextDocumentSyncOptions{OpenClose: &openClose, Change: &change},
			CompletionProvider: &protocol.CompletionOptions{
				TriggerCharacters: []string{":", " ", "-", ".", "{"},
			},
			HoverProvider: protocol.Boolean(true),
		},
		ServerInfo: protocol.ServerInfo{Name: "valohai-ls", Version: protocol.NewOptional(s.opts.Version)},
	}, nil
}

// negotiateEncoding picks utf-8 when the client offers it (no conversion
// needed), else utf-32, else the mandatory utf-16.
func negotiateEncoding(g *protocol.GeneralClientCapabilities) (document.Encoding, protocol.PositionEncodingKind) {
	if g != nil {
		switch {
		case slices.Contains(g.PositionEncodings, protocol.PositionEncodingKindUTF8):
			return document.UTF8, protocol.PositionEncodingKindUTF8
		case slices.Contains(g.PositionEncodings, protocol.PositionEncodingKindUTF32):
			return document.UTF32, protocol.PositionEncodingKindUTF32
		}
	}
	return document.UTF16, protocol.PositionEncodingKindUTF16
}

// Initialized is the client's acknowledgement; nothing to do.
func (s *Server) Initialized(context.Context, *protocol.InitializedParams) error { return nil }

// Shutdown stops diagnostics work; the process ends at exit.
func (s *Server) Shutdown(context.Context) error {
	s.shutdown.Store(true)
	s.diags.stop()
	return nil
}

// Exit ends the session.
func (s *Server) Exit(context.Context) error {
	s.exitOnce.Do(func() { close(s.exited) })
	return nil
}
