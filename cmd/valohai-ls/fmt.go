package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/valohai-ls/valohai-ls/atomicfile"
	"github.com/valohai-ls/valohai-ls/check"
	"github.com/valohai-ls/valohai-ls/format"
	"github.com/valohai-ls/valohai-ls/textenc"
	"github.com/valohai-ls/valohai-ls/udiff"
)

// fmtFlags are the fmt command's flags.
type fmtFlags struct {
	check     bool
	diff      bool
	write     bool
	indent    int
	sequences string
}

func (f *fmtFlags) declare(fs *flag.FlagSet) {
	fs.BoolVar(&f.check, "check", false, "print the files that are not formatted and exit with status 1 if there are any; change nothing")
	fs.BoolVar(&f.diff, "diff", false, "print a unified diff of each file that is not formatted")
	fs.BoolVar(&f.write, "write", false, "change the files in place")
	fs.IntVar(&f.indent, "indent", 0, "spaces per level (default: what the file mostly uses, else 2)")
	fs.StringVar(&f.sequences, "sequences", "auto", "lists under a key: indented, flush (level with the key) or auto (what the file mostly does)")
}

// Exit statuses of the fmt command.
const (
	fmtOK        = 0
	fmtUnchanged = 1 // --check found files to format
	fmtUsage     = 2
)

func runFmt(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var f fmtFlags
	paths, code, ok := parseCommand("fmt", f.declare, args, stdout, stderr)
	if !ok {
		return code
	}
	opts, err := f.options()
	if err != nil {
		fmt.Fprintf(stderr, "valohai-ls fmt: %v\n", err)
		return fmtUsage
	}
	if n := btoi(f.check) + btoi(f.diff) + btoi(f.write); n > 1 {
		fmt.Fprintln(stderr, "valohai-ls fmt: use only one of --check, --diff and --write")
		return fmtUsage
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	if countStdin(paths) > 0 && (f.write || len(paths) > 1) {
		fmt.Fprintln(stderr, "valohai-ls fmt: - (stdin) is formatted alone, to stdout")
		return fmtUsage
	}
	code = fmtOK
	for _, p := range paths {
		if ctx.Err() != nil {
			return fmtUsage
		}
		code = max(code, f.file(p, opts, stdin, stdout, stderr))
	}
	return code
}

func (f *fmtFlags) options() (format.Options, error) {
	o := format.Options{Indent: f.indent}
	if f.indent < 0 || f.indent > format.MaxIndent {
		return o, fmt.Errorf("--indent %d: use 1 to %d, or 0 to follow the file", f.indent, format.MaxIndent)
	}
	seq, ok := format.SeqStyleNamed(f.sequences)
	if !ok {
		return o, fmt.Errorf("unknown --sequences %q (use indented, flush or auto)", f.sequences)
	}
	o.Sequences = seq
	return o, nil
}

// file formats one path ("-" is stdin) and returns its exit status.
func (f *fmtFlags) file(arg string, opts format.Options, stdin io.Reader, stdout, stderr io.Writer) int {
	path, data, err := readForFmt(arg, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "valohai-ls fmt: %v\n", err)
		return fmtUsage
	}
	if err := unwritable(path, data); err != nil && f.write {
		fmt.Fprintf(stderr, "valohai-ls fmt: %v\n", err)
		return fmtUsage
	}
	old, enc := textenc.Decode(data)
	r, err := format.Format(old, opts)
	if errors.Is(err, format.ErrSyntax) {
		fmt.Fprintf(stderr, "valohai-ls fmt: %s: %v\n", path, err)
		return fmtUsage
	}
	if err != nil {
		fmt.Fprintf(stderr, "valohai-ls fmt: %s: %v\n", path, err)
		return fmtUsage
	}
	if r.Kept != "" {
		fmt.Fprintf(stderr, "valohai-ls fmt: %s: indentation left as written: %s\n", path, r.Kept)
	}
	switch {
	case f.check:
		if r.Text != old {
			fmt.Fprintln(stdout, path)
			return fmtUnchanged
		}
	case f.diff:
		name := filepath.ToSlash(path)
		fmt.Fprint(stdout, udiff.Diff(name, name, old, r.Text))
	case f.write:
		if r.Text == old {
			return fmtOK
		}
		out, err := enc.Encode(r.Text)
		if err == nil {
			err = atomicfile.Write(path, out)
		}
		if err != nil {
			fmt.Fprintf(stderr, "valohai-ls fmt: %v\n", err)
			return fmtUsage
		}
	default:
		out, err := enc.Encode(r.Text) // the file as it is written, in its encoding
		if err != nil {
			fmt.Fprintf(stderr, "valohai-ls fmt: %s: %v\n", path, err)
			return fmtUsage
		}
		_, _ = stdout.Write(out)
	}
	return fmtOK
}

// readForFmt reads a path as check does (a directory means its
// valohai.yaml), or stdin for "-".
func readForFmt(arg string, stdin io.Reader) (string, []byte, error) {
	if arg == "-" {
		if stdin == nil {
			stdin = strings.NewReader("")
		}
		data, err := io.ReadAll(io.LimitReader(stdin, check.MaxFileSize+1))
		if err == nil && len(data) > check.MaxFileSize {
			err = fmt.Errorf("stdin is larger than %d MiB", check.MaxFileSize>>20)
		}
		return check.StdinName, data, err
	}
	path, err := check.Resolve(arg)
	if err != nil {
		return path, nil, err
	}
	data, err := check.ReadFile(path)
	return path, data, err
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
