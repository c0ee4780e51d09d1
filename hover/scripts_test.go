package hover

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/project"
	"github.com/valohai-ls/valohai-ls/scripts"
)

func TestAddScripts(t *testing.T) {
	r := &Result{Markdown: "**lr**"}
	r.addScripts(nil)
	if r.Markdown != "**lr**" {
		t.Fatalf("no places changed the hover: %q", r.Markdown)
	}
	r.addScripts([]scripts.Place{
		{Rel: "train.py", Line: 3, Declares: true, What: "`--lr`, float, default 0.01"},
		{Rel: "train.py", Line: 9, What: "`args.lr`"},
	})
	want := "**lr**\n\n---\n\nIn the scripts:\n\n- declared by `train.py:3`: `--lr`, float, default 0.01\n- read by `train.py:9`: `args.lr`"
	if r.Markdown != want {
		t.Errorf("got\n%s\nwant\n%s", r.Markdown, want)
	}
	var none *Result
	none.addScripts([]scripts.Place{{Rel: "a.py"}}) // no hover: nothing to add to
}

// TestWithScripts: on a step parameter's name, hover adds what the
// step's script says of it; elsewhere, or without a directory, it is At.
func TestWithScripts(t *testing.T) {
	dir := t.TempDir()
	src := "import argparse\np = argparse.ArgumentParser()\np.add_argument('--lr', type=float, default=0.01)\nargs = p.parse_args()\nprint(args.lr)\n"
	if err := os.WriteFile(filepath.Join(dir, "train.py"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	text := "- step:\n    name: train\n    image: python:3.12\n    command: python train.py {parameters}\n    parameters:\n      - name: lr\n        type: float\n"
	doc := document.New("file://"+filepath.Join(dir, "valohai.yaml"), 1, text)
	onName, onImage := strings.Index(text, "lr"), strings.Index(text, "image")
	tests := []struct {
		name    string
		off     int
		dir     string
		scripts bool
	}{
		{"parameter name", onName, dir, true},
		{"parameter name, no directory", onName, "", false},
		{"another key", onImage, dir, false},
	}
	r := project.NewReader()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, at := WithScripts(doc, tt.off, tt.dir, r), At(doc, tt.off)
			if h == nil || at == nil {
				t.Fatalf("no hover at %d", tt.off)
			}
			if got := strings.Contains(h.Markdown, "In the scripts:"); got != tt.scripts {
				t.Errorf("scripts part %v, want %v:\n%s", got, tt.scripts, h.Markdown)
			}
			if !strings.HasPrefix(h.Markdown, at.Markdown) || !tt.scripts && h.Markdown != at.Markdown {
				t.Errorf("got\n%s\nwant At's\n%s\nand the scripts part only", h.Markdown, at.Markdown)
			}
		})
	}
}
