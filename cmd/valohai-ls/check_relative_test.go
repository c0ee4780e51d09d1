package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckRelativePathReadsScripts checks a valohai.yaml named relative
// to the working directory: its scripts are compared as with an absolute
// path, not called outside the project.
func TestCheckRelativePathReadsScripts(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "proj")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, sub, "train.py", "import argparse\np = argparse.ArgumentParser()\np.add_argument('--out', required=True)\np.parse_args()\n")
	writeFile(t, sub, "valohai.yaml", "- step:\n    name: train\n    image: python:3.12\n    command: python train.py {parameters}\n")
	t.Chdir(dir)
	for _, path := range []string{"proj/valohai.yaml", filepath.Join(sub, "valohai.yaml")} {
		_, out, errb := runCLI(t, "", "check", path)
		if !strings.Contains(out, "[script-required-option]") || strings.Contains(out, "outside") {
			t.Errorf("check %s:\n%s%s", path, out, errb)
		}
	}
}
