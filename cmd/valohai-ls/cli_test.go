package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// runCLI runs the command line with stdin and returns the exit code,
// stdout and stderr.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestParseArgs(t *testing.T) {
	tests := []struct {
		args       []string
		positional []string
		format     string
		quiet      bool
	}{
		{[]string{"a.yaml", "--format", "json"}, []string{"a.yaml"}, "json", false},
		{[]string{"--format=json", "a.yaml", "--quiet", "b.yaml"}, []string{"a.yaml", "b.yaml"}, "json", true},
		{[]string{"-", "--quiet"}, []string{"-"}, "text", true},
		{[]string{"--quiet", "--", "--format", "-x"}, []string{"--format", "-x"}, "text", true},
		{[]string{"--format", "--", "a"}, []string{"a"}, "--", false},
		{nil, nil, "text", false},
	}
	for _, tc := range tests {
		fs := flag.NewFlagSet("check", flag.ContinueOnError)
		var f checkFlags
		f.declare(fs)
		got, err := parseArgs(fs, tc.args)
		if err != nil {
			t.Errorf("%q: %v", tc.args, err)
			continue
		}
		if !reflect.DeepEqual(got, tc.positional) || f.format.value != tc.format || f.quiet != tc.quiet {
			t.Errorf("%q: positional %q, format %q, quiet %v; want %q, %q, %v", tc.args, got, f.format.value, f.quiet, tc.positional, tc.format, tc.quiet)
		}
	}
}

func TestCheckFlagAfterPath(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "valohai.yaml", badYAML)
	code, out, errb := runCLI(t, "", "check", p, "--format", "json")
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, errb)
	}
	var files []struct {
		Path        string `json:"path"`
		Diagnostics []struct{ Code string }
	}
	if err := json.Unmarshal([]byte(out), &files); err != nil {
		t.Fatalf("not JSON (%v):\n%s", err, out)
	}
	if len(files) != 1 || files[0].Path != p || len(files[0].Diagnostics) == 0 {
		t.Errorf("files = %+v", files)
	}
}

func TestCheckStdin(t *testing.T) {
	code, out, errb := runCLI(t, badYAML, "check", "-")
	if code != 1 || !strings.Contains(out, "<stdin>:5:5: error: unknown key \"bogus\"") {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errb)
	}
	code, out, _ = runCLI(t, badYAML, "check", "--stdin-filename", "proj/valohai.yaml", "-", "--format", "github")
	if code != 1 || !strings.Contains(out, "file=proj/valohai.yaml,line=5") {
		t.Errorf("--stdin-filename: exit %d\n%s", code, out)
	}
	if code, out, _ = runCLI(t, cleanYAML, "check", "-"); code != 0 || out != "" {
		t.Errorf("clean stdin: exit %d\n%s", code, out)
	}
	if code, _, errb = runCLI(t, cleanYAML, "check", "-", "-"); code != 2 || !strings.Contains(errb, "only once") {
		t.Errorf("stdin twice: exit %d, stderr %s", code, errb)
	}
	if code, _, errb = runCLI(t, cleanYAML, "check", "--stdin-filename", "x.yaml", "."); code != 2 || !strings.Contains(errb, "needs -") {
		t.Errorf("--stdin-filename without -: exit %d, stderr %s", code, errb)
	}
}

func TestCheckQuiet(t *testing.T) {
	dir := t.TempDir()
	warn := writeFile(t, dir, "warn.yaml", warnYAML)
	bad := writeFile(t, dir, "bad.yaml", badYAML+"\n"+strings.TrimPrefix(cleanYAML, ""))
	code, out, _ := runCLI(t, "", "check", "--quiet", warn, bad)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if strings.Contains(out, "warning:") || !strings.Contains(out, "error:") {
		t.Errorf("--quiet printed:\n%s", out)
	}
	// The exit status still counts the warnings that are not printed.
	if code, out, _ := runCLI(t, "", "check", warn, "--quiet", "--strict-warnings"); code != 1 || out != "" {
		t.Errorf("--quiet --strict-warnings: exit %d\n%s", code, out)
	}
}

func TestCheckColor(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, dir, "bad.yaml", badYAML)
	_, out, _ := runCLI(t, "", "check", bad, "--color", "always")
	if !strings.Contains(out, "\x1b[1;31merror\x1b[0m") {
		t.Errorf("--color always: no coloured severity:\n%q", out)
	}
	// A buffer is not a terminal: no colour.
	if _, out, _ := runCLI(t, "", "check", bad); strings.Contains(out, "\x1b[") {
		t.Errorf("colour when not on a terminal:\n%q", out)
	}
	if code, _, errb := runCLI(t, "", "check", bad, "--color", "pink"); code != 2 || !strings.Contains(errb, "--color") {
		t.Errorf("bad --color: exit %d, %s", code, errb)
	}
	for _, tc := range []struct {
		noColor string
		want    bool
	}{{"", true}, {"1", false}} {
		t.Setenv("NO_COLOR", tc.noColor)
		tty, err := os.Open(os.DevNull) // a character device, as a terminal is
		if err != nil {
			t.Fatal(err)
		}
		got, _ := useColor("auto", tty)
		tty.Close()
		if got != tc.want {
			t.Errorf("NO_COLOR=%q on a terminal: colour %v, want %v", tc.noColor, got, tc.want)
		}
	}
}

