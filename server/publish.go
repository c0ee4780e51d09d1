package server

import (
	"context"
	"encoding/json"
	"sync"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/lint"
)

// publisher computes and publishes diagnostics shortly after the last
// change of a document. A newer version cancels the work on an older one,
// and diagnostics run off the request path, so completion never waits.
type publisher struct {
	s      *Server
	ctx    context.Context
	cancel context.CancelFunc

	mu      sync.Mutex
	pending map[uri.URI]*job
	stopped bool
}

type job struct {
	cancel context.CancelFunc
	stopT  func() bool
}

func newPublisher(s *Server) *publisher {
	ctx, cancel := context.WithCancel(context.Background())
	return &publisher{s: s, ctx: ctx, cancel: cancel, pending: map[uri.URI]*job{}}
}

// schedule (re)starts the debounce timer for u with doc. Nothing is
// pushed to a client that pulls diagnostics: it asks for each version.
func (p *publisher) schedule(u uri.URI, doc *document.Document) {
	if p.s.clientCaps().pull {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stopped {
		return
	}
	if j := p.pending[u]; j != nil {
		j.stopT()
		j.cancel()
	}
	ctx, cancel := context.WithCancel(p.ctx)
	j := &job{cancel: cancel}
	t := timeAfterFunc(p.s.opts.Debounce, func() { p.run(ctx, j, u, doc) })
	j.stopT = t.Stop
	p.pending[u] = j
}

// run diagnoses doc and publishes the result if it is still current.
func (p *publisher) run(ctx context.Context, j *job, u uri.URI, doc *document.Document) {
	defer func() {
		if r := recover(); r != nil {
			p.s.log.Error("diagnostics panicked", zap.String("uri", string(u)), zap.Any("panic", r))
		}
	}()
	diags := p.s.diagnose(ctx, doc)
	if ctx.Err() != nil {
		return
	}
	params := &protocol.PublishDiagnosticsParams{
		URI:         u,
		Version:     protocol.NewOptional(doc.Version),
		Diagnostics: toProtocol(doc, diags, p.s.enc()),
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.pending[u] != j || p.stopped {
		return
	}
	delete(p.pending, u)
	if err := p.s.client.PublishDiagnostics(p.ctx, params); err != nil {
		p.s.log.Warn("publishDiagnostics failed", zap.Error(err))
	}
}

// clear cancels pending work for u and publishes no diagnostics (a
// client that pulls drops a closed file's own).
func (p *publisher) clear(u uri.URI) {
	if p.s.clientCaps().pull {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if j := p.pending[u]; j != nil {
		j.stopT()
		j.cancel()
		delete(p.pending, u)
	}
	if p.stopped {
		return
	}
	params := &protocol.PublishDiagnosticsParams{URI: u, Diagnostics: []protocol.Diagnostic{}}
	if err := p.s.client.PublishDiagnostics(p.ctx, params); err != nil {
		p.s.log.Warn("publishDiagnostics failed", zap.Error(err))
	}
}

// stop cancels all pending work; nothing is published afterwards.
func (p *publisher) stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stopped = true
	for _, j := range p.pending {
		j.stopT()
	}
	p.pending = map[uri.URI]*job{}
	p.cancel()
}

// recheckAll has every open document's diagnostics found again, after
// something other than its text changed (the settings, a script): pushed
// anew, or, to a client that pulls, a workspace/diagnostic/refresh asking
// it to pull them again.
func (s *Server) recheckAll() {
	caps := s.clientCaps()
	if !caps.pull {
		for u, doc := range s.docs.all() {
			s.diags.schedule(u, doc)
		}
		return
	}
	if !caps.pullRefresh || s.shutdown.Load() {
		return
	}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := s.client.DiagnosticRefresh(ctx); err != nil {
			s.log.Debug("workspace/diagnostic/refresh failed", zap.Error(err))
		}
	}()
}

// toProtocol converts diagnostics to LSP with positions in enc.
func toProtocol(doc *document.Document, diags []diagnostics.Diagnostic, enc document.Encoding) []protocol.Diagnostic {
	m := doc.Mapper()
	out := make([]protocol.Diagnostic, 0, len(diags))
	for _, d := range diags {
		pd := protocol.Diagnostic{
			Range:    toRange(m, d.Start, d.End, enc),
			Severity: protocol.DiagnosticSeverity(d.Severity),
			Code:     protocol.String(d.Code),
			Source:   protocol.NewOptional("valohai-ls"),
			Message:  protocol.String(d.Message),
		}
		if _, ok := diagnostics.RuleFor(d.Code); ok {
			// The code links to its section of the rules reference.
			pd.CodeDescription = protocol.CodeDescription{Href: uri.URI(diagnostics.RuleURL(d.Code))}
		}
		if f := d.Fix; f != nil && f.Rename != "" {
			// A duplicate name links to the first definition.
			pd.RelatedInformation = []protocol.DiagnosticRelatedInformation{{
				Location: protocol.Location{URI: uri.URI(doc.URI), Range: toRange(m, f.First.Start, f.First.End, enc)},
				Message:  "the name is defined first here",
			}}
		}
		if len(d.Suggestions) > 0 {
			// The quick fixes read the did-you-mean replacements back.
			if data, err := json.Marshal(diagnosticData{Suggestions: d.Suggestions}); err == nil {
				pd.Data = protocol.LSPAny(data)
			}
		}
		out = append(out, pd)
	}
	return out
}

// diagnose returns the diagnostics of doc as the user sees them (those
// of lint.File, the scripts' when the settings allow it), without those
// turned off in the settings, with the severities the settings give.
func (s *Server) diagnose(ctx context.Context, doc *document.Document) []diagnostics.Diagnostic {
	opts := lint.Options{Scripts: s.scripts}
	if dir := s.scriptDir(doc); dir != "" {
		// Each open document keeps its steps' script findings in a
		// scripts.Cache, which compares again only the steps whose
		// text, scripts (stat'ed on every check, and forgotten when the
		// client reports them changed) or looked-up step names changed.
		if k := s.scriptCaches.of(ctx, doc.URI); k != nil {
			opts.ScriptDir, opts.Cache = dir, k
		}
	}
	res := lint.File(ctx, doc, opts)
	if hook := s.opts.ScriptChecked; hook != nil && opts.Cache != nil && ctx.Err() == nil {
		hook(doc.URI, doc.Version, res.Checked, res.Reused)
	}
	return s.settings().Apply(res.Diagnostics)
}
