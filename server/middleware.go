package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"
)

var errNoShutdown = errors.New("connection ended without shutdown")

// codeServerNotInitialized is LSP's error for a request before initialize.
const codeServerNotInitialized jsonrpc2.Code = -32002

// handler builds the dispatch chain: failures are contained (a panic
// becomes an error response, a notification's error is logged, never
// returned, since that would close the connection), requests before
// initialize are refused, requests run concurrently (bounded by
// inflight) while notifications run in order, and $/cancelRequest cancels
// the request it names.
func (s *Server) handler() jsonrpc2.Handler {
	dispatch := protocol.ServerHandler(s, jsonrpc2.MethodNotFoundHandler)
	inner := func(ctx context.Context, req *jsonrpc2.Request) (result any, err error) {
		method := strings.Clone(req.Method())
		call := req.IsCall()
		start := time.Now()
		defer func() {
			if r := recover(); r != nil {
				s.log.Error("handler panicked", zap.String("method", method), zap.Any("panic", r), zap.ByteString("stack", debug.Stack()))
				result, err = nil, jsonrpc2.NewError(jsonrpc2.ErrInternal.Code, internalError(method, r))
			}
			if call {
				result, err = s.answer(ctx, method, result, err)
			}
			s.log.Debug("handled", zap.String("method", method), zap.Duration("took", time.Since(start)), zap.Error(err))
		}()
		if call && !s.initialized.Load() && method != protocol.MethodInitialize {
			return nil, jsonrpc2.NewError(codeServerNotInitialized, "the server is not initialized: send initialize first")
		}
		if call && s.shutdown.Load() && method != protocol.MethodShutdown {
			return nil, jsonrpc2.NewError(jsonrpc2.ErrInvalidRequest.Code, "the server is shutting down")
		}
		if method == protocol.MethodTextDocumentDidChange {
			s.didChangeJSON(json.RawMessage(req.Params()))
			return nil, nil
		}
		if !call {
			return dispatch(ctx, req)
		}
		if method == protocol.MethodInitialize || method == protocol.MethodShutdown {
			jsonrpc2.Async(ctx)
			return dispatch(ctx, req)
		}
		// Requests run concurrently, a bounded number at once; notifications
		// stay in order on the read loop. (Releasing every call also keeps
		// its context alive for the cancellation handler.) A request is
		// admitted before the read loop moves on, so that a later identical
		// one supersedes it.
		t, err := s.inflight.admit(method, req.Params())
		if err != nil {
			return nil, err
		}
		jsonrpc2.Async(ctx)
		return s.inflight.run(ctx, t, req.ID(), func() (any, error) { return dispatch(ctx, req) })
	}
	chain := protocol.CancelHandler(inner)
	return func(ctx context.Context, req *jsonrpc2.Request) (any, error) {
		call := req.IsCall()
		method := strings.Clone(req.Method())
		// jsonrpc2 recycles a request's context as soon as its handler
		// returns. A context derived from it with WithCancel (as the
		// cancellation middleware derives one) watches it from a goroutine
		// that may run after that, and crashes. Give the chain a detached
		// context instead: values still come from the request while it is
		// handled, and $/cancelRequest cancels the middleware's own context.
		detached, cancel := context.WithCancel(context.WithoutCancel(ctx))
		defer cancel()
		res, err := chain(detached, req)
		if err != nil && !call {
			s.log.Warn("notification failed", zap.String("method", method), zap.Error(err))
			return nil, nil
		}
		return res, err
	}
}

func errMethodNotFound(method string) error {
	return jsonrpc2.NewError(jsonrpc2.ErrMethodNotFound.Code, "method not found: "+method)
}

// internalError is the message of a request whose handler panicked: short,
// naming the method, and telling the user that the file at hand triggered
// a bug worth reporting (the stack is in the server's log).
func internalError(method string, panicked any) string {
	what := fmt.Sprint(panicked)
	if len(what) > 120 {
		what = strings.ToValidUTF8(what[:120], "") + "…"
	}
	return fmt.Sprintf("valohai-ls internal error in %s (%s): this file triggered a bug; please report it with the file and the server log", method, what)
}
