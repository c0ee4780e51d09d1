package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/internal/lsptest"
)

// navYAML is a project file: two steps, an endpoint, a pipeline whose
// three nodes run one step, edges in both forms and a task.
const navYAML = `- step:
    name: train
    image: python:3.12
    command: python train.py {parameter:epochs}
    parameters:
      - name: epochs
        type: integer
    outputs:
      - name: model
- step:
    name: evaluate
    image: python:3.12
    command: python evaluate.py
    inputs:
      - name: model
- endpoint:
    name: predict
    image: python:3.12
    wsgi: serving.app:application
- pipeline:
    name: flow
    parameters:
      - name: epochs
        targets: [a.parameter.epochs]
    nodes:
      - name: a
        type: execution
        step: train
      - name: b
        type: execution
        step: train
      - name: c
        type: execution
        step: train
      - name: eval
        type: execution
        step: evaluate
    edges:
      - [a.output.model, eval.input.model]
      - source: b.output.model
        target: eval.input.model
- endpoint:
    nmae: typo
    wsgi: a:b
`

// project writes navYAML and the files it names into a directory and
// returns the document's URI.
func project(t *testing.T, text string) (string, string) {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, dir, "valohai.yaml", text)
	writeFile(t, dir, "train.py", "print('train')\n")
	if err := os.MkdirAll(filepath.Join(dir, "serving"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "serving"), "app.py", "import x\n\ndef application(environ, start):\n    pass\n")
	return dir, "file://" + filepath.ToSlash(dir) + "/valohai.yaml"
}

// initializeFull initializes with the capabilities an editor such as VS
// Code declares, and initializationOptions.
func (s *session) initializeFull(t *testing.T, initOptions any, snippetEdits bool) map[string]any {
	t.Helper()
	caps := map[string]any{
		"workspace": map[string]any{"configuration": true, "workspaceEdit": map[string]any{"snippetEditSupport": snippetEdits, "documentChanges": true}},
		"textDocument": map[string]any{
			"completion":     map[string]any{"completionItem": map[string]any{"snippetSupport": true}},
			"definition":     map[string]any{"linkSupport": true},
			"documentSymbol": map[string]any{"hierarchicalDocumentSymbolSupport": true},
			"rename":         map[string]any{"prepareSupport": true},
			"codeAction":     map[string]any{"codeActionLiteralSupport": map[string]any{"codeActionKind": map[string]any{"valueSet": []string{"quickfix", "refactor"}}}},
		},
	}
	var res struct {
		Capabilities map[string]any `json:"capabilities"`
	}
	params := map[string]any{"processId": os.Getpid(), "rootUri": nil, "capabilities": caps}
	if initOptions != nil {
		params["initializationOptions"] = initOptions
	}
	if err := s.Call("initialize", params, &res); err != nil {
		t.Fatalf("initialize: %v", err)
	}
	if err := s.Notify("initialized", map[string]any{}); err != nil {
		t.Fatal(err)
	}
	return res.Capabilities
}

