package workspace

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

const stepsAndPipeline = `- step:
    name: train-model
    image: python:3.12
    command: python train.py
- pipeline:
    name: nightly
    nodes:
      - name: fit
        type: execution
        step: train-model
    edges: []
- endpoint:
    name: predict
    image: python:3.12
    server-command: python serve.py
`

func write(t testing.TB, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestScan finds the files of a monorepo, and not those in hidden
// directories, node_modules or behind links.
func TestScan(t *testing.T) {
	root, outside := t.TempDir(), t.TempDir()
	write(t, filepath.Join(root, "valohai.yaml"), stepsAndPipeline)
	write(t, filepath.Join(root, "vision", "valohai.yml"), "- step:\n    name: segment\n    image: x\n    command: y\n")
	write(t, filepath.Join(root, ".git", "valohai.yaml"), "- step:\n    name: hidden\n")
	write(t, filepath.Join(root, "node_modules", "p", "valohai.yaml"), "- step:\n    name: vendored\n")
	write(t, filepath.Join(outside, "valohai.yaml"), "- step:\n    name: secret\n")
	if err := os.MkdirAll(filepath.Join(root, "linked"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "valohai.yaml"), filepath.Join(root, "linked", "valohai.yaml")); err != nil {
		t.Fatal(err)
	}
	x := New([]string{root})
	if err := x.Scan(context.Background()); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range Match(x.Files(), "") {
		rel, _ := filepath.Rel(root, s.Path)
		got = append(got, fmt.Sprintf("%s %s %s in %s", s.Kind, s.Name, s.Container, rel))
	}
	want := []string{
		"node fit nightly in valohai.yaml",
		"pipeline nightly  in valohai.yaml",
		"endpoint predict  in valohai.yaml",
		"step segment  in vision/valohai.yml",
		"step train-model  in valohai.yaml",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}

	// A changed file is read again; a deleted one goes; one outside the
	// roots is never read.
	write(t, filepath.Join(root, "vision", "valohai.yml"), "- step:\n    name: detect\n    image: x\n    command: y\n")
	x.Update(filepath.Join(root, "vision", "valohai.yml"))
	if err := os.Remove(filepath.Join(root, "valohai.yaml")); err != nil {
		t.Fatal(err)
	}
	x.Update(filepath.Join(root, "valohai.yaml"))
	x.Update(filepath.Join(outside, "valohai.yaml"))
	got = nil
	for _, s := range Match(x.Files(), "") {
		got = append(got, s.Name)
	}
	if !reflect.DeepEqual(got, []string{"detect"}) {
		t.Errorf("after the changes: %q", got)
	}
}

// TestMatch orders fuzzy matches: a prefix first, then a substring, then
// the characters in order, closest together first.
func TestMatch(t *testing.T) {
	syms := map[string][]Symbol{"f": {
		{Name: "train-model"}, {Name: "pretrain"}, {Name: "transform-data"}, {Name: "evaluate"}, {Name: "train"},
	}}
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"train", []string{"train", "train-model", "pretrain"}},
		{"TRAIN", []string{"train", "train-model", "pretrain"}},
		{"tm", []string{"train-model", "transform-data"}},
		{"eval", []string{"evaluate"}},
		{"zz", nil},
	} {
		var got []string
		for _, s := range Match(syms, tc.query) {
			got = append(got, s.Name)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: got %q, want %q", tc.query, got, tc.want)
		}
	}
}

// BenchmarkMatch200 queries the symbols of 200 indexed files (the goal:
// under 50 ms).
func BenchmarkMatch200(b *testing.B) {
	root := b.TempDir()
	for i := 0; i < 200; i++ {
		var text string
		for j := 0; j < 10; j++ {
			text += fmt.Sprintf("- step:\n    name: step-%d-%d\n    image: x\n    command: y\n", i, j)
		}
		text += fmt.Sprintf("- pipeline:\n    name: pipe-%d\n    nodes:\n      - name: n1\n        type: execution\n        step: step-%d-0\n    edges: []\n", i, i)
		write(b, filepath.Join(root, fmt.Sprint("p", i), "valohai.yaml"), text)
	}
	x := New([]string{root})
	if err := x.Scan(context.Background()); err != nil {
		b.Fatal(err)
	}
	files := x.Files()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if len(Match(files, "stp1")) == 0 {
			b.Fatal("no match")
		}
	}
}