func TestHelp(t *testing.T) {
	code, out, _ := runCLI(t, "", "--help")
	if code != 0 {
		t.Fatalf("--help: exit %d", code)
	}
	for _, c := range commands {
		if !strings.Contains(out, "valohai-ls "+c.synopsis()) {
			t.Errorf("--help lacks the %s command:\n%s", c.name, out)
		}
	}
	for _, f := range []string{"--format FORMAT", "--quiet", "--strict-warnings", "--stdin-filename NAME", "--color WHEN", "--log-file PATH", "--log-level LEVEL"} {
		if !strings.Contains(out, f) {
			t.Errorf("--help lacks flag %s", f)
		}
	}
	if _, out2, _ := runCLI(t, "", "help"); out2 != out {
		t.Errorf("help and --help differ")
	}
	for _, args := range [][]string{{"help", "check"}, {"check", "--help"}, {"check", "x.yaml", "-h"}} {
		code, out, _ := runCLI(t, "", args...)
		if code != 0 || !strings.HasPrefix(out, "Usage: valohai-ls check") || !strings.Contains(out, "--stdin-filename NAME") {
			t.Errorf("%q: exit %d\n%s", args, code, out)
		}
	}
	if code, out, _ := runCLI(t, "", "help", "serve"); code != 0 || !strings.Contains(out, "--log-level LEVEL") || strings.Contains(out, "--format") {
		t.Errorf("help serve: exit %d\n%s", code, out)
	}
	if code, _, errb := runCLI(t, "", "help", "nope"); code != 2 || !strings.Contains(errb, "unknown command") {
		t.Errorf("help nope: exit %d\n%s", code, errb)
	}
	if code, out, _ := runCLI(t, "", "schema", "--help"); code != 0 || !strings.Contains(out, "JSON Schema") {
		t.Errorf("schema --help: exit %d\n%s", code, out)
	}
}

func TestServeOnTerminalSaysWhatItIs(t *testing.T) {
	tty, err := os.Open(os.DevNull) // a character device, as a terminal is; reads end at once
	if err != nil {
		t.Fatal(err)
	}
	defer tty.Close()
	var out, errb bytes.Buffer
	run(context.Background(), []string{"--log-file", filepath.Join(t.TempDir(), "log")}, tty, &out, &errb)
	if got := errb.String(); got != terminalNotice || strings.Count(got, "\n") != 1 || !strings.Contains(got, "--help") {
		t.Errorf("stderr = %q, want the one-line notice", got)
	}
	// From an editor (a pipe), nothing is printed before LSP begins.
	errb.Reset()
	run(context.Background(), []string{"serve", "--log-file", filepath.Join(t.TempDir(), "log")}, strings.NewReader(""), &out, &errb)
	if errb.Len() != 0 {
		t.Errorf("stderr from a pipe = %q", errb.String())
	}
}

// TestBinaryCommandLine runs the built binary as a shell would.
func TestBinaryCommandLine(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "valohai.yaml", badYAML)
	tests := []struct {
		name   string
		args   []string
		stdin  string
		code   int
		stdout string
	}{
		{"flag after the path", []string{"check", p, "--format", "json"}, "", 1, `"code": "unknown-key"`},
		{"stdin through a pipe", []string{"check", "-"}, badYAML, 1, "<stdin>:5:5: error: unknown key \"bogus\""},
		{"help", []string{"--help"}, "", 0, "valohai-ls check [--color WHEN] [--format FORMAT]"},
		{"help for a command", []string{"help", "check"}, "", 0, "--stdin-filename NAME"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cmd := exec.Command(binary, tc.args...)
			cmd.Stdin = strings.NewReader(tc.stdin)
			cmd.Env = append(os.Environ(), "NO_COLOR=")
			var out, errb bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errb
			err := cmd.Run()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != tc.code || !strings.Contains(out.String(), tc.stdout) {
				t.Errorf("exit %d (want %d)\nstdout:\n%s\nstderr:\n%s", code, tc.code, out.String(), errb.String())
			}
			if strings.Contains(out.String(), "\x1b[") {
				t.Errorf("colour in piped output:\n%q", out.String())
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args   []string
		stderr []string
	}{
		{[]string{"check", "--nope", "x.yaml"}, []string{"valohai-ls check: unknown flag --nope", "valohai-ls help check"}},
		{[]string{"check", "x.yaml", "--format"}, []string{"--format needs a value"}},
		{[]string{"serve", "--nope"}, []string{"valohai-ls serve: unknown flag --nope"}},
		{[]string{"valohai.yaml"}, []string{`unknown command "valohai.yaml"`, "To check a file: valohai-ls check valohai.yaml"}},
	}
	for _, tc := range tests {
		code, out, errb := runCLI(t, "", tc.args...)
		if code != 2 || out != "" {
			t.Errorf("%q: exit %d, stdout %q", tc.args, code, out)
		}
		for _, s := range tc.stderr {
			if !strings.Contains(errb, s) {
				t.Errorf("%q: stderr lacks %q:\n%s", tc.args, s, errb)
			}
		}
	}
}
