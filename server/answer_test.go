package server

import (
	"context"
	"errors"
	"testing"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// TestAnswer: what a request that did not run to the end is answered
// with. A cancelled request is RequestCancelled whatever its handler
// returned; a document pull is never a plain error (VS Code's client stops
// pulling a document after one), but ServerCancelled saying whether to
// pull again.
func TestAnswer(t *testing.T) {
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	live := context.Background()
	const pull, hover = protocol.MethodTextDocumentDiagnostic, protocol.MethodTextDocumentHover
	internal := jsonrpc2.NewError(jsonrpc2.ErrInternal.Code, "valohai-ls internal error")
	tests := []struct {
		name    string
		ctx     context.Context
		method  string
		err     error
		code    jsonrpc2.Code // 0: answered with the result
		retrig  string        // the pull's data, when code is ServerCancelled
		message string
	}{
		{name: "a result", ctx: live, method: pull},
		{name: "a result after a cancel", ctx: cancelled, method: hover},
		{name: "a context error of a cancelled request", ctx: cancelled, method: hover, err: context.Canceled, code: errCancelled.Code},
		{name: "a cancelled pull", ctx: cancelled, method: pull, err: context.Canceled, code: errCancelled.Code},
		{name: "a cancelled request's failure", ctx: cancelled, method: protocol.MethodTextDocumentFormatting, err: errors.New("half-way"), code: errCancelled.Code},
		{name: "a superseded pull", ctx: live, method: pull, err: errSuperseded, code: errPullAgain.Code, retrig: `{"retriggerRequest":true}`},
		{name: "a pull refused as busy", ctx: live, method: pull, err: errBusy, code: errPullAgain.Code, retrig: `{"retriggerRequest":true}`},
		{name: "a pull cancelled before it ran", ctx: live, method: pull, err: errCancelled, code: errCancelled.Code},
		{name: "a pull that panicked", ctx: live, method: pull, err: internal, code: errPullLater.Code, retrig: `{"retriggerRequest":false}`},
		{name: "a pull's plain error", ctx: live, method: pull, err: errors.New("broken"), code: errPullLater.Code, retrig: `{"retriggerRequest":false}`},
		{name: "a hover that panicked", ctx: live, method: hover, err: internal, code: internal.Code, message: internal.Message},
		{name: "a superseded hover", ctx: live, method: hover, err: errSuperseded, code: errSuperseded.Code, message: errSuperseded.Message},
	}
	s := newServer(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := s.answer(tt.ctx, tt.method, "result", tt.err)
			if tt.code == 0 {
				if err != nil || res != "result" {
					t.Fatalf("answered %v, %v; want the result", res, err)
				}
				return
			}
			var wire *jsonrpc2.Error
			if !errors.As(err, &wire) || res != nil {
				t.Fatalf("answered %v, %v; want an error with code %d", res, err, tt.code)
			}
			if wire.Code != tt.code || string(wire.Data) != tt.retrig {
				t.Errorf("answered code %d data %q, want %d %q", wire.Code, wire.Data, tt.code, tt.retrig)
			}
			if tt.message != "" && wire.Message != tt.message {
				t.Errorf("message %q, want %q", wire.Message, tt.message)
			}
		})
	}
}
