package server

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"time"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/valohai-ls/valohai-ls/settings"
)

// config holds the user's settings: initializationOptions, overlaid with
// the latest settings pulled with workspace/configuration or pushed with
// workspace/didChangeConfiguration.
type config struct {
	mu      sync.Mutex
	init    any
	latest  any
	eff     settings.Settings
	shown   map[string]bool // problems already shown for the current settings
	pending []string        // problems to show once initialized
}

func newConfig() *config { return &config{eff: settings.Default(), shown: map[string]bool{}} }

// settings returns the settings in force.
func (s *Server) settings() settings.Settings {
	s.conf.mu.Lock()
	defer s.conf.mu.Unlock()
	return s.conf.eff
}

// setInitOptions reads initializationOptions; their problems are shown
// once the client is initialized.
func (s *Server) setInitOptions(raw protocol.LSPAny) {
	if len(raw) == 0 {
		return
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		s.conf.mu.Lock()
		s.conf.pending = append(s.conf.pending, "initializationOptions are not valid JSON")
		s.conf.mu.Unlock()
		return
	}
	if inner, ok := settings.Ours(v); ok {
		v = inner
	}
	s.conf.mu.Lock()
	s.conf.init = v
	eff, problems := settings.FromValue(settings.Merge(s.conf.init, s.conf.latest), true)
	s.conf.eff = eff
	s.conf.pending = append(s.conf.pending, problems...)
	s.conf.mu.Unlock()
}

// Initialized shows the problems of the initializationOptions and pulls
// the settings when the client can be asked for them.
func (s *Server) Initialized(ctx context.Context, _ *protocol.InitializedParams) error {
	s.conf.mu.Lock()
	pending := s.conf.pending
	s.conf.pending = nil
	s.conf.mu.Unlock()
	s.warn(pending)
	if s.clientCaps().configuration {
		go s.pullConfig()
	}
	go s.registerScriptWatcher()
	return nil
}

// DidChangeConfiguration takes pushed settings that are for valohai-ls
// and, when the client supports it, pulls the section afresh.
func (s *Server) DidChangeConfiguration(ctx context.Context, params *protocol.DidChangeConfigurationParams) error {
	var v any
	if len(params.Settings) > 0 {
		_ = json.Unmarshal(params.Settings, &v)
	}
	if ours, ok := settings.Ours(v); ok {
		s.applyConfig(ours)
	}
	if s.clientCaps().configuration {
		// The answer comes through the read loop, which is busy with this
		// notification: ask from another goroutine.
		go s.pullConfig()
	}
	return nil
}

// pullConfig asks the client for the "valohai-ls" section.
func (s *Server) pullConfig() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	section := settings.Section
	res, err := s.client.Configuration(ctx, &protocol.ConfigurationParams{Items: []protocol.ConfigurationItem{{Section: &section}}})
	if err != nil {
		s.log.Debug("workspace/configuration failed", zap.Error(err))
		return
	}
	if len(res) == 0 || len(res[0]) == 0 || strings.TrimSpace(string(res[0])) == "null" {
		return
	}
	var v any
	if err := json.Unmarshal(res[0], &v); err != nil {
		s.warn([]string{"the valohai-ls settings are not valid JSON"})
		return
	}
	if inner, ok := settings.Ours(v); ok {
		v = inner // a client may answer with the whole tree
	}
	s.applyConfig(v)
}

// applyConfig makes v the latest settings, shows what is wrong in them,
// and refreshes what depends on them.
func (s *Server) applyConfig(v any) {
	s.conf.mu.Lock()
	s.conf.latest = v
	eff, problems := settings.FromValue(settings.Merge(s.conf.init, s.conf.latest), true)
	s.conf.eff = eff
	var fresh []string
	shown := map[string]bool{}
	for _, p := range problems {
		shown[p] = true
		if !s.conf.shown[p] {
			fresh = append(fresh, p)
		}
	}
	s.conf.shown = shown
	s.conf.mu.Unlock()
	s.log.Info("settings changed", zap.Any("settings", v))
	s.warn(fresh)
	s.recheckAll()
	if s.clientCaps().lensRefresh {
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			_ = s.client.CodeLensRefresh(ctx)
		}()
	}
}

// warn shows problems in the user's settings.
func (s *Server) warn(problems []string) {
	if len(problems) == 0 {
		return
	}
	msg := "valohai-ls settings: " + strings.Join(problems, "; ")
	s.log.Warn(msg)
	if err := s.client.ShowMessage(context.Background(), &protocol.ShowMessageParams{Type: protocol.MessageTypeWarning, Message: msg}); err != nil {
		s.log.Debug("showMessage failed", zap.Error(err))
	}
}
