package server

import (
	"context"
	"encoding/json"
	"path/filepath"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/scripts"
	"github.com/valohai-ls/valohai-ls/settings"
)

// scriptWatchID identifies the registration of the scripts' watcher.
const scriptWatchID = "valohai-ls.scripts"

// scriptFindings compares the steps of doc with the scripts they run,
// when doc is a file on disk and the setting allows it. The scripts are
// read (and kept by content) by the server's reader; their findings are
// computed again each time, as a script may change without the YAML.
func (s *Server) scriptFindings(ctx context.Context, doc *document.Document) []diagnostics.Diagnostic {
	if !s.settings().Enabled(settings.ScriptChecks) {
		return nil
	}
	u, err := uri.Parse(doc.URI)
	if err != nil || !u.IsFile() {
		return nil
	}
	return scripts.Check(ctx, doc, filepath.Dir(u.FsPath()), s.scripts).Diagnostics
}

// scriptDir is the directory of doc's file, where the scripts its steps
// run are looked for; "" when doc is not a file or the script checks are
// off.
func (s *Server) scriptDir(doc *document.Document) string {
	if !s.settings().Enabled(settings.ScriptChecks) {
		return ""
	}
	u, err := uri.Parse(doc.URI)
	if err != nil || !u.IsFile() {
		return ""
	}
	return filepath.Dir(u.FsPath())
}

// registerScriptWatcher asks the client to report changes of Python
// files, when it can be asked.
func (s *Server) registerScriptWatcher() {
	if !s.clientCaps().watchFiles {
		return
	}
	opts, err := json.Marshal(protocol.DidChangeWatchedFilesRegistrationOptions{
		Watchers: []protocol.FileSystemWatcher{{GlobPattern: protocol.Pattern("**/*.py")}},
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

// DidChangeWatchedFiles forgets the changed scripts and checks the open
// files again.
func (s *Server) DidChangeWatchedFiles(ctx context.Context, params *protocol.DidChangeWatchedFilesParams) error {
	for _, c := range params.Changes {
		if c.URI.IsFile() {
			s.scripts.Forget(c.URI.FsPath())
		}
	}
	for u, doc := range s.docs.all() {
		s.diags.schedule(u, doc)
	}
	return nil
}
