// Command valohai-ls is a language server and linter for valohai.yaml.
//
//	valohai-ls [serve] [--log-file PATH] [--log-level LEVEL]
//	valohai-ls check [--color WHEN] [--format FORMAT] [--no-scripts] [--quiet] [--stdin-filename NAME] [--strict-warnings] [PATH ... | -]
//	valohai-ls step [--config PATH] [--diff] [--write] SCRIPT...
//	valohai-ls fmt [--check] [--diff] [--indent N] [--sequences STYLE] [--write] [PATH ... | -]
//	valohai-ls command [--config PATH] [--format FORMAT] [--node NAME] [--pipeline NAME] [--values JSON] [STEP]
//	valohai-ls graph [--config PATH] [--format FORMAT] [--pipeline NAME]
//	valohai-ls schema
//	valohai-ls version
//	valohai-ls help [COMMAND]
//
// Flags may be written before or after the paths; "--" ends the flags.
// These lines are what help prints (TestUsageLinesAreGenerated).
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan int, 1)
	go func() { done <- run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr) }()
	select {
	case code := <-done:
		os.Exit(code)
	case sig := <-sigs:
		os.Exit(interrupted(cancel, sig, done))
	}
}

// signalGrace is how long a command may take to end after SIGINT or
// SIGTERM (a file being replaced is renamed or removed in that time).
const signalGrace = 60 * time.Millisecond

// interrupted stops the command on a signal: it cancels its context, waits
// at most signalGrace for it to end, and returns the shell's exit status
// for the signal (130 for SIGINT, 143 for SIGTERM).
func interrupted(cancel context.CancelFunc, sig os.Signal, done <-chan int) int {
	cancel()
	select {
	case <-done:
	case <-time.After(signalGrace):
	}
	if sig == syscall.SIGTERM {
		return 128 + int(syscall.SIGTERM)
	}
	return 128 + int(syscall.SIGINT)
}

// run executes the command line args and returns the exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cmd := "serve"
	if len(args) > 0 {
		switch a := args[0]; {
		case a == "-h" || a == "-help" || a == "--help":
			writeUsage(stdout)
			return 0
		case a == "-version" || a == "--version":
			cmd, args = "version", args[1:]
		case len(a) > 0 && a[0] != '-':
			cmd, args = a, args[1:]
		}
	}
	switch cmd {
	case "serve":
		return runServe(ctx, args, stdin, stdout, stderr)
	case "check":
		return runCheck(ctx, args, stdin, stdout, stderr)
	case "step":
		return runStep(ctx, args, stdout, stderr)
	case "fmt":
		return runFmt(ctx, args, stdin, stdout, stderr)
	case "command":
		return runCommand(ctx, args, stdout, stderr)
	case "graph":
		return runGraph(ctx, args, stdout, stderr)
	case "schema":
		return runSchema(args, stdout, stderr)
	case "version":
		if _, code, ok := parseCommand("version", nil, args, stdout, stderr); !ok {
			return code
		}
		fmt.Fprintf(stdout, "valohai-ls %s\n", version)
		return 0
	case "help":
		return runHelp(args, stdout, stderr)
	}
	fmt.Fprintf(stderr, "valohai-ls: unknown command %q\n", cmd)
	if strings.HasSuffix(cmd, ".yaml") || strings.HasSuffix(cmd, ".yml") || strings.ContainsRune(cmd, os.PathSeparator) {
		fmt.Fprintf(stderr, "To check a file: valohai-ls check %s\n", cmd)
	}
	fmt.Fprintln(stderr, "Run 'valohai-ls --help' for the commands.")
	return 2
}
