package server

import (
	"context"
	"path/filepath"
	"sync"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"

	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/settings"
	"github.com/valohai-ls/valohai-ls/workspace"
)

// wsIndex is the index of the workspace folders' valohai.yaml files, made
// on the first workspace/symbol request and kept fresh by file changes.
type wsIndex struct {
	mu      sync.Mutex
	roots   []string
	index   *workspace.Index
	scanned bool
}

// setRoots records the workspace folders (or the root URI) of initialize.
func (w *wsIndex) setRoots(params *protocol.InitializeParams) {
	var roots []string
	if folders, ok := params.WorkspaceFolders.Get(); ok {
		for _, f := range folders {
			if f.URI.IsFile() {
				roots = append(roots, f.URI.FsPath())
			}
		}
	}
	if len(roots) == 0 && params.RootURI != nil && params.RootURI.IsFile() {
		roots = append(roots, params.RootURI.FsPath())
	}
	w.mu.Lock()
	w.roots, w.index, w.scanned = roots, workspace.New(roots), false
	w.mu.Unlock()
}

// get returns the index, scanning the folders the first time.
func (w *wsIndex) get(ctx context.Context, log *zap.Logger) *workspace.Index {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.index == nil {
		w.index = workspace.New(nil)
	}
	if !w.scanned {
		if err := w.index.Scan(ctx); err != nil {
			log.Warn("workspace scan stopped", zap.Error(err))
			return w.index // asked again, it scans again
		}
		w.scanned = true
	}
	return w.index
}

// changed reads a changed valohai.yaml again, once the index exists.
func (w *wsIndex) changed(path string) {
	w.mu.Lock()
	idx, scanned := w.index, w.scanned
	w.mu.Unlock()
	if scanned && idx != nil && workspace.IsConfig(path) {
		idx.Update(path)
	}
}

// Symbols answers workspace/symbol: the steps, pipelines, nodes,
// endpoints, tasks and deployments of every valohai.yaml of the workspace
// folders, open documents as they are in the editor.
func (s *Server) Symbols(ctx context.Context, params *protocol.WorkspaceSymbolParams) (protocol.WorkspaceSymbolResult, error) {
	if !s.settings().Enabled(settings.DocumentSymbols) {
		return protocol.SymbolInformationSlice{}, nil
	}
	files := s.ws.get(ctx, s.log).Files()
	for u, doc := range s.docs.all() {
		if !u.IsFile() {
			continue
		}
		path := u.FsPath()
		files[path] = workspace.Symbols(model.Of(doc), path)
	}
	enc := s.enc()
	out := protocol.SymbolInformationSlice{}
	for _, sym := range workspace.Match(files, params.Query) {
		start, end := sym.Position(enc)
		si := protocol.SymbolInformation{Location: protocol.Location{
			URI: uri.File(filepath.Clean(sym.Path)),
			Range: protocol.Range{
				Start: protocol.Position{Line: uint32(start.Line), Character: uint32(start.Character)},
				End:   protocol.Position{Line: uint32(end.Line), Character: uint32(end.Character)},
			},
		}}
		si.Name, si.Kind = sym.Name, symbolKind(sym.Kind)
		if sym.Container != "" {
			c := sym.Container
			si.ContainerName = &c
		}
		out = append(out, si)
	}
	return out, nil
}
