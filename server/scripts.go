package server

import (
	"context"
	"encoding/json"
	"sync"
	"time"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/scripts"
	"github.com/valohai-ls/valohai-ls/settings"
)

// scriptWatchID identifies the registration of the scripts' watcher.
const scriptWatchID = "valohai-ls.scripts"

// scriptCaches are the script findings of the open documents, by URI.
type scriptCaches struct {
	mu sync.Mutex
	m  map[string]*scripts.Cache
}

func newScriptCaches() *scriptCaches { return &scriptCaches{m: map[string]*scripts.Cache{}} }

// of returns the cache of the document u, made when there is none; nil
// once ctx is cancelled, as it is before a closed document's cache is
// dropped (so that none is made again for it).
func (c *scriptCaches) of(ctx context.Context, u string) *scripts.Cache {
	c.mu.Lock()
	defer c.mu.Unlock()
	if ctx.Err() != nil {
		return nil
	}
	k := c.m[u]
	if k == nil {
		k = scripts.NewCache()
		c.m[u] = k
	}
	return k
}

// drop forgets the cache of a closed document.
func (c *scriptCaches) drop(u string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.m, u)
}

// forget tells every cache that the file at path changed.
func (c *scriptCaches) forget(path string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, k := range c.m {
		k.Forget(path)
	}
}

// scriptDir is the directory of doc's file, where the scripts its steps
// run are looked for; "" when doc is not a file or the script checks are
// off.
func (s *Server) scriptDir(doc *document.Document) string {
	if !s.settings().Enabled(settings.ScriptChecks) {
		return ""
	}
	return docDir(doc)
}

// registerScriptWatcher asks the client to report changes of Python
// files (for the script checks) and of valohai.yaml files (for workspace
// symbols), when it can be asked.
func (s *Server) registerScriptWatcher() {
	if !s.clientCaps().watchFiles {
		return
	}
	opts, err := json.Marshal(protocol.DidChangeWatchedFilesRegistrationOptions{
		Watchers: []protocol.FileSystemWatcher{
			{GlobPattern: protocol.Pattern("**/*.py")},
			{GlobPattern: protocol.Pattern("**/valohai.{yaml,yml}")},
		},
	})
	if err != nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err = s.client.RegisterCapability(ctx, &protocol.RegistrationParams{Registrations: []protocol.Registration{{
		ID: scriptWatchID, Method: "workspace/didChangeWatchedFiles", RegisterOptions: protocol.LSPAny(opts),
	}}})
	if err != nil {
		s.log.Debug("registering the scripts' watcher failed", zap.Error(err))
	}
}

// DidChangeWatchedFiles forgets the changed scripts, and the findings of
// the steps that read them, and checks the open files again.
func (s *Server) DidChangeWatchedFiles(ctx context.Context, params *protocol.DidChangeWatchedFilesParams) error {
	for _, c := range params.Changes {
		if c.URI.IsFile() {
			s.ws.changed(c.URI.FsPath())
			s.scripts.Forget(c.URI.FsPath())
			s.scriptCaches.forget(c.URI.FsPath())
		}
	}
	s.recheckAll()
	return nil
}
