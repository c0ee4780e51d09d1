package server

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// TestHoverBeforeTheFirstAnalysis checks that hover on a step parameter
// says what its script says of it before anything else has parsed the
// version (right after opening), as it does afterwards.
func TestHoverBeforeTheFirstAnalysis(t *testing.T) {
	dir := t.TempDir()
	script := "import argparse\np = argparse.ArgumentParser()\np.add_argument('--lr', type=float, default=0.01)\np.parse_args()\n"
	if err := os.WriteFile(filepath.Join(dir, "train.py"), []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	text := "- step:\n    name: train\n    image: python:3.12\n    command: python train.py {parameters}\n    parameters:\n      - name: lr\n        type: float\n        default: 0.01\n"
	u := uri.File(filepath.Join(dir, "valohai.yaml"))
	s := newServer(Options{})
	s.initialized.Store(true)
	var answers []string
	for i := range 2 {
		doc := s.docs.open(u, LanguageID, int32(i+1), text)
		if doc.ParsedIfReady() != nil {
			t.Fatal("the new version is parsed already")
		}
		h, err := s.Hover(context.Background(), &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: protocol.Position{Line: 5, Character: 15}}})
		if err != nil || h == nil {
			t.Fatalf("hover: %v %v", h, err)
		}
		answers = append(answers, h.Contents.(*protocol.MarkupContent).Value)
		_ = doc.Parsed()
		h2, err := s.Hover(context.Background(), &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: protocol.Position{Line: 5, Character: 15}}})
		if err != nil || h2 == nil {
			t.Fatalf("hover after the parse: %v %v", h2, err)
		}
		answers = append(answers, h2.Contents.(*protocol.MarkupContent).Value)
	}
	for _, a := range answers {
		if a != answers[0] || !strings.Contains(a, "--lr") {
			t.Errorf("hover answers differ or lack the script:\n%q\n%q", answers[0], a)
		}
	}
}
