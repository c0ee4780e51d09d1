package server

import (
	"context"
	"fmt"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/valohai-ls/valohai-ls/graph"
	"github.com/valohai-ls/valohai-ls/model"
)

// GraphCommand is the workspace/executeCommand that draws a document's
// pipelines. Its arguments: the document's URI, then optionally the format
// (svg, mermaid, dot or json; default svg) and a pipeline's name (default:
// every pipeline).
const GraphCommand = "valohai-ls.graph"

// ShowGraphCommand is the command of the pipeline code lenses, for the
// client to run (the VS Code extension opens a view, the Neovim plugin a
// viewer): its arguments are the document's URI and the pipeline's name.
const ShowGraphCommand = "valohai-ls.showGraph"

// GraphResult is what GraphCommand answers: the document version drawn,
// and the drawing (for json, the graphs themselves).
type GraphResult struct {
	URI     string        `json:"uri"`
	Version int32         `json:"version"`
	Format  string        `json:"format"`
	Content string        `json:"content,omitempty"`
	Graphs  []graph.Graph `json:"graphs,omitempty"`
}

// ExecuteCommand answers workspace/executeCommand.
func (s *Server) ExecuteCommand(ctx context.Context, params *protocol.ExecuteCommandParams) (protocol.LSPAny, error) {
	if params.Command != GraphCommand {
		return nil, jsonrpc2.NewError(jsonrpc2.ErrInvalidParams.Code, fmt.Sprintf("unknown command %q", params.Command))
	}
	res, err := s.drawGraph(params.Arguments)
	if err != nil {
		return nil, jsonrpc2.NewError(jsonrpc2.ErrInvalidParams.Code, err.Error())
	}
	b, err := protocol.Marshal(res)
	if err != nil {
		return nil, fmt.Errorf("graph result: %w", err)
	}
	return protocol.LSPAny(b), nil
}

// drawGraph reads GraphCommand's arguments and draws the open document's
// current version.
func (s *Server) drawGraph(args []protocol.LSPAny) (*GraphResult, error) {
	strs := make([]string, len(args))
	for i, a := range args {
		if err := protocol.Unmarshal(a, &strs[i]); err != nil {
			return nil, fmt.Errorf("argument %d of %s is not a string", i+1, GraphCommand)
		}
	}
	if len(strs) == 0 || len(strs) > 3 {
		return nil, fmt.Errorf("%s takes a document URI, a format and a pipeline name", GraphCommand)
	}
	format, pipeline := "svg", ""
	if len(strs) > 1 && strs[1] != "" {
		format = strs[1]
	}
	if len(strs) > 2 {
		pipeline = strs[2]
	}
	doc := s.docs.get(uri.URI(strs[0]))
	if doc == nil {
		return nil, fmt.Errorf("%s is not open", strs[0])
	}
	graphs := graph.In(model.Of(doc), s.enc())
	if pipeline != "" {
		g, ok := graph.Pick(graphs, pipeline)
		if !ok {
			return nil, fmt.Errorf("the document has no pipeline %q", pipeline)
		}
		graphs = []graph.Graph{g}
	}
	res := &GraphResult{URI: strs[0], Version: doc.Version, Format: format}
	if format == "json" {
		res.Graphs = graphs
		if graphs == nil {
			res.Graphs = []graph.Graph{}
		}
		return res, nil
	}
	out, err := graph.Render(graphs, format, pipeline != "")
	if err != nil {
		return nil, err
	}
	res.Content = string(out)
	return res, nil
}
