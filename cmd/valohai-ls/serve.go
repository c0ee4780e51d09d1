package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/valohai-ls/valohai-ls/server"
)

// serveFlags are the serve command's flags.
type serveFlags struct {
	logFile  string
	logLevel string
}

func (f *serveFlags) declare(fs *flag.FlagSet) {
	fs.Bool("stdio", true, "(hidden) serve on stdin/stdout, the default; accepted for editor clients")
	fs.StringVar(&f.logFile, "log-file", "", "write logs to this file instead of stderr")
	fs.StringVar(&f.logLevel, "log-level", "info", "log level: debug, info, warn or error")
}

// terminalNotice is printed when serve is started by hand in a terminal,
// which would otherwise wait silently for LSP messages.
const terminalNotice = "valohai-ls: speaking the Language Server Protocol on stdin/stdout for an editor; to check files run 'valohai-ls check', for help 'valohai-ls --help' (Ctrl-C to quit)\n"

func runServe(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var f serveFlags
	if _, code, ok := parseCommand("serve", f.declare, args, stdout, stderr); !ok {
		return code
	}
	if isTerminal(stdin) {
		fmt.Fprint(stderr, terminalNotice)
	}
	logger, closeLog, err := newLogger(f.logFile, f.logLevel, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "valohai-ls serve: %v\n", err)
		return 2
	}
	defer closeLog()
	opts := server.Options{
		Logger:            logger,
		Version:           version,
		EnablePanicMethod: os.Getenv("VALOHAI_LS_TEST_PANIC") == "1",
	}
	if err := server.Serve(ctx, stdio{stdin, stdout}, opts); err != nil {
		logger.Info("server stopped", zap.Error(err))
		return 1
	}
	return 0
}

// newLogger builds the server's logger, writing to path (or stderr) at level.
func newLogger(path, level string, stderr io.Writer) (*zap.Logger, func(), error) {
	lvl, err := zapcore.ParseLevel(level)
	if err != nil {
		return nil, nil, fmt.Errorf("bad --log-level %q: use debug, info, warn or error", level)
	}
	var w zapcore.WriteSyncer = zapcore.AddSync(stderr)
	closeFn := func() {}
	if path != "" {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			return nil, nil, fmt.Errorf("open log file: %w", err)
		}
		w = zapcore.AddSync(f)
		closeFn = func() { _ = f.Close() }
	}
	enc := zap.NewProductionEncoderConfig()
	enc.EncodeTime = zapcore.ISO8601TimeEncoder
	core := zapcore.NewCore(zapcore.NewConsoleEncoder(enc), zapcore.Lock(w), lvl)
	return zap.New(core), closeFn, nil
}

// stdio joins stdin and stdout into the connection's stream.
type stdio struct {
	io.Reader
	io.Writer
}

func (stdio) Close() error { return nil }
