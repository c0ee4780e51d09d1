package main

import (
	"flag"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestUsageLinesAreGenerated checks that every command's usage line names
// each flag help lists for it, and that the package comment of main.go
// shows the same lines help prints.
func TestUsageLinesAreGenerated(t *testing.T) {
	for _, c := range commands {
		syn := c.synopsis()
		c.flagSet().VisitAll(func(f *flag.Flag) {
			if !hidden(f) && !strings.Contains(syn, "[--"+f.Name) {
				t.Errorf("%s: usage line %q leaves out --%s", c.name, syn, f.Name)
			}
		})
		_, out, _ := runCLI(t, "", "help", c.name)
		if first, _, _ := strings.Cut(out, "\n"); first != "Usage: valohai-ls "+syn {
			t.Errorf("help %s starts %q, want the usage line %q", c.name, first, syn)
		}
	}
	src, err := os.ReadFile("main.go")
	if err != nil {
		t.Fatal(err)
	}
	var doc []string
	for _, m := range regexp.MustCompile(`(?m)^//\tvalohai-ls (.*)$`).FindAllStringSubmatch(string(src), -1) {
		doc = append(doc, m[1])
	}
	var want []string
	for _, c := range commands {
		want = append(want, c.synopsis())
	}
	if strings.Join(doc, "\n") != strings.Join(want, "\n") {
		t.Errorf("main.go's package comment shows\n%s\nhelp prints\n%s", strings.Join(doc, "\n"), strings.Join(want, "\n"))
	}
}

func TestFlagErrors(t *testing.T) {
	tests := []struct {
		args   []string
		stderr string
	}{
		{[]string{"check", "-f", "json"}, "valohai-ls check: unknown flag -f (did you mean --format?)\n"},
		{[]string{"check", "--formt=json"}, "valohai-ls check: unknown flag --formt (did you mean --format?)\n"},
		{[]string{"check", "--strict"}, "valohai-ls check: unknown flag --strict (did you mean --strict-warnings?)\n"},
		{[]string{"check", "--s"}, "valohai-ls check: unknown flag --s\n"}, // --stdin-filename or --strict-warnings
		{[]string{"check", "--bogus"}, "valohai-ls check: unknown flag --bogus\n"},
		{[]string{"check", "--quiet=maybe"}, `valohai-ls check: --quiet takes no value (got "maybe"): write --quiet alone to turn it on, or --quiet=false` + "\n"},
		{[]string{"check", "-quiet=maybe"}, `valohai-ls check: -quiet takes no value`},
		{[]string{"check", "x.yaml", "-format"}, "valohai-ls check: -format needs a value\n"},
		{[]string{"step", "-w"}, "valohai-ls step: unknown flag -w (did you mean --write?)\n"},
		{[]string{"version", "extra"}, `valohai-ls version: unexpected argument "extra": version takes none` + "\n"},
		{[]string{"version", "--json"}, "valohai-ls version: unknown flag --json\n"},
		{[]string{"schema", "out.json"}, `valohai-ls schema: unexpected argument "out.json": schema takes none` + "\n"},
		{[]string{"serve", "x.yaml"}, `valohai-ls serve: unexpected argument "x.yaml": serve takes none (to check a file: valohai-ls check x.yaml)` + "\n"},
		{[]string{"help", "check", "step"}, `valohai-ls help: unexpected argument "step": name one command` + "\n"},
	}
	for _, tc := range tests {
		code, out, errb := runCLI(t, "", tc.args...)
		if code != 2 || out != "" || !strings.HasPrefix(errb, tc.stderr) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2 and stderr starting %q", tc.args, code, out, errb, tc.stderr)
		}
	}
}

func TestFlagForms(t *testing.T) {
	tests := []struct {
		args   []string
		format string
		quiet  bool
	}{
		{[]string{"-format", "json"}, "json", false},
		{[]string{"-format=json", "--quiet=true"}, "json", true},
		{[]string{"--quiet", "--quiet=false"}, "text", false},
		{[]string{"--format=a=b"}, "a=b", false},
	}
	for _, tc := range tests {
		fs := flag.NewFlagSet("check", flag.ContinueOnError)
		var f checkFlags
		f.declare(fs)
		if _, err := parseArgs(fs, tc.args); err != nil || f.format.value != tc.format || f.quiet != tc.quiet {
			t.Errorf("%q: format %q, quiet %v, err %v; want %q, %v", tc.args, f.format.value, f.quiet, err, tc.format, tc.quiet)
		}
	}
	for _, args := range [][]string{{"version"}, {"version", "--help"}} {
		if code, out, errb := runCLI(t, "", args...); code != 0 || out == "" || errb != "" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", args, code, out, errb)
		}
	}
}
