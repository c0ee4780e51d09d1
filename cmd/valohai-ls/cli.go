package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/valohai-ls/valohai-ls/diagnostics"
)

// command is one subcommand: its name, arguments, summary and flags. Its
// usage line is made from its flags (synopsis), so that it names every
// flag the command takes.
type command struct {
	name string
	// args are the positional arguments in the usage line, after the
	// flags; "" for a command that takes none (parseCommand refuses them).
	args    string
	summary string // what the command does, in a few lines
	// flags declares the command's flags on fs; nil for a command without
	// flags.
	flags func(fs *flag.FlagSet)
}

// commands lists the subcommands in the order help shows them.
var commands = []command{
	{
		name: "serve",
		summary: "Speak the Language Server Protocol on stdin/stdout, for an editor to start.\n" +
			"This is what a bare `valohai-ls` does.",
		flags: func(fs *flag.FlagSet) { new(serveFlags).declare(fs) },
	},
	{
		name: "check",
		args: "[PATH ... | -]",
		summary: "Check valohai.yaml files and print the problems found. A directory means its\n" +
			"valohai.yaml or valohai.yml; no PATH means the current directory; - reads\n" +
			"the file from stdin. Exit status: 0 no errors, 1 errors found (or warnings,\n" +
			"with --strict-warnings), 2 a usage problem or a file that cannot be read.\n" +
			"A comment \"# valohai-ls: ignore[CODE]\" silences a finding.",
		flags: func(fs *flag.FlagSet) { new(checkFlags).declare(fs) },
	},
	{
		name: "step",
		args: "SCRIPT...",
		summary: "Write into valohai.yaml the step of each script's valohai.prepare() call, as\n" +
			"`vh yaml step` does but without losing what the file has: an existing step gets\n" +
			"only the parameters and inputs it lacks and the types and defaults prepare()\n" +
			"declares (comments, other keys and items untouched); a new step is added at the\n" +
			"end. Prints the resulting file, or changes it (--write), or prints a unified\n" +
			"diff (--diff). A script with argparse options and no prepare() syncs the steps\n" +
			"that run it, as the editor's Sync does. Exit status: 0 done, 2 a usage problem\n" +
			"or a script that cannot be read so (the reason is printed).",
		flags: func(fs *flag.FlagSet) { new(stepFlags).declare(fs) },
	},
	{
		name: "fmt",
		args: "[PATH ... | -]",
		summary: "Lay out valohai.yaml files consistently without changing what they mean:\n" +
			"indentation, trailing spaces, one blank line where there were several and\n" +
			"between top-level items, one final newline. Comments, quoting, key order,\n" +
			"anchors, flow collections and block scalars stay as written. Prints the\n" +
			"result, or lists unformatted files (--check), prints a diff (--diff) or\n" +
			"changes the files (--write). A directory means its valohai.yaml; no PATH\n" +
			"means the current directory; - formats stdin to stdout. A file that does\n" +
			"not parse is left alone. Exit status: 0 done, 1 --check found unformatted\n" +
			"files, 2 a usage problem or a file that cannot be read or parsed.",
		flags: func(fs *flag.FlagSet) { new(fmtFlags).declare(fs) },
	},
	{
		name: "command",
		args: "[STEP]",
		summary: "Print the commands a step runs, built as Valohai builds them: placeholders\n" +
			"filled in with the parameters' defaults (or --values), each parameter in its\n" +
			"pass-as form, shell-quoted. With --pipeline and --node, the node's step with\n" +
			"the node's override merged. Exit status: 0 printed, 2 a usage problem, an\n" +
			"unknown step or node, a value Valohai would refuse, or commands that cannot\n" +
			"be built (the reason is printed).",
		flags: func(fs *flag.FlagSet) { new(commandFlags).declare(fs) },
	},
	{
		name: "graph",
		summary: "Draw each pipeline's nodes and edges, as Valohai reads them: an SVG picture\n" +
			"(layers left to right, broken references in red), a Mermaid flowchart, Graphviz\n" +
			"dot, or JSON (one object with --pipeline, else a list). Exit status: 0 drawn,\n" +
			"2 a usage problem, an unknown pipeline or a file without pipelines.",
		flags: func(fs *flag.FlagSet) { new(graphFlags).declare(fs) },
	},
	{
		name:    "schema",
		summary: "Print a JSON Schema (draft 2020-12) of valohai.yaml on stdout.",
	},
	{
		name:    "version",
		summary: "Print the version.",
	},
	{
		name:    "help",
		args:    "[COMMAND]",
		summary: "Show this help, or a command's help and flags.",
	},
}

