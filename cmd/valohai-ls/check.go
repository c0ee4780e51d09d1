package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"slices"

	"github.com/valohai-ls/valohai-ls/check"
)

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output format: text or json")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: valohai-ls check [--format text|json] [PATH ...]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return check.ExitUsage
	}
	if !slices.Contains(check.Formats, *format) {
		fmt.Fprintf(stderr, "valohai-ls check: unknown format %q (use text or json)\n", *format)
		return check.ExitUsage
	}
	results := check.Files(ctx, fs.Args())
	if err := check.Write(stdout, *format, results); err != nil {
		fmt.Fprintf(stderr, "valohai-ls check: %v\n", err)
		return check.ExitUsage
	}
	check.ReportErrors(stderr, results)
	return check.ExitCode(results)
}
