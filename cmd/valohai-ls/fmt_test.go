package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFmtCommand(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "valohai.yaml")
	src := "- step:\n        name: a   # the name\n        image: b\n- step:\n        name: c\n        image: d\n"
	want := "- step:\n    name: a   # the name\n    image: b\n\n- step:\n    name: c\n    image: d\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	run1 := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		code := run(t.Context(), append([]string{"fmt"}, args...), nil, &out, &errb)
		return code, out.String(), errb.String()
	}
	if code, out, _ := run1("--indent", "2", path); code != 0 || out != want {
		t.Errorf("fmt printed %q (%d), want %q", out, code, want)
	}
	if code, out, _ := run1("--check", "--indent", "2", path); code != 1 || strings.TrimSpace(out) != path {
		t.Errorf("fmt --check = %d %q, want 1 and the path", code, out)
	}
	if code, out, _ := run1("--diff", "--indent", "2", path); code != 0 || !strings.Contains(out, "+    name: a   # the name") {
		t.Errorf("fmt --diff = %d %q", code, out)
	}
	if code, _, _ := run1("--write", "--indent", "2", dir); code != 0 {
		t.Fatalf("fmt --write = %d", code)
	}
	if got, _ := os.ReadFile(path); string(got) != want {
		t.Errorf("--write wrote %q", got)
	}
	if code, _, _ := run1("--check", path); code != 0 {
		t.Errorf("a formatted file fails --check: %d", code)
	}
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("- step:\n    name: [a\n"), 0o644)
	code, _, stderr := run1("--write", bad)
	if got, _ := os.ReadFile(bad); code != 2 || string(got) != "- step:\n    name: [a\n" || !strings.Contains(stderr, "does not parse") {
		t.Errorf("a file that does not parse: %d %q, left %q", code, stderr, got)
	}
}
