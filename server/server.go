// Package server is the Language Server Protocol glue of valohai-ls: it
// negotiates capabilities, keeps the open documents, dispatches requests
// to the feature packages and publishes diagnostics. It knows nothing of
// the valohai.yaml format itself.
package server

import (
	"context"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/project"
)

// Options configure a server.
type Options struct {
	Logger  *zap.Logger
	Version string
	// Debounce is how long diagnostics wait for further edits.
	Debounce time.Duration
	// EnablePanicMethod serves a custom request that panics, to prove in
	// tests that a failing handler does not take the server down.
	EnablePanicMethod bool
	// ScriptChecked, when set, is called after the script checks of a
	// version ran to the end, with the names of the steps checked afresh
	// and how many steps' findings were reused: for tests and profiling.
	ScriptChecked func(uri string, version int32, checked []string, reused int)
}

// DefaultDebounce is short: parsing is fast, and users expect errors to
// follow their typing closely.
const DefaultDebounce = 3 * time.Millisecond

// Server implements protocol.Server for valohai.yaml.
type Server struct {
	protocol.UnimplementedServer

	log    *zap.Logger
	opts   Options
	client protocol.Client
	conn   jsonrpc2.Conn
	docs   *store
	diags  *publisher

	initialized atomic.Bool
	shutdown    atomic.Bool
	exited      chan struct{}
	exitOnce    sync.Once

	mu       sync.RWMutex
	encoding document.Encoding
	caps     clientCaps

	conf *config
	// scripts reads the Python scripts that steps run, keeping them by
	// content.
	scripts *project.Reader
	// scriptCaches keep the script findings of each open document's
	// steps.
	scriptCaches *scriptCaches
	// inflight bounds the requests being handled.
	inflight *inflight
	// ws indexes the workspace folders' files for workspace/symbol.
	ws *wsIndex
}

// newServer returns a server with no connection yet.
func newServer(opts Options) *Server {
	if opts.Logger == nil {
		opts.Logger = zap.NewNop()
	}
	if opts.Debounce == 0 {
		opts.Debounce = DefaultDebounce
	}
	return &Server{log: opts.Logger, opts: opts, docs: newStore(), exited: make(chan struct{}), conf: newConfig(),
		scripts: project.NewReader(), scriptCaches: newScriptCaches(), inflight: newInflight(), ws: &wsIndex{}}
}

// Serve serves LSP over rwc until the connection ends or exit is received.
// It returns nil after a clean shutdown and exit, and an error otherwise.
func Serve(ctx context.Context, rwc io.ReadWriteCloser, opts Options) error {
	return newServer(opts).serve(ctx, rwc)
}

// serve serves LSP over rwc with s.
func (s *Server) serve(ctx context.Context, rwc io.ReadWriteCloser) error {
	conn := jsonrpc2.NewConn(newGuardedStream(jsonrpc2.NewStream(rwc), rwc, s.log, s.inflight.replied), jsonrpc2.WithCodec(codec{}))
	s.conn = conn
	s.client = protocol.ClientDispatcher(conn)
	s.diags = newPublisher(s)
	conn.Go(ctx, s.handler())
	select {
	case <-conn.Done():
	case <-s.exited:
		// The reader may be blocked on input that never closes, and
		// closing the connection waits for it; the session is over, so
		// return at once.
	case <-ctx.Done():
	}
	s.diags.stop()
	if s.shutdown.Load() {
		return nil
	}
	return errNoShutdown
}

// position encoding and client abilities, read under the lock.
func (s *Server) enc() document.Encoding {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.encoding
}
