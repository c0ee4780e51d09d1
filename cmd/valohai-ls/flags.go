package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/valohai-ls/valohai-ls/suggest"
)

// parseCommand parses args as the arguments of the command called name,
// whose flags declare binds to the caller's variables. It returns the
// positional arguments; ok is false when the command has nothing more to
// do: its help was asked for (code 0, printed on stdout) or the arguments
// are wrong (code 2, the problem said on stderr). A command whose usage
// names no positional arguments refuses them.
func parseCommand(name string, declare func(*flag.FlagSet), args []string, stdout, stderr io.Writer) (rest []string, code int, ok bool) {
	c, _ := lookupCommand(name)
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // parseArgs words the errors; help is writeCommandUsage's
	fs.Usage = func() {}
	if declare != nil {
		declare(fs)
	}
	rest, err := parseArgs(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		writeCommandUsage(stdout, c)
		return nil, 0, false
	case err != nil:
		fmt.Fprintf(stderr, "valohai-ls %s: %v\nRun 'valohai-ls help %s' for the flags.\n", name, err, name)
		return nil, 2, false
	case c.args == "" && len(rest) > 0:
		fmt.Fprintf(stderr, "valohai-ls %s: unexpected argument %q: %s takes none%s\n", name, rest[0], name, checkHint(rest[0]))
		return nil, 2, false
	}
	return rest, 0, true
}

// checkHint points a file or directory given to the wrong command to
// check.
func checkHint(arg string) string {
	_, err := os.Stat(arg)
	if err == nil || strings.HasSuffix(arg, ".yaml") || strings.HasSuffix(arg, ".yml") {
		return fmt.Sprintf(" (to check a file: valohai-ls check %s)", arg)
	}
	return ""
}

// parseArgs parses args with fs, allowing flags anywhere among the
// positional arguments (as `go vet` and most linters do), and returns the
// positional arguments in order. "--" ends the flags; "-" alone is a
// positional argument (stdin). A flag that takes a value reads the next
// argument unless written --name=value; one dash or two are alike. -h,
// -help and --help return flag.ErrHelp. An error names the flag as it was
// written.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			positional = append(positional, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			positional = append(positional, a)
			continue
		}
		written, value, hasValue := strings.Cut(a, "=")
		name := strings.TrimPrefix(written[1:], "-")
		f := fs.Lookup(name)
		switch {
		case f == nil && (name == "h" || name == "help"):
			return nil, flag.ErrHelp
		case f == nil:
			valued := hasValue || (i+1 < len(args) && !strings.HasPrefix(args[i+1], "-"))
			return nil, unknownFlag(fs, written, valued)
		case isBoolFlag(f):
			if !hasValue {
				value = "true"
			}
			if err := fs.Set(name, value); err != nil {
				return nil, fmt.Errorf("%s takes no value (got %q): write %s alone to turn it on, or %s=false", written, value, written, written)
			}
			continue
		case !hasValue && i+1 >= len(args):
			return nil, fmt.Errorf("%s needs a value", written)
		case !hasValue:
			i++
			value = args[i]
		}
		if err := fs.Set(name, value); err != nil {
			return nil, fmt.Errorf("bad value %q for %s: %w", value, written, err)
		}
	}
	return positional, nil
}

// unknownFlag is the error of a flag fs does not define, written as
// written, with the flag probably meant (valued: a value follows it).
func unknownFlag(fs *flag.FlagSet, written string, valued bool) error {
	if near := nearFlag(fs, strings.TrimLeft(written, "-"), valued); near != "" {
		return fmt.Errorf("unknown flag %s (did you mean --%s?)", written, near)
	}
	return fmt.Errorf("unknown flag %s", written)
}

// nearFlag returns the one flag of fs that name probably stands for: the
// only one starting with name (a short form such as -f, or a flag cut
// short; of several, the only one taking a value when one follows), else
// the one suggest.Closest picks; "" when none is clear.
func nearFlag(fs *flag.FlagSet, name string, valued bool) string {
	var names, prefixed []string
	fs.VisitAll(func(f *flag.Flag) {
		if hidden(f) {
			return
		}
		names = append(names, f.Name)
		if strings.HasPrefix(f.Name, name) {
			prefixed = append(prefixed, f.Name)
		}
	})
	if len(prefixed) == 1 {
		return prefixed[0]
	}
	if len(prefixed) > 1 && valued {
		var taking []string
		for _, n := range prefixed {
			if !isBoolFlag(fs.Lookup(n)) {
				taking = append(taking, n)
			}
		}
		if len(taking) == 1 {
			return taking[0]
		}
	}
	if len(prefixed) > 1 {
		return ""
	}
	return suggest.Closest(name, names)
}

// flagError words a flag parsing error; parseArgs's errors are worded
// already.
func flagError(err error) string { return err.Error() }

// hidden reports whether help leaves f out: its usage starts with
// "(hidden)".
func hidden(f *flag.Flag) bool { return strings.HasPrefix(f.Usage, "(hidden)") }

// isBoolFlag reports whether f takes no value.
func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}
