package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

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
	// replied is told the id of every answer written.
	replied func(id string)
}

func newGuardedStream(s jsonrpc2.Stream, in io.Reader, log *zap.Logger, replied func(id string)) jsonrpc2.Stream {
	f, ok := s.(frameReadWriter)
	if !ok {
		return s
	}
	return &guardedStream{Stream: s, frames: f, in: newFrameReader(in), log: log, replied: replied}
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

// Write writes a message, then tells replied the ids of the answers in it
// (written or not: the request is over either way).
func (g *guardedStream) Write(ctx context.Context, msg jsonrpc2.Message) (int64, error) {
	data, err := jsonrpc2.EncodeMessage(msg)
	if err != nil {
		return 0, fmt.Errorf("encode message: %w", err)
	}
	n, err := g.frames.WriteFrame(ctx, data)
	for _, id := range responseIDs(data) {
		g.replied(id)
	}
	return n, err
}

// responsePrefix starts every response the connection encodes; a call or
// a notification has "method" where a response has "id".
const responsePrefix = `{"jsonrpc":"2.0","id":`

// responseIDs returns the ids of the responses in an encoded message (one
// response, or a batch of them), named as idKey names them.
func responseIDs(data []byte) []string {
	if bytes.HasPrefix(data, []byte(responsePrefix)) {
		if id, ok := idText(data[len(responsePrefix):]); ok {
			return []string{id}
		}
		return nil
	}
	if len(data) == 0 || data[0] != '[' {
		return nil
	}
	var batch []struct {
		ID     json.RawMessage `json:"id"`
		Method json.RawMessage `json:"method"`
	}
	if json.Unmarshal(data, &batch) != nil {
		return nil
	}
	var ids []string
	for _, m := range batch {
		if m.Method == nil {
			if id, ok := idText(m.ID); ok {
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// idText reads the JSON id at the start of data: "n" and the number, or
// "s" and the string.
func idText(data []byte) (string, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return "", false
	}
	switch v := tok.(type) {
	case json.Number:
		n, err := strconv.ParseInt(string(v), 10, 64)
		return "n" + strconv.FormatInt(n, 10), err == nil
	case string:
		return "s" + v, true
	}
	return "", false
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
