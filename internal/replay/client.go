package replay

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sync/atomic"

	"go.lsp.dev/jsonrpc2"

	"github.com/valohai-ls/valohai-ls/document"
)

// Client is the editor side of an LSP session: it keeps its own copy of
// each open document and sends edits as incremental changes, with
// positions in UTF-16 as most editors count them.
type Client struct {
	conn jsonrpc2.Conn
	// Published counts the publishDiagnostics notifications received.
	Published atomic.Int64
}

// Dial starts a client on rwc, a connection to a server.
func Dial(ctx context.Context, rwc io.ReadWriteCloser) *Client {
	c := &Client{conn: jsonrpc2.NewConn(jsonrpc2.NewStream(rwc))}
	c.conn.Go(ctx, c.handle)
	return c
}

// handle answers what the server sends: notifications are counted, and
// requests (configuration, registration) get an empty answer.
func (c *Client) handle(_ context.Context, req *jsonrpc2.Request) (any, error) {
	if req.Method() == "textDocument/publishDiagnostics" {
		c.Published.Add(1)
	}
	return nil, nil
}

// Initialize runs the initialize handshake as a client that takes
// snippets.
func (c *Client) Initialize(ctx context.Context) error {
	return c.InitializeWith(ctx, map[string]any{"textDocument": map[string]any{
		"completion":      map[string]any{"completionItem": map[string]any{"snippetSupport": true}},
		"synchronization": map[string]any{"dynamicRegistration": false},
	}})
}

// InitializeWith runs the initialize handshake with the given client
// capabilities.
func (c *Client) InitializeWith(ctx context.Context, caps map[string]any) error {
	var res json.RawMessage
	if _, err := c.conn.Call(ctx, "initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": caps}, &res); err != nil {
		return fmt.Errorf("initialize: %w", err)
	}
	return c.conn.Notify(ctx, "initialized", map[string]any{})
}

// Shutdown ends the session politely and closes the connection.
func (c *Client) Shutdown(ctx context.Context) error {
	defer c.conn.Close()
	if _, err := c.conn.Call(ctx, "shutdown", nil, nil); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	return c.conn.Notify(ctx, "exit", nil)
}

// Doc is the client's copy of an open document.
type Doc struct {
	c       *Client
	uri     string
	version int32
	text    string
	mapper  *document.Mapper
}

// Open opens uri with text.
func (c *Client) Open(ctx context.Context, uri, text string) (*Doc, error) {
	d := &Doc{c: c, uri: uri, version: 1, text: text, mapper: document.NewMapper(text)}
	err := c.conn.Notify(ctx, "textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": "yaml", "version": d.version, "text": text}})
	return d, err
}

// Text returns the document's current text.
func (d *Doc) Text() string { return d.text }

// Close closes the document.
func (d *Doc) Close(ctx context.Context) error {
	return d.c.conn.Notify(ctx, "textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": d.uri}})
}

// Replace replaces the bytes [start, end) of the text with s.
func (d *Doc) Replace(ctx context.Context, start, end int, s string) error {
	r := map[string]any{"start": d.position(start), "end": d.position(end)}
	d.version++
	d.text = d.text[:start] + s + d.text[end:]
	d.mapper = document.NewMapper(d.text)
	return d.c.conn.Notify(ctx, "textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": d.uri, "version": d.version},
		"contentChanges": []any{map[string]any{"range": r, "text": s}},
	})
}

// Append types s at the end of the text.
func (d *Doc) Append(ctx context.Context, s string) error {
	return d.Replace(ctx, len(d.text), len(d.text), s)
}

// Complete asks for completion at byte offset off and returns the labels.
func (d *Doc) Complete(ctx context.Context, off int) ([]string, error) {
	var res json.RawMessage
	_, err := d.c.conn.Call(ctx, "textDocument/completion", map[string]any{
		"textDocument": map[string]any{"uri": d.uri},
		"position":     d.position(off),
	}, &res)
	if err != nil {
		return nil, err
	}
	return labels(res)
}

// Hover asks for hover at byte offset off and returns the markdown.
func (d *Doc) Hover(ctx context.Context, off int) (string, error) {
	var res struct {
		Contents struct {
			Value string `json:"value"`
		} `json:"contents"`
	}
	_, err := d.c.conn.Call(ctx, "textDocument/hover", map[string]any{
		"textDocument": map[string]any{"uri": d.uri},
		"position":     d.position(off),
	}, &res)
	return res.Contents.Value, err
}

// Call sends a request about the document: params gets its
// "textDocument", and "position" when off is not negative.
func (d *Doc) Call(ctx context.Context, method string, off int, params map[string]any, result any) error {
	p := map[string]any{"textDocument": map[string]any{"uri": d.uri}}
	for k, v := range params {
		p[k] = v
	}
	if off >= 0 {
		p["position"] = d.position(off)
	}
	_, err := d.c.conn.Call(ctx, method, p, result)
	return err
}

// Position returns byte offset off as an LSP position in UTF-16.
func (d *Doc) Position(off int) map[string]any { return d.position(off) }

func (d *Doc) position(off int) map[string]any {
	p := d.mapper.Position(off, document.UTF16)
	return map[string]any{"line": p.Line, "character": p.Character}
}

// labels reads the labels of a completion result, a list or an array.
func labels(raw json.RawMessage) ([]string, error) {
	type item struct {
		Label string `json:"label"`
	}
	var list struct {
		Items []item `json:"items"`
	}
	if len(raw) > 0 && raw[0] == '[' {
		if err := json.Unmarshal(raw, &list.Items); err != nil {
			return nil, err
		}
	} else if len(raw) > 0 && string(raw) != "null" {
		if err := json.Unmarshal(raw, &list); err != nil {
			return nil, err
		}
	}
	out := make([]string, len(list.Items))
	for i, it := range list.Items {
		out[i] = it.Label
	}
	return out, nil
}
