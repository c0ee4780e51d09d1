package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/valohai-ls/valohai-ls/check"
)

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output format: "+strings.Join(check.Formats, ", "))
	strict := fs.Bool("strict-warnings", false, "exit with status 1 on warnings too")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: valohai-ls check [--format text|json|github|sarif] [--strict-warnings] [PATH ...]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return check.ExitUsage
	}
	if !slices.Contains(check.Formats, *format) {
		fmt.Fprintf(stderr, "valohai-ls check: unknown format %q (use %s)\n", *format, strings.Join(check.Formats, ", "))
		return check.ExitUsage
	}
	check.ToolVersion = version
	results := check.Files(ctx, fs.Args())
	if err := check.Write(stdout, *format, results); err != nil {
		fmt.Fprintf(stderr, "valohai-ls check: %v\n", err)
		return check.ExitUsage
	}
	check.ReportErrors(stderr, results)
	return check.ExitCodeStrict(results, *strict)
}
