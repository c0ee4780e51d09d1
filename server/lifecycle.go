package server

import (
	"context"
	"slices"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/settings"
)

// Initialize negotiates the position encoding and advertises capabilities.
func (s *Server) Initialize(ctx context.Context, params *protocol.InitializeParams) (*protocol.InitializeResult, error) {
	if s.initialized.Load() {
		return nil, jsonrpc2.NewError(jsonrpc2.ErrInvalidRequest.Code, "initialize was already received")
	}
	enc, kind := negotiateEncoding(params.Capabilities.General)
	caps := readCaps(params.Capabilities)
	s.mu.Lock()
	s.encoding, s.caps = enc, caps
	s.mu.Unlock()
	s.setInitOptions(params.InitializationOptions)
	if !s.settings().PullDiagnostics {
		s.mu.Lock()
		s.caps.pull = false // pushed: the user turned pulling off
		s.mu.Unlock()
	}
	s.ws.setRoots(params)
	s.initialized.Store(true)
	s.log.Info("initialize", zap.String("client", params.ClientInfo.Name), zap.Stringer("encoding", enc),
		zap.Bool("snippets", caps.snippets), zap.Bool("pull", s.clientCaps().pull))
	return &protocol.InitializeResult{
		Capabilities: s.capabilities(kind),
		ServerInfo:   protocol.ServerInfo{Name: "valohai-ls", Version: protocol.NewOptional(s.opts.Version)},
	}, nil
}

// capabilities lists what the server does. Features that the
// initializationOptions turn off are not advertised; those turned off
// later answer with nothing.
func (s *Server) capabilities(kind protocol.PositionEncodingKind) protocol.ServerCapabilities {
	st := s.settings()
	change := protocol.TextDocumentSyncKindIncremental
	openClose := true
	yes := true
	c := protocol.ServerCapabilities{
		PositionEncoding: kind,
		TextDocumentSync: &protocol.TextDocumentSyncOptions{OpenClose: &openClose, Change: &change},
	}
	if st.Enabled(settings.Completion) {
		c.CompletionProvider = &protocol.CompletionOptions{TriggerCharacters: []string{":", " ", "-", ".", "{"}}
	}
	if st.Enabled(settings.Hover) {
		c.HoverProvider = protocol.Boolean(true)
	}
	if st.Enabled(settings.Definition) {
		c.DefinitionProvider = protocol.Boolean(true)
	}
	if st.Enabled(settings.References) {
		c.ReferencesProvider = protocol.Boolean(true)
	}
	if st.Enabled(settings.DocumentHighlights) {
		c.DocumentHighlightProvider = protocol.Boolean(true)
	}
	if st.Enabled(settings.DocumentSymbols) {
		label := "valohai.yaml"
		c.DocumentSymbolProvider = &protocol.DocumentSymbolOptions{Label: &label}
		c.WorkspaceSymbolProvider = protocol.Boolean(true)
	}
	if st.Enabled(settings.Rename) {
		c.RenameProvider = &protocol.RenameOptions{PrepareProvider: &yes}
	}
	if st.Enabled(settings.CodeActions) {
		c.CodeActionProvider = &protocol.CodeActionOptions{CodeActionKinds: []protocol.CodeActionKind{
			protocol.CodeActionKindQuickFix, protocol.CodeActionKindRefactorRewrite, fixAllKind}}
	}
	if st.Enabled(settings.CodeLens) {
		c.CodeLensProvider = &protocol.CodeLensOptions{}
	}
	if st.Enabled(settings.DocumentLinks) {
		c.DocumentLinkProvider = &protocol.DocumentLinkOptions{}
	}
	c.FoldingRangeProvider = protocol.Boolean(true)
	c.ExecuteCommandProvider = protocol.ExecuteCommandOptions{Commands: []string{GraphCommand}}
	if st.Enabled(settings.SelectionRanges) {
		c.SelectionRangeProvider = protocol.Boolean(true)
	}
	if s.clientCaps().pull {
		// A client that pulls is sent no pushed diagnostics: it would keep
		// the two copies apart, and show a fixed problem from the stale one.
		// The findings of a step depend on the scripts it runs.
		c.DiagnosticProvider = &protocol.DiagnosticOptions{InterFileDependencies: true}
	}
	if s.clientCaps().semantic && st.Enabled(settings.SemanticTokens) {
		c.SemanticTokensProvider = &protocol.SemanticTokensOptions{
			Legend: semanticLegend(),
			Range:  protocol.Boolean(true),
			Full:   protocol.Boolean(true),
		}
	}
	if st.Enabled(settings.Formatting) {
		c.DocumentFormattingProvider = protocol.Boolean(true)
		c.DocumentRangeFormattingProvider = protocol.Boolean(true)
	}
	return c
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
