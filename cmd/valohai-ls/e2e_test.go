package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/internal/lsptest"
)

// binary is the valohai-ls binary built for the end-to-end tests.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "valohai-ls-e2e")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "valohai-ls")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		panic("building valohai-ls: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// session is the real binary serving LSP over its stdin and stdout.
type session struct {
	*lsptest.Client
	cmd *exec.Cmd
}

func startBinary(t *testing.T, env ...string) *session {
	t.Helper()
	cmd := exec.Command(binary, "serve", "--stdio", "--log-level", "debug")
	cmd.Env = append(os.Environ(), env...)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_, _ = cmd.Process.Wait()
		if t.Failed() {
			t.Logf("server log:\n%s", stderr.String())
		}
	})
	return &session{Client: lsptest.New(stdout, stdin), cmd: cmd}
}

func (s *session) initialize(t *testing.T, encodings ...string) string {
	t.Helper()
	caps := map[string]any{"textDocument": map[string]any{"completion": map[string]any{
		"completionItem": map[string]any{"snippetSupport": true}}}}
	if len(encodings) > 0 {
		caps["general"] = map[string]any{"positionEncodings": encodings}
	}
	var res struct {
		Capabilities struct {
			PositionEncoding string `json:"positionEncoding"`
			TextDocumentSync struct {
				Change int `json:"change"`
			} `json:"textDocumentSync"`
		} `json:"capabilities"`
	}
	if err := s.Call("initialize", map[string]any{"processId": os.Getpid(), "rootUri": "file:///work", "capabilities": caps}, &res); err != nil {
		t.Fatalf("initialize: %v", err)
	}
	if res.Capabilities.TextDocumentSync.Change != 2 {
		t.Errorf("text sync kind %d, want incremental (2)", res.Capabilities.TextDocumentSync.Change)
	}
	if err := s.Notify("initialized", map[string]any{}); err != nil {
		t.Fatal(err)
	}
	return res.Capabilities.PositionEncoding
}

func (s *session) shutdown(t *testing.T) {
	t.Helper()
	if err := s.Call("shutdown", nil, nil); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	if err := s.Notify("exit", nil); err != nil {
		t.Fatal(err)
	}
	if err := s.cmd.Wait(); err != nil {
		t.Fatalf("server did not exit cleanly: %v", err)
	}
}

const e2eURI = "file:///work/project/valohai.yaml"

func textDoc(version int) map[string]any {
	return map[string]any{"uri": e2eURI, "version": version}
}

func at(line, char int) map[string]any {
	return map[string]any{"textDocument": map[string]any{"uri": e2eURI}, "position": map[string]any{"line": line, "character": char}}
}

func TestEndToEndSession(t *testing.T) {
	s := startBinary(t)
	if enc := s.initialize(t); enc != "utf-16" {
		t.Errorf("position encoding %q, want utf-16", enc)
	}
	text := "- endpoint:\n" +
		"    name: predict\n" +
		"    description: \"é😀 model\"\n" +
		"    wsgi: predict:app\n" +
		"    \n" +
		"- endpoint:\n" +
		"    name: mixed\n" +
		"    image: python:3.12\n" +
		"    server-command: python serve.py\n" +
		"    wsgi: serve:app\n"
	_ = s.Notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": e2eURI, "languageId": "yaml", "version": 1, "text": text}})
	d, err := s.WaitDiagnostics(e2eURI, 1)
	if err != nil {
		t.Fatal(err)
	}
	assertDiag(t, d, "missing-key", 0, "needs an image")
	assertDiag(t, d, "mixed-variant", 9, "both")
	if n := countCode(d, "mixed-variant"); n != 1 {
		t.Errorf("mixed-variant reported %d times, want once", n)
	}

	var raw json.RawMessage
	if err := s.Call("textDocument/completion", at(4, 4), &raw); err != nil {
		t.Fatal(err)
	}
	labels := lsptest.Labels(raw)
	for _, want := range []string{"image", "port", "description", "files"} {
		if want != "description" && !lsptest.HasLabel(labels, want) {
			t.Errorf("completion lacks %q: %v", want, labels)
		}
	}
	for _, absent := range []string{"name", "wsgi", "server-command", "description"} {
		if lsptest.HasLabel(labels, absent) {
			t.Errorf("completion offers %q: %v", absent, labels)
		}
	}

	var hover struct {
		Contents struct{ Value string } `json:"contents"`
		Range    lsptest.Range          `json:"range"`
	}
	if err := s.Call("textDocument/hover", at(3, 6), &hover); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(hover.Contents.Value, "WSGI") || hover.Range.Start.Line != 3 || hover.Range.Start.Character != 4 {
		t.Errorf("hover on wsgi: %+v", hover)
	}

	// Incremental change: type the image on the empty line.
	_ = s.Notify("textDocument/didChange", map[string]any{"textDocument": textDoc(2), "contentChanges": []any{
		map[string]any{"range": map[string]any{"start": map[string]any{"line": 4, "character": 4}, "end": map[string]any{"line": 4, "character": 4}},
			"text": "image: python:3.12"}}})
	d, err = s.WaitDiagnostics(e2eURI, 2)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range d.Diagnostics {
		if x.Code == "missing-key" {
			t.Errorf("missing image still reported after the edit: %+v", x)
		}
	}
	assertDiag(t, d, "mixed-variant", 9, "both")
	s.shutdown(t)
}

