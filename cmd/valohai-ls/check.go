package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/valohai-ls/valohai-ls/check"
)

// checkFlags are the check command's flags.
type checkFlags struct {
	format        setString
	strict        bool
	quiet         bool
	color         string
	stdinFilename string
	noScripts     bool
	fix           bool
}

func (f *checkFlags) declare(fs *flag.FlagSet) {
	f.format.value = "text"
	fs.Var(&f.format, "format", "output format: "+strings.Join(check.Formats, ", "))
	fs.BoolVar(&f.strict, "strict-warnings", false, "exit with status 1 on warnings too")
	fs.BoolVar(&f.quiet, "quiet", false, "print only errors (the exit status is unchanged)")
	fs.StringVar(&f.color, "color", "auto", "colour the text output: auto (on a terminal, unless NO_COLOR is set), always or never")
	fs.BoolVar(&f.noScripts, "no-scripts", false, "do not compare steps with the Python scripts they run")
	fs.BoolVar(&f.fix, "fix", false, "first apply, in each file, every fix that needs no choice (a misspelling or another word with one candidate, a text value quoted, a name made valid, the one edit that undoes a syntax error), then check the result")
	fs.StringVar(&f.stdinFilename, "stdin-filename", "", "with -, the path reported for stdin; its directory is where scripts are looked for (default "+check.StdinName+")")
}

func runCheck(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var f checkFlags
	paths, code, ok := parseCommand("check", f.declare, args, stdout, stderr)
	if !ok {
		return code
	}
	if !slices.Contains(check.Formats, f.format.value) {
		fmt.Fprintf(stderr, "valohai-ls check: unknown format %q (use %s)\n", f.format.value, strings.Join(check.Formats, ", "))
		return check.ExitUsage
	}
	color, ok := useColor(f.color, stdout)
	if !ok {
		fmt.Fprintf(stderr, "valohai-ls check: unknown --color %q (use auto, always or never)\n", f.color)
		return check.ExitUsage
	}
	if n := countStdin(paths); n > 1 {
		fmt.Fprintln(stderr, "valohai-ls check: - (stdin) can be given only once")
		return check.ExitUsage
	} else if n == 0 && f.stdinFilename != "" {
		fmt.Fprintln(stderr, "valohai-ls check: --stdin-filename needs - among the paths")
		return check.ExitUsage
	}
	if f.fix && countStdin(paths) > 0 {
		fmt.Fprintln(stderr, "valohai-ls check: --fix changes files, not stdin")
		return check.ExitUsage
	}
	if f.fix && !fixFiles(ctx, paths, stderr) {
		return check.ExitUsage
	}
	check.ToolVersion = version
	limitMemory(paths)
	results := checkPaths(ctx, check.Checker{NoScripts: f.noScripts}, paths, stdin, f.stdinFilename)
	code = check.ExitCodeStrict(results, f.strict)
	shown := results
	if f.quiet {
		shown = check.OnlyErrors(results)
	}
	// The summary is for a person: on a terminal, or when text is asked
	// for by name (a tool reading the default output gets findings only).
	opts := check.Options{Color: color, Summary: !f.quiet && (f.format.set || isTerminal(stdout))}
	if err := check.WriteOptions(stdout, f.format.value, shown, opts); err != nil {
		fmt.Fprintf(stderr, "valohai-ls check: %v\n", err)
		return check.ExitUsage
	}
	check.ReportErrors(stderr, results)
	return code
}

// setString is a string flag that remembers whether it was given.
type setString struct {
	value string
	set   bool
}

func (s *setString) String() string { return s.value }

func (s *setString) Set(v string) error {
	s.value, s.set = v, true
	return nil
}

// limitMemory asks the garbage collector to collect more often when the
// largest file to check is big: a huge file is checked item by item, and
// most of what it allocates is soon garbage.
func limitMemory(paths []string) {
	largest := int64(0)
	for _, p := range paths {
		if p == "-" {
			continue
		}
		if r, err := check.Resolve(p); err == nil {
			if st, err := os.Stat(r); err == nil {
				largest = max(largest, st.Size())
			}
		}
	}
	if largest > bigFile && os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
}

// bigFile is the size from which limitMemory collects more often.
const bigFile = 4 << 20

// checkPaths checks each path in order, "-" being the file on stdin.
func checkPaths(ctx context.Context, k check.Checker, paths []string, stdin io.Reader, stdinName string) []check.Result {
	if len(paths) == 0 {
		return k.Files(ctx, nil)
	}
	results := make([]check.Result, 0, len(paths))
	for _, p := range paths {
		if p == "-" {
			if stdin == nil {
				stdin = strings.NewReader("")
			}
			results = append(results, k.Reader(ctx, stdinName, stdin))
			continue
		}
		results = append(results, k.File(ctx, p))
	}
	return results
}

func countStdin(paths []string) int {
	n := 0
	for _, p := range paths {
		if p == "-" {
			n++
		}
	}
	return n
}

// useColor decides whether the text output is coloured: "auto" colours a
// terminal unless NO_COLOR is set (to anything but the empty string).
func useColor(when string, stdout io.Writer) (color, ok bool) {
	switch when {
	case "always":
		return true, true
	case "never":
		return false, true
	case "auto", "":
		return os.Getenv("NO_COLOR") == "" && isTerminal(stdout), true
	}
	return false, false
}
