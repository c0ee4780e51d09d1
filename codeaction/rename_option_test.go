package codeaction

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/project"
	"github.com/valohai-ls/valohai-ls/scripts"
	"github.com/valohai-ls/valohai-ls/stepsync"
)

// TestRenameOptionPreferred checks the fixes of script-unknown-option:
// where the script has an option of a close spelling, passing the
// parameter as it is the preferred fix (a rename with the references, or
// the option changed in pass-as), and "Sync step", which keeps the
// rejected parameter, is not preferred.
func TestRenameOptionPreferred(t *testing.T) {
	script := "import argparse\np = argparse.ArgumentParser()\np.add_argument('--learning_rate', type=float, default=0.1)\n" +
		"p.add_argument('--dataset_version', default='v1')\np.parse_args()\n"
	head := "- step:\n    name: train\n    image: python:3.12\n"
	for _, tc := range []struct {
		name, yaml, title, after string
	}{
		{"renamed with its references",
			head + "    command: python train.py {parameter:learning-rate}\n    parameters:\n      - name: learning-rate\n        type: float\n        default: 0.1\n",
			`Rename parameter "learning-rate" to "learning_rate"`,
			head + "    command: python train.py {parameter:learning_rate}\n    parameters:\n      - name: learning_rate\n        type: float\n        default: 0.1\n"},
		{"pass-as changed",
			head + "    command: python train.py {parameters}\n    parameters:\n      - name: lr\n        pass-as: --learning-rate={v}\n        type: float\n        default: 0.1\n",
			`Pass parameter "lr" as --learning_rate`,
			head + "    command: python train.py {parameters}\n    parameters:\n      - name: lr\n        pass-as: --learning_rate={v}\n        type: float\n        default: 0.1\n"},
		{"no close spelling",
			head + "    command: python train.py {parameters}\n    parameters:\n      - name: version_name\n        default: v1\n",
			"", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "train.py"), []byte(script), 0o644); err != nil {
				t.Fatal(err)
			}
			doc := document.New("file://"+filepath.Join(dir, "valohai.yaml"), 1, tc.yaml)
			r := project.NewReader()
			var diags []diagnostics.Diagnostic
			for _, d := range scripts.Check(context.Background(), doc, dir, r).Diagnostics {
				if d.Code == diagnostics.CodeScriptUnknownOption {
					diags = append(diags, d)
				}
			}
			if len(diags) != 1 {
				t.Fatalf("findings: %+v", diags)
			}
			var preferred []Action
			sync := false
			for _, a := range Actions(doc, diags[0].Start, diags[0].End, diags, Options{Dir: dir, Scripts: r}) {
				if a.Preferred {
					preferred = append(preferred, a)
				}
				if strings.HasPrefix(a.Title, "Sync step") {
					sync = true
					if a.Preferred {
						t.Errorf("the sync is preferred: %s", a.Title)
					}
				}
			}
			if !sync && strings.Contains(tc.yaml, "{parameters}") {
				t.Error("no sync action")
			}
			if tc.title == "" {
				if len(preferred) != 0 {
					t.Errorf("preferred: %+v", preferred)
				}
				return
			}
			if len(preferred) != 1 || !strings.HasPrefix(preferred[0].Title, tc.title) {
				t.Fatalf("preferred: %+v", preferred)
			}
			var es []stepsync.Edit
			for _, e := range preferred[0].Edits {
				es = append(es, stepsync.Edit{Start: e.Start, End: e.End, Text: e.Text})
			}
			if got := stepsync.Apply(tc.yaml, es); got != tc.after {
				t.Errorf("after the fix:\n%s\nwant:\n%s", got, tc.after)
			}
		})
	}
}

// TestRenameOptionIgnored checks the fix of script-unused-parameter: a
// script that parses its arguments with parse_known_args ignores an
// option it lacks, and where it has one of a close spelling, the
// parameter is renamed to it, the rest of the file's findings kept.
func TestRenameOptionIgnored(t *testing.T) {
	script := "import argparse\np = argparse.ArgumentParser()\np.add_argument('--learning_rate', type=float, default=0.1)\n" +
		"p.add_argument('--epochs', type=int, default=3)\np.parse_known_args()\n"
	head := "- step:\n    name: train\n    image: python:3.12\n    command: python train.py {parameters}\n    parameters:\n"
	tail := "        type: float\n        default: 0.1\n      - name: epochs\n        type: integer\n        default: 3\n"
	text := head + "      - name: learnign_rate\n" + tail
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "train.py"), []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	doc := document.New("file://"+filepath.Join(dir, "valohai.yaml"), 1, text)
	r := project.NewReader()
	all := scripts.Check(context.Background(), doc, dir, r).Diagnostics
	var diags []diagnostics.Diagnostic
	for _, d := range all {
		if d.Code == diagnostics.CodeScriptUnusedParameter {
			diags = append(diags, d)
		}
	}
	if len(diags) != 1 || !strings.Contains(diags[0].Message, "did you mean --learning_rate?") {
		t.Fatalf("findings: %+v", all)
	}
	var fix *Action
	for _, a := range Actions(doc, diags[0].Start, diags[0].End, diags, Options{Dir: dir, Scripts: r}) {
		if a.Preferred && strings.HasPrefix(a.Title, `Rename parameter "learnign_rate" to "learning_rate"`) {
			fix = &a
		}
	}
	if fix == nil {
		t.Fatal("no rename to the script's option")
	}
	after := Apply(text, fix.Edits)
	if want := head + "      - name: learning_rate\n" + tail; after != want {
		t.Fatalf("after the fix:\n%s\nwant:\n%s", after, want)
	}
	if left := scripts.Check(context.Background(), document.New(doc.URI, 2, after), dir, r).Diagnostics; len(left) != 0 {
		t.Errorf("findings left: %+v", left)
	}
}