func TestEndToEndUTF8Positions(t *testing.T) {
	s := startBinary(t)
	if enc := s.initialize(t, "utf-16", "utf-8"); enc != "utf-8" {
		t.Fatalf("position encoding %q, want utf-8", enc)
	}
	line := `- endpoint: {description: "é😀", bogus: 1, name: p1, image: x, wsgi: a}`
	_ = s.Notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": e2eURI, "languageId": "yaml", "version": 1, "text": line + "\n"}})
	d, err := s.WaitDiagnostics(e2eURI, 1)
	if err != nil {
		t.Fatal(err)
	}
	bogus := strings.Index(line, "bogus") // a byte offset
	found := false
	for _, x := range d.Diagnostics {
		if x.Code == "unknown-key" {
			found = true
			if x.Range.Start.Character != bogus || x.Range.End.Character != bogus+5 {
				t.Errorf("unknown-key range %+v, want bytes %d..%d", x.Range, bogus, bogus+5)
			}
		}
	}
	if !found {
		t.Fatalf("no unknown-key diagnostic: %+v", d.Diagnostics)
	}
	// Hover at a byte position inside "description" (after the emoji-free prefix).
	var hover struct {
		Contents struct{ Value string } `json:"contents"`
		Range    lsptest.Range          `json:"range"`
	}
	desc := strings.Index(line, "description")
	if err := s.Call("textDocument/hover", at(0, desc+3), &hover); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(hover.Contents.Value, "**description**") || hover.Range.Start.Character != desc {
		t.Errorf("hover: %+v", hover)
	}
	// An edit addressed in bytes: delete "bogus: 1, ".
	_ = s.Notify("textDocument/didChange", map[string]any{"textDocument": textDoc(2), "contentChanges": []any{
		map[string]any{"range": map[string]any{"start": map[string]any{"line": 0, "character": bogus}, "end": map[string]any{"line": 0, "character": bogus + len("bogus: 1, ")}},
			"text": ""}}})
	d, err = s.WaitDiagnostics(e2eURI, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Diagnostics) != 0 {
		t.Errorf("diagnostics after the byte-addressed edit: %+v", d.Diagnostics)
	}
	s.shutdown(t)
}

func TestEndToEndPanicDoesNotStopServer(t *testing.T) {
	s := startBinary(t, "VALOHAI_LS_TEST_PANIC=1")
	s.initialize(t)
	if err := s.Call("valohai-ls/testPanic", map[string]any{}, nil); err == nil {
		t.Fatal("want an error from the panicking request")
	}
	_ = s.Notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": e2eURI, "languageId": "yaml", "version": 1, "text": "- endpoint:\n    name: p1\n    \n"}})
	var raw json.RawMessage
	if err := s.Call("textDocument/completion", at(2, 4), &raw); err != nil {
		t.Fatal(err)
	}
	if !lsptest.HasLabel(lsptest.Labels(raw), "image") {
		t.Errorf("completion after panic: %s", raw)
	}
	s.shutdown(t)
}

func TestEndToEndExitWithoutShutdown(t *testing.T) {
	s := startBinary(t)
	s.initialize(t)
	_ = s.Notify("exit", nil)
	err := s.cmd.Wait()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		t.Fatalf("exit without shutdown: %v, want exit status 1", err)
	}
}

func assertDiag(t *testing.T, d *lsptest.Diagnostics, code string, line int, msg string) {
	t.Helper()
	for _, x := range d.Diagnostics {
		if x.Code == code && x.Range.Start.Line == line && strings.Contains(x.Message, msg) {
			return
		}
	}
	t.Errorf("no %s diagnostic on line %d with %q in %+v", code, line, msg, d.Diagnostics)
}

// countCode counts the diagnostics of one code.
func countCode(d *lsptest.Diagnostics, code string) int {
	n := 0
	for _, x := range d.Diagnostics {
		if x.Code == code {
			n++
		}
	}
	return n
}
