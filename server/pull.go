package server

import (
	"context"

	"go.lsp.dev/protocol"
)

// Diagnostic answers textDocument/diagnostic (LSP 3.17), for clients that
// pull diagnostics: the findings the push path publishes for the same
// version, computed once per version.
func (s *Server) Diagnostic(ctx context.Context, params *protocol.DocumentDiagnosticParams) (protocol.DocumentDiagnosticReport, error) {
	report := &protocol.RelatedFullDocumentDiagnosticReport{
		FullDocumentDiagnosticReport: protocol.FullDocumentDiagnosticReport{Kind: "full", Items: []protocol.Diagnostic{}},
	}
	doc := s.docs.get(params.TextDocument.URI)
	if doc == nil {
		return report, nil
	}
	diags := s.diagnose(ctx, doc)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	report.Items = toProtocol(doc, diags, s.enc())
	return report, nil
}
