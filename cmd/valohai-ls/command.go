package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	build "github.com/valohai-ls/valohai-ls/commands"
	"github.com/valohai-ls/valohai-ls/model"
)

// commandFlags are the command command's flags.
type commandFlags struct {
	config   string
	values   string
	format   string
	pipeline string
	node     string
}

func (f *commandFlags) declare(fs *flag.FlagSet) {
	fs.StringVar(&f.config, "config", "", "the valohai.yaml to read (default: valohai.yaml or valohai.yml of the current directory)")
	fs.StringVar(&f.values, "values", "", `a JSON object of parameter values that replace the defaults, e.g. '{"epochs": 5}' (null leaves a parameter out)`)
	fs.StringVar(&f.format, "format", "text", "output format: text (a command a line) or json")
	fs.StringVar(&f.pipeline, "pipeline", "", "the pipeline of --node")
	fs.StringVar(&f.node, "node", "", "build this node of --pipeline (its step with the node's override merged) instead of a step")
}

// commandOutput is the command command's JSON output.
type commandOutput struct {
	Step     string   `json:"step"`
	Pipeline string   `json:"pipeline,omitempty"`
	Node     string   `json:"node,omitempty"`
	Commands []string `json:"commands"`
}

func runCommand(_ context.Context, args []string, stdout, stderr io.Writer) int {
	var f commandFlags
	rest, code, ok := parseCommand("command", f.declare, args, stdout, stderr)
	if !ok {
		return code
	}
	out, err := buildCommand(f, rest)
	if err == nil {
		writeCommands(stdout, f.format, out)
		return 0
	}
	fmt.Fprintf(stderr, "valohai-ls command: %v\n", err)
	return 2
}

// buildCommand builds the commands the flags and arguments ask for.
func buildCommand(f commandFlags, rest []string) (commandOutput, error) {
	var out commandOutput
	if f.format != "text" && f.format != "json" {
		return out, fmt.Errorf("unknown --format %q: use text or json", f.format)
	}
	byNode := f.pipeline != "" || f.node != ""
	switch {
	case byNode && (f.pipeline == "" || f.node == ""):
		return out, errors.New("--pipeline and --node go together")
	case byNode && len(rest) > 0:
		return out, errors.New("name a step or a --pipeline and --node, not both")
	case !byNode && len(rest) != 1:
		return out, errors.New("name one step (or a --pipeline and --node)\nRun 'valohai-ls help command' for the flags.")
	}
	config, x, err := loadConfig(f.config)
	if err != nil {
		return out, err
	}
	var spec *build.Spec
	if byNode {
		out.Pipeline, out.Node = f.pipeline, f.node
		spec, out.Step, err = nodeSpec(x, config, f.pipeline, f.node)
	} else {
		out.Step = rest[0]
		spec, err = stepSpec(x, config, rest[0])
	}
	if err != nil {
		return out, err
	}
	values := spec.Defaults()
	if f.values != "" {
		given, names, err := build.ValuesFromJSON([]byte(f.values))
		if err != nil {
			return out, fmt.Errorf("--values: %w", err)
		}
		if err := spec.Check(given, names); err != nil {
			return out, fmt.Errorf("--values: %w", err)
		}
		values = spec.WithDefaults(given)
	}
	out.Commands, err = spec.Build(values)
	if err != nil {
		return out, buildError(err)
	}
	return out, nil
}

// stepSpec returns what the step called name is built from.
func stepSpec(x *model.Model, config, name string) (*build.Spec, error) {
	st := x.Lookup(model.KindStep, name)
	if st == nil || st.Body == nil {
		return nil, fmt.Errorf("%s has no step %q (the steps: %s)", config, name, namesOf(x, model.KindStep))
	}
	if st.Broken {
		return nil, fmt.Errorf("step %q has a YAML syntax error", name)
	}
	spec, err := build.Step(x, st)
	if err != nil {
		return nil, buildError(err)
	}
	return spec, nil
}

// nodeSpec returns what the node is built from, and its step's name.
func nodeSpec(x *model.Model, config, pipeline, node string) (*build.Spec, string, error) {
	pl := x.Lookup(model.KindPipeline, pipeline)
	if pl == nil || pl.Body == nil {
		return nil, "", fmt.Errorf("%s has no pipeline %q (the pipelines: %s)", config, pipeline, namesOf(x, model.KindPipeline))
	}
	n := model.Child(pl, model.KindNode, node)
	if n == nil {
		return nil, "", fmt.Errorf("pipeline %q has no node %q (the nodes: %s)", pipeline, node, orNone(model.ChildNames(pl, model.KindNode)))
	}
	st := x.StepOf(n)
	switch st.Status {
	case model.StepNone:
		return nil, "", fmt.Errorf("node %q runs no step", node)
	case model.StepElsewhere:
		return nil, st.Name, fmt.Errorf("node %q is pinned to a commit: it runs that commit's step %q, which this file does not hold", node, st.Name)
	}
	if !st.Checkable() {
		return nil, st.Name, fmt.Errorf("node %q runs step %q, which %s does not define readably", node, st.Name, config)
	}
	spec, err := build.Node(x, n)
	if err != nil {
		return nil, st.Name, buildError(err)
	}
	return spec, st.Name, nil
}

// buildError says who cannot build the commands.
func buildError(err error) error {
	var e *build.Error
	if errors.As(err, &e) && e.Kind == build.Unsupported {
		return fmt.Errorf("valohai-ls cannot preview these commands exactly: %w", err)
	}
	return fmt.Errorf("valohai-yaml cannot build these commands: %w", err)
}

func namesOf(x *model.Model, kind model.Kind) string { return orNone(x.Names(kind)) }

func orNone(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}

// writeCommands prints the commands as text (one a line) or JSON.
func writeCommands(w io.Writer, format string, out commandOutput) {
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		_ = enc.Encode(out)
		return
	}
	for _, c := range out.Commands {
		fmt.Fprintln(w, c)
	}
}
