package server

import (
	"go.lsp.dev/protocol"
)

// clientCaps are the client abilities that change what the server sends.
type clientCaps struct {
	snippets      bool // completion snippets
	snippetEdits  bool // snippet text edits in workspace edits
	links         bool // definition results as LocationLinks
	hierarchical  bool // nested document symbols
	configuration bool // workspace/configuration requests
	lensRefresh   bool // workspace/codeLens/refresh
	prepareRename bool
	watchFiles    bool // dynamic registration of workspace/didChangeWatchedFiles
}

func readCaps(c protocol.ClientCapabilities) clientCaps {
	var k clientCaps
	on := func(b *bool) bool { return b != nil && *b }
	if td := c.TextDocument; td != nil {
		if td.Completion != nil && td.Completion.CompletionItem != nil {
			k.snippets = on(td.Completion.CompletionItem.SnippetSupport)
		}
		if td.Definition != nil {
			k.links = on(td.Definition.LinkSupport)
		}
		if td.DocumentSymbol != nil {
			k.hierarchical = on(td.DocumentSymbol.HierarchicalDocumentSymbolSupport)
		}
		if td.Rename != nil {
			k.prepareRename = on(td.Rename.PrepareSupport)
		}
	}
	if ws := c.Workspace; ws != nil {
		k.configuration = on(ws.Configuration)
		if ws.WorkspaceEdit != nil {
			k.snippetEdits = on(ws.WorkspaceEdit.SnippetEditSupport)
		}
		if ws.CodeLens != nil {
			k.lensRefresh = on(ws.CodeLens.RefreshSupport)
		}
		if ws.DidChangeWatchedFiles != nil {
			k.watchFiles = on(ws.DidChangeWatchedFiles.DynamicRegistration)
		}
	}
	return k
}

// clientCaps returns the client's abilities, read under the lock.
func (s *Server) clientCaps() clientCaps {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.caps
}
