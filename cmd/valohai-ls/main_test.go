package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const (
	cleanYAML = "- endpoint:\n    name: predict\n    image: x\n    wsgi: a:b\n"
	badYAML   = "- endpoint:\n    name: predict\n    description: \"é😀\"\n    wsgi: a:b\n    bogus: 1\n"
	warnYAML  = cleanYAML + cleanYAML
)

func TestCheckExitCodesAndText(t *testing.T) {
	dir := t.TempDir()
	clean := writeFile(t, dir, "clean.yaml", cleanYAML)
	bad := writeFile(t, dir, "bad.yaml", badYAML)
	warn := writeFile(t, dir, "warn.yaml", warnYAML)
	sub := filepath.Join(dir, "proj")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, sub, "valohai.yml", cleanYAML)

	tests := []struct {
		name     string
		args     []string
		code     int
		stdout   []string
		stderr   string
		noStdout bool
	}{
		{"clean file", []string{"check", clean}, 0, nil, "", true},
		{"warnings only", []string{"check", warn}, 0, []string{"warn.yaml:6:11: warning: duplicate endpoint name"}, "", false},
		{"errors", []string{"check", bad}, 1, []string{
			"bad.yaml:1:3: error: endpoint \"predict\" needs an image [missing-key]",
			"bad.yaml:5:5: error: unknown key \"bogus\" in endpoint \"predict\"",
		}, "", false},
		{"directory with valohai.yml", []string{"check", sub}, 0, nil, "", true},
		{"missing file after others", []string{"check", bad, filepath.Join(dir, "nope.yaml")}, 2, []string{"bad.yaml:1:3"}, "nope.yaml", false},
		{"directory without file", []string{"check", t.TempDir()}, 2, nil, "no valohai.yaml", true},
		{"bad format", []string{"check", "--format", "xml", clean}, 2, nil, "unknown format", true},
		{"unknown command", []string{"frobnicate"}, 2, nil, "unknown command", true},
		{"version", []string{"version"}, 0, []string{"valohai-ls "}, "", false},
		{"help", []string{"--help"}, 0, []string{"Usage", "valohai-ls check", "--strict-warnings"}, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(context.Background(), tc.args, strings.NewReader(""), &out, &errb)
			if code != tc.code {
				t.Errorf("exit code %d, want %d; stdout:\n%s\nstderr:\n%s", code, tc.code, out.String(), errb.String())
			}
			for _, s := range tc.stdout {
				if !strings.Contains(out.String(), s) {
					t.Errorf("stdout lacks %q:\n%s", s, out.String())
				}
			}
			if tc.noStdout && out.Len() > 0 {
				t.Errorf("unexpected stdout:\n%s", out.String())
			}
			if tc.stderr != "" && !strings.Contains(errb.String(), tc.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, errb.String())
			}
		})
	}
}

func TestCheckJSON(t *testing.T) {
	dir := t.TempDir()
	clean := writeFile(t, dir, "clean.yaml", cleanYAML)
	bad := writeFile(t, dir, "bad.yaml", "- endpoint: {description: \"é😀\", bogus: 1, name: p1, image: x, wsgi: a}\n")
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"check", "--format", "json", clean, bad, dir}, strings.NewReader(""), &out, &errb)
	if code != 2 {
		t.Fatalf("exit code %d, want 2 (the directory has no valohai.yaml)", code)
	}
	var files []struct {
		Path        string `json:"path"`
		Diagnostics []struct {
			Range struct {
				Start struct{ Line, Character int } `json:"start"`
				End   struct{ Line, Character int } `json:"end"`
			} `json:"range"`
			Severity, Code, Message string
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal(out.Bytes(), &files); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, out.String())
	}
	if len(files) != 3 || files[0].Path != clean || files[1].Path != bad || files[2].Path != filepath.Join(dir, "valohai.yaml") {
		t.Fatalf("entries: %+v", files)
	}
	if files[0].Diagnostics == nil || len(files[0].Diagnostics) != 0 {
		t.Errorf("clean file: want an empty list, got %+v", files[0].Diagnostics)
	}
	d := files[1].Diagnostics[0]
	// "bogus" follows `- endpoint: {description: "é😀", `: 32 characters,
	// 33 UTF-16 units (the emoji takes two).
	if d.Code != "unknown-key" || d.Severity != "error" || d.Range.Start.Line != 0 || d.Range.Start.Character != 33 || d.Range.End.Character != 38 {
		t.Errorf("diagnostic = %+v", d)
	}
}

func TestCheckTextColumnsCountCharacters(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, dir, "v.yaml", "- endpoint: {description: \"é😀\", bogus: 1, name: p1, image: x, wsgi: a}\n")
	var out, errb bytes.Buffer
	run(context.Background(), []string{"check", bad}, strings.NewReader(""), &out, &errb)
	// 32 characters precede "bogus", so it is in column 33.
	if !strings.Contains(out.String(), "v.yaml:1:33: error: unknown key") {
		t.Errorf("stdout:\n%s", out.String())
	}
}
