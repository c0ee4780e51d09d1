package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

func TestCheckFormatsAndStrictWarnings(t *testing.T) {
	dir := t.TempDir()
	warn := writeFile(t, dir, "warn.yaml", warnYAML)
	bad := writeFile(t, dir, "bad.yaml", badYAML)
	suppressed := writeFile(t, dir, "suppressed.yaml", strings.Replace(badYAML, "bogus: 1", "bogus: 1 # valohai-ls: ignore[unknown-key]", 1))

	run1 := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		code := run(context.Background(), append([]string{"check"}, args...), nil, &out, &errb)
		return code, out.String(), errb.String()
	}
	if code, _, _ := run1(warn); code != 0 {
		t.Errorf("warnings only: exit %d, want 0", code)
	}
	if code, _, _ := run1("--strict-warnings", warn); code != 1 {
		t.Errorf("warnings with --strict-warnings: exit %d, want 1", code)
	}
	code, out, _ := run1("--format", "github", bad)
	if code != 1 {
		t.Errorf("github format: exit %d", code)
	}
	line := regexp.MustCompile(`(?m)^::error file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::.+$`)
	if n := len(line.FindAllString(out, -1)); n != strings.Count(out, "\n") || n == 0 {
		t.Errorf("github output is not one ::error line per diagnostic:\n%s", out)
	}
	code, out, _ = run1("--format", "sarif", bad)
	if code != 1 || !strings.Contains(out, `"version": "2.1.0"`) {
		t.Errorf("sarif: exit %d\n%s", code, out)
	}
	code, out, _ = run1(suppressed)
	if strings.Contains(out, "bogus") {
		t.Errorf("suppressed finding printed (exit %d):\n%s", code, out)
	}
}

// TestPreCommitHook checks the hook definition at the repository root.
func TestPreCommitHook(t *testing.T) {
	data, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct {
		ID       string `yaml:"id"`
		Language string `yaml:"language"`
		Entry    string `yaml:"entry"`
		Files    string `yaml:"files"`
	}
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	if len(hooks) != 1 || hooks[0].ID != "valohai-ls" || hooks[0].Language != "golang" || hooks[0].Entry != "valohai-ls check" {
		t.Fatalf("hook: %+v", hooks)
	}
	re := regexp.MustCompile(hooks[0].Files)
	for name, want := range map[string]bool{
		"valohai.yaml": true, "sub/dir/valohai.yml": true, "myvalohai.yaml": false, "valohai.yaml.bak": false, "valohai.json": false,
	} {
		if re.MatchString(name) != want {
			t.Errorf("files pattern on %q: %v, want %v", name, !want, want)
		}
	}
}

// TestCheckSummary checks the line that ends a text run for a person:
// with --format text (or on a terminal), not in the default output a tool
// reads from a pipe, never with --quiet.
func TestCheckSummary(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, dir, "bad.yaml", badYAML)    // an error and a warning
	warn := writeFile(t, dir, "warn.yaml", warnYAML) // two warnings
	clean := writeFile(t, dir, "clean.yaml", cleanYAML)
	missing := filepath.Join(dir, "missing.yaml")
	summary := regexp.MustCompile(`(?m)^(\d+ [a-z]+(, \d+ [a-z]+)* in \d+ files?|no problems in \d+ files?)(; \d+ files? could not be read)?$`)
	tests := []struct {
		args []string
		want string // the summary; "" for none
	}{
		{[]string{"--format", "text", bad, warn, clean}, "2 errors, 1 warning in 2 files"},
		{[]string{"--format=text", clean}, "no problems in 1 file"},
		{[]string{"--format", "text", clean, missing}, "no problems in 1 file; 1 file could not be read"},
		{[]string{"--format", "text", "--quiet", bad}, ""},
		{[]string{bad, warn}, ""},
		{[]string{"--format", "json", bad}, ""},
	}
	for _, tc := range tests {
		_, out, _ := runCLI(t, "", append([]string{"check"}, tc.args...)...)
		got := summary.FindAllString(out, -1)
		if tc.want == "" && len(got) > 0 || tc.want != "" && !strings.HasSuffix(out, "\n"+tc.want+"\n") && out != tc.want+"\n" {
			t.Errorf("%q: summary %q, want %q:\n%s", tc.args, got, tc.want, out)
		}
	}
}
