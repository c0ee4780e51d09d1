package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/valohai-ls/valohai-ls/atomicfile"
	files "github.com/valohai-ls/valohai-ls/project"
	"github.com/valohai-ls/valohai-ls/schema"
	"github.com/valohai-ls/valohai-ls/stepsync"
	"github.com/valohai-ls/valohai-ls/textenc"
	"github.com/valohai-ls/valohai-ls/udiff"
)

// stepFlags are the step command's flags.
type stepFlags struct {
	config string
	write  bool
	diff   bool
}

func (f *stepFlags) declare(fs *flag.FlagSet) {
	fs.StringVar(&f.config, "config", "", "the valohai.yaml to update (default: valohai.yaml or valohai.yml of the current directory; none is fine)")
	fs.BoolVar(&f.write, "write", false, "change the file in place instead of printing it")
	fs.BoolVar(&f.diff, "diff", false, "print a unified diff instead of the file")
}

// Exit statuses of the step command.
const (
	stepOK    = 0
	stepUsage = 2
)

func runStep(_ context.Context, args []string, stdout, stderr io.Writer) int {
	var f stepFlags
	paths, code, ok := parseCommand("step", f.declare, args, stdout, stderr)
	if !ok {
		return code
	}
	if len(paths) == 0 {
		fmt.Fprintln(stderr, "valohai-ls step: name at least one Python script\nRun 'valohai-ls help step' for the flags.")
		return stepUsage
	}
	if f.write && f.diff {
		fmt.Fprintln(stderr, "valohai-ls step: --write and --diff cannot be used together")
		return stepUsage
	}
	config, err := findConfig(f.config)
	if err != nil {
		fmt.Fprintf(stderr, "valohai-ls step: %v\n", err)
		return stepUsage
	}
	old, enc := "", textenc.UTF8
	if raw, err := os.ReadFile(config); err == nil {
		if err := unwritable(config, raw); err != nil && f.write {
			fmt.Fprintf(stderr, "valohai-ls step: %v\n", err)
			return stepUsage
		}
		old, enc = textenc.Decode(raw)
	} else if !errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(stderr, "valohai-ls step: %v\n", err)
		return stepUsage
	}
	text, err := addScripts(old, config, paths, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "valohai-ls step: %v\n", err)
		return stepUsage
	}
	switch {
	case f.write:
		if text == old {
			return stepOK
		}
		out, err := enc.Encode(text)
		if err == nil {
			err = atomicfile.Write(config, out)
		}
		if err != nil {
			fmt.Fprintf(stderr, "valohai-ls step: %v\n", err)
			return stepUsage
		}
	case f.diff:
		name := filepath.ToSlash(config)
		fmt.Fprint(stdout, udiff.Diff(name, name, old, text))
	default:
		out, err := enc.Encode(text) // the file, in its encoding
		if err != nil {
			fmt.Fprintf(stderr, "valohai-ls step: %v\n", err)
			return stepUsage
		}
		_, _ = stdout.Write(out)
	}
	return stepOK
}

// findConfig returns the file to update: path, else valohai.yaml or
// valohai.yml of the current directory (valohai.yaml when neither exists).
func findConfig(path string) (string, error) {
	if path != "" {
		if st, err := os.Stat(path); err == nil && st.IsDir() {
			return "", fmt.Errorf("--config %s is a directory; name the file", path)
		}
		return path, nil
	}
	for _, name := range schema.FileNames {
		if _, err := os.Stat(name); err == nil {
			return name, nil
		}
	}
	return schema.FileNames[0], nil
}

// addScripts adds or syncs the step of each script's prepare() in text,
// the content of config.
func addScripts(text, config string, paths []string, stderr io.Writer) (string, error) {
	base, err := filepath.Abs(filepath.Dir(config))
	if err != nil {
		return "", fmt.Errorf("locate %s: %w", config, err)
	}
	r := files.NewReader()
	for _, s := range paths {
		next, refused, err := stepsync.AddFile(text, base, s, r)
		if errors.Is(err, files.ErrOutside) {
			return "", fmt.Errorf("%s is not inside %s, the directory of %s", s, base, config)
		}
		if err != nil {
			return "", err
		}
		for _, why := range refused {
			fmt.Fprintf(stderr, "valohai-ls step: %s: left out: %s\n", s, why)
		}
		text = next
	}
	return text, nil
}
