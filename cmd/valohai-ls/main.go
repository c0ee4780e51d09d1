// Command valohai-ls is a language server and linter for valohai.yaml.
//
//	valohai-ls [serve] [--stdio] [--log-file PATH] [--log-level LEVEL]
//	valohai-ls check [--format text|json|github|sarif] [--strict-warnings] [PATH ...]
//	valohai-ls schema
//	valohai-ls version
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

const usage = `valohai-ls: a language server and linter for valohai.yaml

Usage:
  valohai-ls [serve] [--stdio] [--log-file PATH] [--log-level LEVEL]
      Serve the Language Server Protocol on stdin/stdout.
  valohai-ls check [--format text|json|github|sarif] [--strict-warnings] [PATH ...]
      Check files. A directory means its valohai.yaml or valohai.yml;
      no PATH means the current directory. Exit status: 0 no errors,
      1 errors found (or warnings, with --strict-warnings), 2 usage or
      I/O problem. Comments "# valohai-ls: ignore[code]" silence findings.
  valohai-ls schema
      Print a JSON Schema of valohai.yaml.
  valohai-ls version
      Print the version.

Run 'valohai-ls COMMAND --help' for a command's flags.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run executes the command line args and returns the exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cmd := "serve"
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		return runServe(ctx, args, stdin, stdout, stderr)
	case "check":
		return runCheck(ctx, args, stdout, stderr)
	case "schema":
		return runSchema(args, stdout, stderr)
	case "version":
		fmt.Fprintf(stdout, "valohai-ls %s\n", version)
		return 0
	case "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "valohai-ls: unknown command %q\n\n%s", cmd, usage)
	return 2
}
