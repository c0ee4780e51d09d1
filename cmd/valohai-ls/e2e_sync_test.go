package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/uri"
)

// syncAction is a code action as the server sends it (plain edits).
type syncAction struct {
	Title       string           `json:"title"`
	Kind        string           `json:"kind"`
	Diagnostics []map[string]any `json:"diagnostics"`
	Edit        struct {
		Changes map[string][]textEdit `json:"changes"`
	} `json:"edit"`
}

// TestEndToEndSyncStep checks over stdio that a step whose script
// declares more than it does is offered "Sync step", on the step and on
// the script finding, and that its edit adds and updates only what
// differs; and that a parameter the script rejects has its removal.
func TestEndToEndSyncStep(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "train.py", "import valohai\n\nvalohai.prepare(\n    step=\"train\",\n    default_parameters={\"epochs\": 10, \"lr\": 0.001},\n"+
		"    default_inputs={\"data\": \"s3://bucket/data/*.csv\"},\n)\n")
	writeFile(t, dir, "eval.py", "import argparse\np = argparse.ArgumentParser()\np.add_argument('--model', default='m.pkl')\nargs = p.parse_args()\n")
	text := "# the project\n- step:\n    name: train\n    image: python:3.12\n    command: python train.py {parameters}\n" +
		"    parameters:\n      - name: epochs   # how long\n        type: integer\n        default: 5\n" +
		"      - name: seed\n        type: integer\n        default: 1\n" +
		"- step:\n    name: eval\n    image: python:3.12\n    command: python eval.py {parameters}\n" +
		"    parameters:\n      - {name: model, default: m.pkl}\n      - name: batch\n        type: integer\n        default: 8\n"
	writeFile(t, dir, "valohai.yaml", text)
	u := string(uri.File(filepath.Join(dir, "valohai.yaml")))

	s := startBinary(t)
	s.initializeFull(t, nil, false)
	d := s.open(t, u, text)
	var scriptDiags, unknown []any
	for _, x := range d.Diagnostics {
		full := map[string]any{"range": x.Range, "severity": x.Severity, "code": x.Code, "message": x.Message, "source": "valohai-ls"}
		if strings.HasPrefix(x.Code, "script-") && x.Range.Start.Line < 12 {
			scriptDiags = append(scriptDiags, full)
		}
		if x.Code == "script-unknown-option" {
			unknown = append(unknown, full)
		}
	}
	if len(scriptDiags) == 0 || len(unknown) != 1 {
		t.Fatalf("script findings: %+v", d.Diagnostics)
	}

	want := "# the project\n- step:\n    name: train\n    image: python:3.12\n    command: python train.py {parameters}\n" +
		"    parameters:\n      - name: epochs   # how long\n        type: integer\n        default: 10\n" +
		"      - name: seed\n        type: integer\n        default: 1\n" +
		"      - name: lr\n        default: 0.001\n        optional: false\n        type: float\n" +
		"    inputs:\n      - name: data\n        default:\n          - s3://bucket/data/*.csv\n        keep-directories: suffix\n        optional: false\n" +
		text[strings.Index(text, "- step:\n    name: eval"):]
	for _, tc := range []struct {
		name  string
		rng   any
		diags []any
	}{
		{"on the step", map[string]any{"start": posOf(t, text, "name: train", 1, 7), "end": posOf(t, text, "name: train", 1, 7)}, []any{}},
		{"on a finding", scriptDiags[0].(map[string]any)["range"], scriptDiags[:1]},
	} {
		var actions []syncAction
		params := map[string]any{"textDocument": map[string]any{"uri": u}, "range": tc.rng, "context": map[string]any{"diagnostics": tc.diags}}
		if err := s.Call("textDocument/codeAction", params, &actions); err != nil {
			t.Fatal(err)
		}
		var sync *syncAction
		for i, a := range actions {
			if a.Title == `Sync step "train" with train.py` {
				sync = &actions[i]
			}
		}
		if sync == nil || sync.Kind != "quickfix" {
			t.Fatalf("%s: no sync action: %+v", tc.name, actions)
		}
		if got := applyTextEdits(text, sync.Edit.Changes[u]); got != want {
			t.Errorf("%s: after the sync:\n%s\nwant:\n%s", tc.name, got, want)
		}
	}

	// The synced file: in the train step, only the YAML-only parameter
	// seed is left reported.
	_ = s.Notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": u, "version": 2},
		"contentChanges": []any{map[string]any{"text": want}}})
	d2, err := s.WaitDiagnostics(u, 2)
	if err != nil {
		t.Fatal(err)
	}
	trainEnd := strings.Count(want[:strings.Index(want, "- step:\n    name: eval")], "\n")
	for _, x := range d2.Diagnostics {
		if strings.HasPrefix(x.Code, "script-") && x.Range.Start.Line < trainEnd && !(x.Code == "script-unused-parameter" && strings.Contains(x.Message, `"seed"`)) {
			t.Errorf("after the sync: %+v", x)
		}
	}
	_ = s.Notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": u, "version": 3},
		"contentChanges": []any{map[string]any{"text": text}}})
	if _, err := s.WaitDiagnostics(u, 3); err != nil {
		t.Fatal(err)
	}

	var actions []syncAction
	rng := unknown[0].(map[string]any)["range"]
	params := map[string]any{"textDocument": map[string]any{"uri": u}, "range": rng, "context": map[string]any{"diagnostics": unknown}}
	if err := s.Call("textDocument/codeAction", params, &actions); err != nil {
		t.Fatal(err)
	}
	removed := false
	for _, a := range actions {
		if strings.HasPrefix(a.Title, `Remove parameter "batch"`) {
			removed = true
			got := applyTextEdits(text, a.Edit.Changes[u])
			if want := strings.Replace(text, "      - name: batch\n        type: integer\n        default: 8\n", "", 1); got != want {
				t.Errorf("after the removal:\n%s", got)
			}
			if len(a.Diagnostics) != 1 {
				t.Errorf("removal not tied to its finding: %+v", a)
			}
		}
	}
	if !removed {
		t.Errorf("no removal of batch: %+v", actions)
	}
	s.shutdown(t)
	_ = os.Remove(filepath.Join(dir, "valohai.yaml"))
}
