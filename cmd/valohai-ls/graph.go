package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/valohai-ls/valohai-ls/graph"
	"github.com/valohai-ls/valohai-ls/model"
)

// graphFlags are the graph command's flags.
type graphFlags struct {
	config   string
	pipeline string
	format   string
}

func (f *graphFlags) declare(fs *flag.FlagSet) {
	fs.StringVar(&f.config, "config", "", "the valohai.yaml to read (default: valohai.yaml or valohai.yml of the current directory)")
	fs.StringVar(&f.pipeline, "pipeline", "", "draw only this pipeline (default: every pipeline)")
	fs.StringVar(&f.format, "format", "svg", "output format: "+strings.Join(graph.Formats, ", "))
}

func runGraph(_ context.Context, args []string, stdout, stderr io.Writer) int {
	c, _ := lookupCommand("graph")
	fset := flag.NewFlagSet("graph", flag.ContinueOnError)
	fset.SetOutput(io.Discard)
	var f graphFlags
	f.declare(fset)
	fset.Usage = func() {}
	rest, err := parseArgs(fset, args)
	if err == flag.ErrHelp {
		writeCommandUsage(stdout, c)
		return 0
	}
	if err != nil {
		err = errors.New(flagError(err))
	} else if len(rest) > 0 {
		err = fmt.Errorf("unexpected argument %q (the file is given with --config)", rest[0])
	} else {
		var out []byte
		if out, err = drawGraph(f); err == nil {
			_, _ = stdout.Write(out)
			return 0
		}
	}
	fmt.Fprintf(stderr, "valohai-ls graph: %v\n", err)
	return 2
}

// drawGraph renders the pipelines the flags ask for.
func drawGraph(f graphFlags) ([]byte, error) {
	config, x, err := loadConfig(f.config)
	if err != nil {
		return nil, err
	}
	graphs := graph.Of(x)
	if f.pipeline != "" {
		g, ok := graph.Named(x, f.pipeline)
		if !ok {
			return nil, fmt.Errorf("%s has no pipeline %q (the pipelines: %s)", config, f.pipeline, namesOf(x, model.KindPipeline))
		}
		graphs = []graph.Graph{g}
	} else if len(graphs) == 0 {
		return nil, fmt.Errorf("%s has no pipeline", config)
	}
	return graph.Render(graphs, f.format, f.pipeline != "")
}
