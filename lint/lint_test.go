package lint

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/scripts"
)

// script declares two parameters the step below lacks.
const script = `import valohai

valohai.prepare(step="train", default_parameters={"epochs": 1, "rate": 0.1})
`

func TestFile(t *testing.T) {
	tests := []struct {
		name    string
		yaml    string
		scripts bool
		want    []string // code@line, in order
	}{
		{
			name: "own findings only",
			yaml: "- step:\n    name: train\n    image: python:3.12\n    command: python train.py {parameters}\n    nmae: x\n",
			want: []string{"unknown-key@4"},
		},
		{
			name:    "with the scripts, in position order",
			yaml:    "- step:\n    name: train\n    image: python:3.12\n    command: python train.py {parameters}\n    nmae: x\n",
			scripts: true,
			want:    []string{"script-undeclared-parameter@3", "unknown-key@4"},
		},
		{
			name:    "a comment silences a script's finding too",
			yaml:    "- step:\n    name: train\n    image: python:3.12\n    # valohai-ls: ignore[script-undeclared-parameter]\n    command: python train.py {parameters}\n",
			scripts: true,
			want:    nil,
		},
		{
			name:    "a syntax error is never silenced",
			yaml:    "# valohai-ls: ignore\n- step: [\n",
			scripts: true,
			want:    []string{"yaml-syntax@1"},
		},
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "train.py"), []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// Whole, item by item and with a script cache: the same.
			for _, mode := range []Options{{}, {ItemByItem: true}, {Cache: scripts.NewCache()}} {
				if tc.scripts {
					mode.ScriptDir = dir
				}
				doc := document.New("file://"+filepath.Join(dir, "valohai.yaml"), 1, tc.yaml)
				got := codes(doc, File(ctx, doc, mode))
				if !reflect.DeepEqual(got, tc.want) {
					t.Errorf("%+v: got %v, want %v", mode, got, tc.want)
				}
			}
		})
	}
}

func codes(doc *document.Document, res Result) []string {
	var out []string
	for _, d := range res.Diagnostics {
		out = append(out, d.Code+"@"+strconv.Itoa(doc.Mapper().LineOf(d.Start)))
	}
	return out
}

// TestOwnOncePerVersion checks that a version's own findings are made
// once: the second call answers the same slice.
func TestOwnOncePerVersion(t *testing.T) {
	doc := document.New("u", 1, "- step:\n    name: a\n    nmae: x\n")
	first := Own(context.Background(), doc)
	if len(first) != 3 {
		t.Fatalf("got %d findings, want 3: %+v", len(first), first)
	}
	if again := Own(context.Background(), doc); &again[0] != &first[0] {
		t.Error("the findings were made again for the same version")
	}
}

// TestOwnCancelledNotKept checks that a run cancelled half-way is not
// kept for the version.
func TestOwnCancelledNotKept(t *testing.T) {
	doc := document.New("u", 1, "- step:\n    name: a\n    nmae: x\n")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	Own(ctx, doc)
	if got := Own(context.Background(), doc); len(got) != 3 {
		t.Errorf("after a cancelled run got %d findings, want 3: %+v", len(got), got)
	}
}