// lookupCommand returns the command called name.
func lookupCommand(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// defaultCommand is the command run when none is named.
const defaultCommand = "serve"

// flagSet returns a flag set with c's flags, for its help.
func (c command) flagSet() *flag.FlagSet {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	if c.flags != nil {
		c.flags(fs)
	}
	return fs
}

// synopsis is c's usage line after "valohai-ls ": its name (in brackets
// for the default command), every flag help shows, and its arguments.
func (c command) synopsis() string {
	parts := []string{c.name}
	if c.name == defaultCommand {
		parts[0] = "[" + c.name + "]"
	}
	c.flagSet().VisitAll(func(f *flag.Flag) {
		switch {
		case hidden(f):
		case isBoolFlag(f):
			parts = append(parts, "[--"+f.Name+"]")
		default:
			parts = append(parts, "[--"+f.Name+" "+placeholder(f.Name)+"]")
		}
	})
	if c.args != "" {
		parts = append(parts, c.args)
	}
	return strings.Join(parts, " ")
}

// writeUsage prints the overview: every command with its flags.
func writeUsage(w io.Writer) {
	fmt.Fprint(w, "valohai-ls: a language server and linter for valohai.yaml\n\nUsage:\n")
	for _, c := range commands {
		fmt.Fprintf(w, "  valohai-ls %s\n", c.synopsis())
		fmt.Fprint(w, indent(c.summary, "      "))
		if c.flags != nil {
			fmt.Fprint(w, indent(flagDefaults(c.flagSet()), "    "))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprint(w, "Run 'valohai-ls help COMMAND' for one command. Flags may come before or after\n"+
		"the paths; -- ends the flags.\n\nEvery rule, and how to silence it: "+diagnostics.RulesURL+"\n")
}

// writeCommandUsage prints the help of one command.
func writeCommandUsage(w io.Writer, c command) {
	fmt.Fprintf(w, "Usage: valohai-ls %s\n\n%s\n", c.synopsis(), c.summary)
	if c.flags != nil {
		fmt.Fprintf(w, "\nFlags:\n%s", flagDefaults(c.flagSet()))
	}
}

// flagDefaults renders fs's flags, one a line: `--name VALUE  usage
// (default ...)`. A flag whose usage starts with "(hidden)" is left out.
func flagDefaults(fs *flag.FlagSet) string {
	type row struct{ left, right string }
	var rows []row
	width := 0
	fs.VisitAll(func(f *flag.Flag) {
		if hidden(f) {
			return
		}
		usage := f.Usage
		left := "--" + f.Name
		if !isBoolFlag(f) {
			left += " " + placeholder(f.Name)
		}
		if !isBoolFlag(f) && f.DefValue != "" {
			usage += fmt.Sprintf(" (default %s)", f.DefValue)
		}
		rows = append(rows, row{left, usage})
		width = max(width, len(left))
	})
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "  %-*s  %s\n", width, r.left, r.right)
	}
	return b.String()
}

// indent prefixes every non-empty line of s with prefix and ends it with a
// newline.
func indent(s, prefix string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n") + "\n"
}

// runHelp prints the overview, or one command's help.
func runHelp(args []string, stdout, stderr io.Writer) int {
	if len(args) > 1 {
		fmt.Fprintf(stderr, "valohai-ls help: unexpected argument %q: name one command\n", args[1])
		return 2
	}
	if len(args) == 0 {
		writeUsage(stdout)
		return 0
	}
	c, ok := lookupCommand(args[0])
	if !ok {
		fmt.Fprintf(stderr, "valohai-ls help: unknown command %q\n\n", args[0])
		writeUsage(stderr)
		return 2
	}
	writeCommandUsage(stdout, c)
	return 0
}

// placeholder is the name help shows for the value of the flag called name.
func placeholder(name string) string {
	switch name {
	case "format":
		return "FORMAT"
	case "color":
		return "WHEN"
	case "stdin-filename":
		return "NAME"
	case "log-file", "config":
		return "PATH"
	case "values":
		return "JSON"
	case "pipeline", "node":
		return "NAME"
	case "log-level":
		return "LEVEL"
	case "indent":
		return "N"
	case "sequences":
		return "STYLE"
	}
	return "VALUE"
}

// isTerminal reports whether f is a character device such as a terminal.
func isTerminal(f any) bool {
	file, ok := f.(*os.File)
	if !ok {
		return false
	}
	st, err := file.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
