package stepsync

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/project"
)

// TestAddFile checks that AddFile reads a script through the reader and
// picks prepare() or argparse by what the script declares, and that it
// refuses what it cannot read or write.
func TestAddFile(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "proj")
	files := map[string]string{
		"proj/prep.py":  "import valohai\nvalohai.prepare(step=\"train\", default_parameters={\"lr\": 0.1})\n",
		"proj/args.py":  "import argparse\np = argparse.ArgumentParser()\np.add_argument(\"--epochs\", type=int, default=5)\np.parse_args()\n",
		"proj/plain.py": "print('hello')\n",
		"outside.py":    "import valohai\nvalohai.prepare(step=\"x\")\n",
	}
	for name, src := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const runsArgs = "- step:\n    name: fit\n    image: python:3.12\n    command: python args.py {parameters}\n"
	tests := []struct {
		name, text, script string
		want               string // a part of the result
		err                string // a part of the error
		outside            bool
	}{
		{"prepare", "", "prep.py", "    command:\n      - pip install -r requirements.txt\n      - python ./prep.py {parameters}\n", "", false},
		{"argparse", runsArgs, "args.py", runsArgs + "    parameters:\n      - name: epochs\n        default: 5\n        type: integer\n", "", false},
		{"argparse, no step runs it", "", "args.py", "", "args.py: no step runs args.py", false},
		{"neither", "", "plain.py", "", "plain.py: it has neither a valohai.prepare(...) call nor argparse options", false},
		{"missing", "", "gone.py", "", "read script", false},
		{"outside", "", "../outside.py", "", "outside the directory", true},
	}
	r := project.NewReader()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := AddFile(tt.text, dir, filepath.Join(dir, tt.script), r)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) || errors.Is(err, project.ErrOutside) != tt.outside {
					t.Errorf("error %v, want one with %q (outside: %v)", err, tt.err, tt.outside)
				}
				return
			}
			if err != nil || !strings.Contains(got, tt.want) {
				t.Errorf("error %v, got:\n%s\nwant a part:\n%s", err, got, tt.want)
			}
		})
	}
}
