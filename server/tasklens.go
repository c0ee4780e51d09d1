package server

import (
	"go.lsp.dev/protocol"

	"github.com/valohai-ls/valohai-ls/commands"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
)

// taskLenses are the code lenses above the tasks: how many executions
// each creates (hover on the task says more). They run no command.
func taskLenses(x *model.Model, m *document.Mapper, enc document.Encoding) []protocol.CodeLens {
	var out []protocol.CodeLens
	for _, t := range x.Items {
		if t.Kind != model.KindTask || t.KeyNode == nil {
			continue
		}
		span := m.NodeSpan(t.KeyNode)
		if t.Named {
			span = t.NameSpan
		}
		out = append(out, protocol.CodeLens{
			Range:   toRange(m, span.Start, span.End, enc),
			Command: protocol.Command{Title: commands.TaskPlan(t).Title()},
		})
	}
	return out
}
