package server

import (
	"context"

	"go.lsp.dev/protocol"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/semantic"
	"github.com/valohai-ls/valohai-ls/settings"
)

// semanticLegend is the legend of the tokens the server sends.
func semanticLegend() protocol.SemanticTokensLegend {
	return protocol.SemanticTokensLegend{TokenTypes: semantic.Types, TokenModifiers: semantic.Modifiers}
}

// SemanticTokensFull answers textDocument/semanticTokens/full.
func (s *Server) SemanticTokensFull(ctx context.Context, params *protocol.SemanticTokensParams) (*protocol.SemanticTokens, error) {
	doc := s.docs.get(params.TextDocument.URI)
	if doc == nil || !s.settings().Enabled(settings.SemanticTokens) {
		return &protocol.SemanticTokens{Data: []uint32{}}, nil
	}
	return &protocol.SemanticTokens{Data: encodeTokens(doc.Mapper(), semantic.Of(doc), s.enc())}, ctx.Err()
}

// SemanticTokensRange answers textDocument/semanticTokens/range: the
// tokens that overlap the range.
func (s *Server) SemanticTokensRange(ctx context.Context, params *protocol.SemanticTokensRangeParams) (*protocol.SemanticTokens, error) {
	doc := s.docs.get(params.TextDocument.URI)
	if doc == nil || !s.settings().Enabled(settings.SemanticTokens) {
		return &protocol.SemanticTokens{Data: []uint32{}}, nil
	}
	m, enc := doc.Mapper(), s.enc()
	toks := semantic.In(semantic.Of(doc), offsetOf(m, params.Range.Start, enc), offsetOf(m, params.Range.End, enc))
	return &protocol.SemanticTokens{Data: encodeTokens(m, toks, enc)}, ctx.Err()
}

// encodeTokens writes tokens in the LSP's relative form: five numbers a
// token (line and start from the previous token's, length, type,
// modifiers), positions in enc. Tokens are on one line each.
func encodeTokens(m *document.Mapper, toks []semantic.Token, enc document.Encoding) []uint32 {
	out := make([]uint32, 0, 5*len(toks))
	var line, char uint32
	for _, t := range toks {
		start, end := toPosition(m, t.Span.Start, enc), toPosition(m, t.Span.End, enc)
		if end.Line != start.Line || end.Character <= start.Character {
			continue
		}
		dl, dc := start.Line-line, start.Character
		if dl == 0 {
			dc -= char
		}
		out = append(out, dl, dc, end.Character-start.Character, uint32(t.Type), uint32(t.Mods))
		line, char = start.Line, start.Character
	}
	return out
}
