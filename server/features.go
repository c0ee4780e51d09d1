package server

import (
	"context"

	"go.lsp.dev/protocol"

	"github.com/valohai-ls/valohai-ls/completion"
	"github.com/valohai-ls/valohai-ls/hover"
	"github.com/valohai-ls/valohai-ls/settings"
)

// Completion answers textDocument/completion.
func (s *Server) Completion(ctx context.Context, params *protocol.CompletionParams) (protocol.CompletionResult, error) {
	doc := s.docs.get(params.TextDocument.URI)
	if doc == nil || !s.settings().Enabled(settings.Completion) {
		return &protocol.CompletionList{Items: []protocol.CompletionItem{}}, nil
	}
	enc := s.enc()
	m := doc.Mapper()
	off := offsetOf(m, params.Position, enc)
	caps := s.clientCaps()
	items := completion.Complete(ctx, doc, off, completion.Options{Snippets: caps.snippets})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]protocol.CompletionItem, 0, len(items))
	for _, it := range items {
		ci := protocol.CompletionItem{
			Label:  it.Label,
			Kind:   protocol.CompletionItemKind(it.Kind),
			Detail: protocol.NewOptional(it.Detail),
			TextEdit: &protocol.TextEdit{
				Range:   toRange(m, it.Start, it.End, enc),
				NewText: it.Insert,
			},
			InsertTextFormat: protocol.InsertTextFormatPlainText,
			InsertTextMode:   protocol.InsertTextModeAdjustIndentation,
		}
		if it.Doc != "" {
			ci.Documentation = markup(it.Doc, caps.docMarkdown)
		}
		if it.Snippet {
			ci.InsertTextFormat = protocol.InsertTextFormatSnippet
		}
		if it.SortText != "" {
			ci.SortText = protocol.NewOptional(it.SortText)
		}
		if it.FilterText != "" {
			ci.FilterText = protocol.NewOptional(it.FilterText)
		}
		if it.Deprecated {
			ci.Tags = []protocol.CompletionItemTag{protocol.CompletionItemTagDeprecated}
		}
		out = append(out, ci)
	}
	return &protocol.CompletionList{Items: out}, nil
}

// Hover answers textDocument/hover.
func (s *Server) Hover(ctx context.Context, params *protocol.HoverParams) (*protocol.Hover, error) {
	doc := s.docs.get(params.TextDocument.URI)
	if doc == nil || !s.settings().Enabled(settings.Hover) {
		return nil, nil
	}
	enc := s.enc()
	m := doc.Mapper()
	off := offsetOf(m, params.Position, enc)
	h := hover.WithScripts(doc, off, docDir(doc), s.scripts)
	if h == nil {
		return nil, nil
	}
	r := toRange(m, h.Start, h.End, enc)
	return &protocol.Hover{Contents: markup(h.Markdown, s.clientCaps().hoverMarkdown), Range: &r}, nil
}

// markup is documentation for the client: markdown when it renders
// markdown, else the same text without the markdown marks.
func markup(md string, markdown bool) *protocol.MarkupContent {
	if markdown {
		return &protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: md}
	}
	return &protocol.MarkupContent{Kind: protocol.MarkupKindPlainText, Value: hover.PlainText(md)}
}

// Request serves non-standard methods: a deliberately panicking one when
// enabled for tests.
func (s *Server) Request(ctx context.Context, method string, params any) (any, error) {
	if s.opts.EnablePanicMethod && method == PanicMethod {
		panic("deliberate panic for testing")
	}
	return nil, errMethodNotFound(method)
}

// PanicMethod is the custom request that panics when enabled.
const PanicMethod = "valohai-ls/testPanic"
