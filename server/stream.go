package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"go.lsp.dev/jsonrpc2"
	"go.uber.org/zap"
)

// frameReadWriter is the raw-frame extension of the header stream that the
// jsonrpc2 connection uses when a stream offers it.
type frameReadWriter interface {
	ReadFrame(ctx context.Context) ([]byte, int64, error)
	WriteFrame(ctx context.Context, data []byte) (int64, error)
}

// guardedStream answers frames that are not JSON-RPC messages (bad JSON,
// a JSON value that is no message) with an error response and skips them;
// the connection would otherwise end at the first such frame.
//
// It reads the frames itself (frameReader), so that a header it cannot
// read is logged with what is wrong with it; s writes them.
type guardedStream struct {
	jsonrpc2.Stream
	frames frameReadWriter
	in     *frameReader
	log    *zap.Logger
}

func newGuardedStream(s jsonrpc2.Stream, in io.Reader, log *zap.Logger) jsonrpc2.Stream {
	f, ok := s.(frameReadWriter)
	if !ok {
		return s
	}
	return &guardedStream{Stream: s, frames: f, in: newFrameReader(in), log: log}
}

// ReadFrame returns the next well-formed frame.
func (g *guardedStream) ReadFrame(ctx context.Context) ([]byte, int64, error) {
	for {
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		frame, n, err := g.in.next()
		if err != nil {
			if errors.Is(err, errFrame) || errors.Is(err, io.ErrUnexpectedEOF) {
				g.log.Error("cannot read the client's messages; the connection ends", zap.Error(err))
			}
			return frame, n, err
		}
		code, msg, id := check(frame)
		if code == 0 {
			return frame, n, nil
		}
		g.log.Warn("rejected a malformed message", zap.String("reason", msg))
		reply := fmt.Sprintf(`{"jsonrpc":"2.0","id":%s,"error":{"code":%d,"message":%q}}`, id, code, msg)
		if _, err := g.frames.WriteFrame(ctx, []byte(reply)); err != nil {
			return nil, 0, err
		}
	}
}

// WriteFrame writes an encoded message.
func (g *guardedStream) WriteFrame(ctx context.Context, data []byte) (int64, error) {
	return g.frames.WriteFrame(ctx, data)
}

// check classifies a frame: 0 when it is a message the connection can
// decode, else a JSON-RPC error code, a reason, and the id to answer.
func check(frame []byte) (jsonrpc2.Code, string, string) {
	if !json.Valid(frame) {
		return jsonrpc2.ErrParse.Code, "parse error: the message is not valid JSON", "null"
	}
	trimmed := bytes.TrimSpace(frame)
	if len(trimmed) > 0 && trimmed[0] == '[' {
		return 0, "", ""
	}
	// Decode into raw members: a response's "result" may be null, which
	// must count as present.
	var m map[string]json.RawMessage
	if len(trimmed) == 0 || trimmed[0] != '{' || json.Unmarshal(trimmed, &m) != nil {
		return jsonrpc2.ErrInvalidRequest.Code, "invalid request: a message must be a JSON object", "null"
	}
	id := "null"
	if raw := m["id"]; len(raw) > 0 && (raw[0] == '"' || (raw[0] >= '0' && raw[0] <= '9') || raw[0] == '-') {
		id = string(raw)
	}
	_, hasMethod := m["method"]
	_, hasResult := m["result"]
	_, hasError := m["error"]
	if !hasMethod && !hasResult && !hasError {
		return jsonrpc2.ErrInvalidRequest.Code, "invalid request: no method, result or error", id
	}
	return 0, "", ""
}
