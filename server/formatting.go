package server

import (
	"context"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/format"
	"github.com/valohai-ls/valohai-ls/settings"
)

// Formatting answers textDocument/formatting: the edits that lay out the
// whole file, as `valohai-ls fmt` does.
func (s *Server) Formatting(ctx context.Context, params *protocol.DocumentFormattingParams) ([]protocol.TextEdit, error) {
	doc := s.docs.get(params.TextDocument.URI)
	if doc == nil || !s.settings().Enabled(settings.Formatting) {
		return []protocol.TextEdit{}, nil
	}
	r, err := s.formatted(doc)
	if err != nil {
		return nil, err
	}
	return s.textEdits(doc, r.Edits()), ctx.Err()
}

// RangeFormatting answers textDocument/rangeFormatting: the edits of the
// whole top-level items the range touches.
func (s *Server) RangeFormatting(ctx context.Context, params *protocol.DocumentRangeFormattingParams) ([]protocol.TextEdit, error) {
	doc := s.docs.get(params.TextDocument.URI)
	if doc == nil || !s.settings().Enabled(settings.Formatting) {
		return []protocol.TextEdit{}, nil
	}
	r, err := s.formatted(doc)
	if err != nil {
		return nil, err
	}
	m, enc := doc.Mapper(), s.enc()
	first := m.LineOf(offsetOf(m, params.Range.Start, enc))
	last := m.LineOf(offsetOf(m, params.Range.End, enc))
	if params.Range.End.Character == 0 && last > first {
		last-- // a range ending at a line's start does not touch that line
	}
	return s.textEdits(doc, r.RangeEdits(first, last)), ctx.Err()
}

// formatted lays out a document from its shared parse; a text that does
// not parse is answered with an error the editor shows.
func (s *Server) formatted(doc *document.Document) (*format.Result, error) {
	p := doc.Parsed()
	root := p.Root
	if p.Partial {
		root = nil
	}
	r, err := format.FormatParsed(doc.Text, root, s.settings().Format)
	if err != nil {
		return nil, jsonrpc2.NewError(requestFailed, err.Error())
	}
	return r, nil
}

func (s *Server) textEdits(doc *document.Document, edits []format.Edit) []protocol.TextEdit {
	m, enc := doc.Mapper(), s.enc()
	out := make([]protocol.TextEdit, 0, len(edits))
	for _, e := range edits {
		out = append(out, protocol.TextEdit{Range: toRange(m, e.Start, e.End, enc), NewText: e.NewText})
	}
	return out
}

// requestFailed is LSP's RequestFailed error code: the request was valid
// but could not be answered (here, a file that does not parse).
const requestFailed = -32803
