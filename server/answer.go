package server

import (
	"context"
	"errors"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"
)

// Errors a request is answered with when it did not run to the end.
var (
	errCancelled = jsonrpc2.NewError(jsonrpc2.Code(protocol.LSPErrorCodesRequestCancelled), "request cancelled")
	// A pull the client should send again (it was superseded, or the
	// server was busy), and one it should not (it failed: the next edit
	// pulls anew).
	errPullAgain = pullCancelled("not answered now: pull again", true)
	errPullLater = pullCancelled("diagnostics could not be computed for this version", false)
)

// pullCancelled is the ServerCancelled error of a document pull, with the
// retriggerRequest data LSP 3.17 gives it.
func pullCancelled(message string, retrigger bool) *jsonrpc2.Error {
	e := jsonrpc2.NewError(jsonrpc2.Code(protocol.LSPErrorCodesServerCancelled), message)
	e.Data = jsonrpc2.RawMessage(`{"retriggerRequest":false}`)
	if retrigger {
		e.Data = jsonrpc2.RawMessage(`{"retriggerRequest":true}`)
	}
	return e
}

// answer is what a request that ran (or was refused) is answered with.
// A request the client cancelled is answered RequestCancelled, whatever
// its handler returned on the way out (a bare context error would reach
// the client as an unknown error, which clients show or, for a pull, take
// as a failure that stops further pulls of the document). A document pull
// is never answered with a plain error: VS Code's client, given one,
// stops pulling that document for good, leaving its last squiggles on
// screen; it is told instead whether to pull again.
func (s *Server) answer(ctx context.Context, method string, result any, err error) (any, error) {
	if err == nil {
		return result, nil
	}
	if ctx.Err() != nil {
		return nil, errCancelled
	}
	if method != protocol.MethodTextDocumentDiagnostic {
		return nil, err
	}
	var wire *jsonrpc2.Error
	switch {
	case err == errSuperseded || err == errBusy:
		return nil, errPullAgain
	case errors.As(err, &wire) && wire.Code == errCancelled.Code:
		return nil, err
	}
	s.log.Error("textDocument/diagnostic failed", zap.Error(err))
	return nil, errPullLater
}