func (s *session) open(t *testing.T, uri, text string) *lsptest.Diagnostics {
	t.Helper()
	_ = s.Notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": "yaml", "version": 1, "text": text}})
	d, err := s.WaitDiagnostics(uri, 1)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// posOf returns the zero-based line and UTF-16 column of the n-th (from 1)
// occurrence of find in text, moved by delta characters.
func posOf(t *testing.T, text, find string, n, delta int) map[string]any {
	t.Helper()
	i := -1
	for ; n > 0; n-- {
		j := strings.Index(text[i+1:], find)
		if j < 0 {
			t.Fatalf("%q not found", find)
		}
		i += 1 + j
	}
	line := strings.Count(text[:i], "\n")
	col := i - (strings.LastIndex(text[:i], "\n") + 1) + delta
	return map[string]any{"line": line, "character": col}
}

func docPos(uri string, p map[string]any) map[string]any {
	return map[string]any{"textDocument": map[string]any{"uri": uri}, "position": p}
}

type lspRange struct {
	Start lsptest.Position `json:"start"`
	End   lsptest.Position `json:"end"`
}

type textEdit struct {
	Range   lspRange `json:"range"`
	NewText string   `json:"newText"`
}

// applyTextEdits applies LSP edits (ASCII text) to text.
func applyTextEdits(text string, edits []textEdit) string {
	lines := strings.SplitAfter(text, "\n")
	off := func(p lsptest.Position) int {
		o := 0
		for i := 0; i < p.Line && i < len(lines); i++ {
			o += len(lines[i])
		}
		return o + p.Character
	}
	sort.Slice(edits, func(i, j int) bool { return off(edits[i].Range.Start) > off(edits[j].Range.Start) })
	for _, e := range edits {
		text = text[:off(e.Range.Start)] + e.NewText + text[off(e.Range.End):]
	}
	return text
}

func TestEndToEndNavigation(t *testing.T) {
	dir, uri := project(t, navYAML)
	s := startBinary(t)
	caps := s.initializeFull(t, nil, true)
	for _, c := range []string{"definitionProvider", "referencesProvider", "documentHighlightProvider", "documentSymbolProvider",
		"renameProvider", "codeActionProvider", "codeLensProvider", "documentLinkProvider"} {
		if caps[c] == nil {
			t.Errorf("capability %s not advertised: %v", c, caps)
		}
	}
	s.open(t, uri, navYAML)

	// Outline: items with their children.
	var symbols []struct {
		Name           string   `json:"name"`
		Kind           int      `json:"kind"`
		Range          lspRange `json:"range"`
		SelectionRange lspRange `json:"selectionRange"`
		Children       []struct {
			Name string `json:"name"`
		} `json:"children"`
	}
	if err := s.Call("textDocument/documentSymbol", map[string]any{"textDocument": map[string]any{"uri": uri}}, &symbols); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, sym := range symbols {
		names = append(names, sym.Name)
	}
	if strings.Join(names, ",") != "train,evaluate,predict,flow,(unnamed endpoint)" {
		t.Errorf("outline: %v", names)
	}
	if flow := symbols[3]; len(flow.Children) != 7 || flow.Children[0].Name != "a" || !strings.Contains(flow.Children[4].Name, "→") {
		t.Errorf("pipeline children: %+v", flow.Children)
	}
	if r := symbols[0]; r.Range.Start.Line != 0 || r.Range.End.Line != 8 || r.SelectionRange.Start.Line != 1 || r.SelectionRange.Start.Character != 10 {
		t.Errorf("step ranges: %+v", r)
	}

	// Definition: a node's step, as a link.
	var links []struct {
		TargetURI            string   `json:"targetUri"`
		TargetSelectionRange lspRange `json:"targetSelectionRange"`
		OriginSelectionRange lspRange `json:"originSelectionRange"`
	}
	if err := s.Call("textDocument/definition", docPos(uri, posOf(t, navYAML, "step: train", 2, 7)), &links); err != nil {
		t.Fatal(err)
	}
	if len(links) != 1 || links[0].TargetURI != uri || links[0].TargetSelectionRange.Start.Line != 1 {
		t.Errorf("definition of step: %+v", links)
	}
	// The edge's input part goes to the step's input.
	if err := s.Call("textDocument/definition", docPos(uri, posOf(t, navYAML, "eval.input.model]", 1, 13)), &links); err != nil {
		t.Fatal(err)
	}
	if len(links) != 1 || links[0].TargetSelectionRange.Start.Line != 14 {
		t.Errorf("definition of an edge input: %+v", links)
	}
	// The wsgi module goes to serving/app.py, at the callable.
	if err := s.Call("textDocument/definition", docPos(uri, posOf(t, navYAML, "serving.app", 1, 3)), &links); err != nil {
		t.Fatal(err)
	}
	if len(links) != 1 || !strings.HasSuffix(links[0].TargetURI, "/serving/app.py") || links[0].TargetSelectionRange.Start.Line != 2 {
		t.Errorf("definition of wsgi: %+v", links)
	}

	// References of the step train: three nodes (and the name itself).
	var locs []struct {
		URI   string   `json:"uri"`
		Range lspRange `json:"range"`
	}
	refParams := docPos(uri, posOf(t, navYAML, "name: train", 1, 8))
	refParams["context"] = map[string]any{"includeDeclaration": true}
	if err := s.Call("textDocument/references", refParams, &locs); err != nil {
		t.Fatal(err)
	}
	if len(locs) != 4 {
		t.Errorf("references of train: %+v", locs)
	}
	var hl []struct {
		Kind int `json:"kind"`
	}
	if err := s.Call("textDocument/documentHighlight", docPos(uri, posOf(t, navYAML, "name: a\n", 1, 6)), &hl); err != nil {
		t.Fatal(err)
	}
	if writes := countKind(hl, 3); len(hl) != 3 || writes != 1 {
		t.Errorf("highlights of node a: %+v", hl)
	}

	// Rename the step used by three nodes: four edits in one workspace edit.
	var prep struct {
		Range       lspRange `json:"range"`
		Placeholder string   `json:"placeholder"`
	}
	if err := s.Call("textDocument/prepareRename", docPos(uri, posOf(t, navYAML, "step: train", 3, 8)), &prep); err != nil {
		t.Fatal(err)
	}
	if prep.Placeholder != "train" {
		t.Errorf("prepareRename: %+v", prep)
	}
	var we struct {
		Changes map[string][]textEdit `json:"changes"`
	}
	if err := s.Call("textDocument/rename", map[string]any{"textDocument": map[string]any{"uri": uri},
		"position": posOf(t, navYAML, "step: train", 3, 8), "newName": "fit"}, &we); err != nil {
		t.Fatal(err)
	}
	if len(we.Changes) != 1 || len(we.Changes[uri]) != 4 {
		t.Fatalf("rename edits: %+v", we)
	}
	renamed := applyTextEdits(navYAML, we.Changes[uri])
	if strings.Count(renamed, "step: fit\n") != 3 || !strings.Contains(renamed, "name: fit\n") || strings.Contains(renamed, "train\n") {
		t.Errorf("renamed text:\n%s", renamed)
	}
	// An invalid endpoint name is refused with the rule in the message.
	err := s.Call("textDocument/rename", map[string]any{"textDocument": map[string]any{"uri": uri},
		"position": posOf(t, navYAML, "name: predict", 1, 8), "newName": "Predict_2"}, nil)
	if err == nil || !strings.Contains(err.Error(), "lower-case letter") {
		t.Errorf("invalid endpoint rename: %v", err)
	}
	err = s.Call("textDocument/rename", map[string]any{"textDocument": map[string]any{"uri": uri},
		"position": posOf(t, navYAML, "name: a\n", 1, 6), "newName": "a.b"}, nil)
	if err == nil || !strings.Contains(err.Error(), "dot") {
		t.Errorf("node rename with a dot: %v", err)
	}

	// Document links: the script and the module that exist.
	var dl []struct {
		Target string `json:"target"`
	}
	if err := s.Call("textDocument/documentLink", map[string]any{"textDocument": map[string]any{"uri": uri}}, &dl); err != nil {
		t.Fatal(err)
	}
	if len(dl) != 2 || !strings.HasSuffix(dl[0].Target, "/train.py") || !strings.HasSuffix(dl[1].Target, "/serving/app.py#L3") {
		t.Errorf("document links: %+v (dir %s)", dl, dir)
	}

	// Code lenses: train is run by three nodes, evaluate by one; the
	// pipeline's opens its graph.
	var lenses []struct {
		Range   lspRange `json:"range"`
		Command struct {
			Title     string            `json:"title"`
			Command   string            `json:"command"`
			Arguments []json.RawMessage `json:"arguments"`
		} `json:"command"`
	}
	if err := s.Call("textDocument/codeLens", map[string]any{"textDocument": map[string]any{"uri": uri}}, &lenses); err != nil {
		t.Fatal(err)
	}
	if len(lenses) != 3 || lenses[0].Command.Title != "used by 3 pipeline nodes" || lenses[1].Command.Title != "used by 1 pipeline node" ||
		lenses[2].Command.Command != "valohai-ls.showGraph" || len(lenses[2].Command.Arguments) != 2 || string(lenses[2].Command.Arguments[1]) != `"flow"` {
		t.Fatalf("code lenses: %+v", lenses)
	}
	if lenses[0].Command.Command != "valohai-ls.showReferences" || len(lenses[0].Command.Arguments) != 3 {
		t.Errorf("lens command: %+v", lenses[0].Command)
	}
	var lensLocs []any
	if err := json.Unmarshal(lenses[0].Command.Arguments[2], &lensLocs); err != nil || len(lensLocs) != 3 {
		t.Errorf("lens locations: %s", lenses[0].Command.Arguments[2])
	}
	s.shutdown(t)
}

func TestEndToEndCodeActions(t *testing.T) {
	_, uri := project(t, navYAML)
	s := startBinary(t)
	s.initializeFull(t, nil, true)
	d := s.open(t, uri, navYAML)

	// The published unknown-key diagnostic carries its suggestion.
	var typo map[string]any
	raw, _ := json.Marshal(d.Diagnostics)
	var full []map[string]any
	_ = json.Unmarshal(raw, &full)
	for _, x := range d.Diagnostics {
		if x.Code == "unknown-key" {
			typo = map[string]any{"range": x.Range, "severity": x.Severity, "code": x.Code, "message": x.Message, "source": "valohai-ls",
				"data": map[string]any{"suggestions": []string{"name"}}}
		}
	}
	if typo == nil {
		t.Fatalf("no unknown-key diagnostic: %+v", d.Diagnostics)
	}
	var actions []struct {
		Title       string           `json:"title"`
		Kind        string           `json:"kind"`
		IsPreferred bool             `json:"isPreferred"`
		Diagnostics []map[string]any `json:"diagnostics"`
		Edit        struct {
			Changes         map[string][]textEdit `json:"changes"`
			DocumentChanges []struct {
				Edits []struct {
					Range   lspRange `json:"range"`
					NewText string   `json:"newText"`
					Snippet struct {
						Kind  string `json:"kind"`
						Value string `json:"value"`
					} `json:"snippet"`
				} `json:"edits"`
			} `json:"documentChanges"`
		} `json:"edit"`
	}
	r := typo["range"].(lsptest.Range)
	params := map[string]any{"textDocument": map[string]any{"uri": uri}, "range": r, "context": map[string]any{"diagnostics": []any{typo}}}
	if err := s.Call("textDocument/codeAction", params, &actions); err != nil {
		t.Fatal(err)
	}
	if len(actions) == 0 || actions[0].Title != `Change "nmae" to "name"` || actions[0].Kind != "quickfix" || !actions[0].IsPreferred ||
		len(actions[0].Diagnostics) != 1 || len(actions[0].Edit.Changes[uri]) != 1 || actions[0].Edit.Changes[uri][0].NewText != "name" {
		t.Errorf("did-you-mean action: %+v", actions)
	}

	// Without context diagnostics the server finds them: the last
	// endpoint lacks an image, which is added as a snippet edit (its
	// name is written misspelt, which the did-you-mean fixes).
	params = map[string]any{"textDocument": map[string]any{"uri": uri}, "range": map[string]any{"start": posOf(t, navYAML, "- endpoint:\n    nmae", 1, 3), "end": posOf(t, navYAML, "- endpoint:\n    nmae", 1, 3)},
		"context": map[string]any{"diagnostics": []any{}}}
	if err := s.Call("textDocument/codeAction", params, &actions); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, a := range actions {
		if a.Title == "Add `image`" {
			found = true
			if len(a.Edit.DocumentChanges) != 1 || a.Edit.DocumentChanges[0].Edits[0].Snippet.Kind != "snippet" ||
				!strings.Contains(a.Edit.DocumentChanges[0].Edits[0].Snippet.Value, "image: ${1:") {
				t.Errorf("missing-key fix is not a snippet edit: %+v", a.Edit)
			}
		}
	}
	if !found {
		t.Errorf("no fix for the missing image: %+v", actions)
	}

	// A refactoring on the shorthand edge, filtered by kind.
	at := posOf(t, navYAML, "[a.output.model", 1, 3)
	params = map[string]any{"textDocument": map[string]any{"uri": uri}, "range": map[string]any{"start": at, "end": at},
		"context": map[string]any{"diagnostics": []any{}, "only": []string{"refactor"}}}
	if err := s.Call("textDocument/codeAction", params, &actions); err != nil {
		t.Fatal(err)
	}
	if len(actions) != 1 || actions[0].Kind != "refactor.rewrite" || !strings.Contains(actions[0].Title, "source/target") {
		t.Errorf("edge refactoring: %+v", actions)
	}
	s.shutdown(t)
}

func TestEndToEndSettingsAndSuppression(t *testing.T) {
	text := "- endpoint:\n" +
		"    name: predict\n" +
		"    image: x\n" +
		"    wsgi: a:b\n" +
		"    bogus: 1\n" +
		"    other: 2  # valohai-ls: ignore[unknown-key]\n" +
		"- endpoint:\n" +
		"    name: predict\n" +
		"    image: x\n" +
		"    wsgi: a:b\n"
	_, uri := project(t, text)
	s := startBinary(t)
	pulled := make(chan struct{}, 4)
	conf := `{"diagnostics": {"rules": {"unknown-key": "warning"}}, "codeLens": false, "hoverr": true}`
	s.SetOnRequest(func(method string, params json.RawMessage) any {
		if method != "workspace/configuration" {
			return nil
		}
		defer func() { pulled <- struct{}{} }()
		return []json.RawMessage{json.RawMessage(conf)}
	})
	// initializationOptions turn duplicate-name off.
	caps := s.initializeFull(t, map[string]any{"diagnostics": map[string]any{"rules": map[string]any{"duplicate-name": "off"}}}, false)
	if caps["codeLensProvider"] == nil {
		t.Error("code lens not advertised")
	}
	<-pulled
	msg, err := s.WaitNotification("window/showMessage")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(msg.Params), `unknown setting \"hoverr\"; did you mean \"hover\"?`) {
		t.Errorf("showMessage: %s", msg.Params)
	}
	d := s.open(t, uri, text)
	var codes []string
	for _, x := range d.Diagnostics {
		codes = append(codes, x.Code)
		if x.Code == "unknown-key" && x.Severity != 2 {
			t.Errorf("unknown-key severity %d, want warning (2) from the settings", x.Severity)
		}
	}
	if strings.Join(codes, ",") != "unknown-key" {
		t.Errorf("diagnostics %v: want only bogus's unknown-key (other suppressed, duplicate-name off)", codes)
	}
	var lenses []any
	if err := s.Call("textDocument/codeLens", map[string]any{"textDocument": map[string]any{"uri": uri}}, &lenses); err != nil || len(lenses) != 0 {
		t.Errorf("code lenses with codeLens off: %v %v", lenses, err)
	}
	// A change of settings is pulled again and diagnostics republished.
	conf = `{"diagnostics": {"enable": true, "rules": {"unknown-key": "off", "duplicate-name": "hint"}}}`
	_ = s.Notify("workspace/didChangeConfiguration", map[string]any{"settings": nil})
	<-pulled
	d, err = s.WaitDiagnostics(uri, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Diagnostics) != 1 || d.Diagnostics[0].Code != "duplicate-name" || d.Diagnostics[0].Severity != 4 {
		t.Errorf("diagnostics after the change: %+v", d.Diagnostics)
	}
	s.shutdown(t)
}

func countKind(hl []struct {
	Kind int `json:"kind"`
}, kind int) int {
	n := 0
	for _, h := range hl {
		if h.Kind == kind {
			n++
		}
	}
	return n
}

// TestLSPProbeScenario drives the binary with the shared LSP probe
// (symbols, definition, references, rename, code lenses, links and code
// actions), when the probe and python3 are there.
func TestLSPProbeScenario(t *testing.T) {
	probe := os.Getenv("VALOHAI_LSPPROBE")
	if probe == "" {
		probe = "../../../shared/tools/lspprobe.py"
	}
	if _, err := os.Stat(probe); err != nil {
		t.Skipf("no LSP probe at %s (set VALOHAI_LSPPROBE)", probe)
	}
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3")
	}
	scenario, _ := filepath.Abs("testdata/navigation-scenario.json")
	cmd := exec.Command(python, probe, "script", scenario, "--quiet", "--server-stderr", os.DevNull, "--", binary)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("lspprobe: %v\n%s", err, out)
	}
	if n := strings.Count(string(out), `"ok": true`); n < 14 {
		t.Errorf("%d checked steps passed, want 14:\n%s", n, out)
	}
}
