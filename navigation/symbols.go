package navigation

import "github.com/valohai-ls/valohai-ls/model"

// Outline returns the document's symbols as a tree: each top-level item
// (steps with their parameters, inputs and outputs; endpoints with their
// files; pipelines with their nodes, edges and parameters; tasks and
// deployments), in file order.
func Outline(x *model.Model) []*model.Symbol { return x.Items }
