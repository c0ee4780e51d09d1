package server

import (
	"context"

	"go.lsp.dev/protocol"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/selection"
	"github.com/valohai-ls/valohai-ls/settings"
)

// SelectionRange answers textDocument/selectionRange: for each position,
// the ranges "expand selection" grows through, innermost first.
func (s *Server) SelectionRange(ctx context.Context, params *protocol.SelectionRangeParams) ([]protocol.SelectionRange, error) {
	doc := s.docs.get(params.TextDocument.URI)
	if doc == nil || !s.settings().Enabled(settings.SelectionRanges) {
		return []protocol.SelectionRange{}, nil
	}
	enc, m := s.enc(), doc.Mapper()
	out := make([]protocol.SelectionRange, 0, len(params.Positions))
	for _, p := range params.Positions {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		out = append(out, selectionChain(m, selection.At(doc, offsetOf(m, p, enc)), enc))
	}
	return out, nil
}

// selectionChain links spans, innermost first, into a selection range.
func selectionChain(m *document.Mapper, spans []document.Span, enc document.Encoding) protocol.SelectionRange {
	var parent *protocol.SelectionRange
	for i := len(spans) - 1; i > 0; i-- {
		parent = &protocol.SelectionRange{Range: toRange(m, spans[i].Start, spans[i].End, enc), Parent: parent}
	}
	return protocol.SelectionRange{Range: toRange(m, spans[0].Start, spans[0].End, enc), Parent: parent}
}
