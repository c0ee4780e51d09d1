package server

import (
	"slices"

	"go.lsp.dev/protocol"
)

// clientCaps are the client abilities that change what the server sends.
type clientCaps struct {
	snippets      bool // completion snippets
	hoverMarkdown bool // hover contents as markdown
	docMarkdown   bool // completion item documentation as markdown
	snippetEdits  bool // snippet text edits in workspace edits
	links         bool // definition results as LocationLinks
	hierarchical  bool // nested document symbols
	configuration bool // workspace/configuration requests
	lensRefresh   bool // workspace/codeLens/refresh
	prepareRename bool
	watchFiles    bool // dynamic registration of workspace/didChangeWatchedFiles
	pull          bool // textDocument/diagnostic (LSP 3.17)
	pullRefresh   bool // workspace/diagnostic/refresh
	semantic      bool // textDocument/semanticTokens in the relative format
}

func readCaps(c protocol.ClientCapabilities) clientCaps {
	// Markdown unless the client lists the formats it takes and markdown
	// is not among them.
	k := clientCaps{hoverMarkdown: true, docMarkdown: true}
	on := func(b *bool) bool { return b != nil && *b }
	if td := c.TextDocument; td != nil {
		if td.Completion != nil && td.Completion.CompletionItem != nil {
			k.snippets = on(td.Completion.CompletionItem.SnippetSupport)
			k.docMarkdown = takesMarkdown(td.Completion.CompletionItem.DocumentationFormat)
		}
		if td.Hover != nil {
			k.hoverMarkdown = takesMarkdown(td.Hover.ContentFormat)
		}
		if td.Definition != nil {
			k.links = on(td.Definition.LinkSupport)
		}
		if td.DocumentSymbol != nil {
			k.hierarchical = on(td.DocumentSymbol.HierarchicalDocumentSymbolSupport)
		}
		k.pull = td.Diagnostic != nil
		k.semantic = slices.Contains(td.SemanticTokens.Formats, protocol.TokenFormatRelative)
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
		if ws.Diagnostics != nil {
			k.pullRefresh = on(ws.Diagnostics.RefreshSupport)
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

// takesMarkdown reads a client's list of markup kinds: no list means
// markdown (what clients that do not say render), a list means markdown
// only when it names it.
func takesMarkdown(formats []protocol.MarkupKind) bool {
	return len(formats) == 0 || slices.Contains(formats, protocol.MarkupKindMarkdown)
}
