package navigation

import (
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
)

// Index is the model of a document that navigation reads.
type Index = model.Model

// The model's symbols and references, as navigation names them.
type (
	Symbol = model.Symbol
	Ref    = model.Ref
	Kind   = model.Kind
	Role   = model.Role
)

// Symbol kinds.
const (
	KindStep              = model.KindStep
	KindTask              = model.KindTask
	KindEndpoint          = model.KindEndpoint
	KindDeployment        = model.KindDeployment
	KindPipeline          = model.KindPipeline
	KindNode              = model.KindNode
	KindEdge              = model.KindEdge
	KindParameter         = model.KindParameter
	KindInput             = model.KindInput
	KindOutput            = model.KindOutput
	KindPipelineParameter = model.KindPipelineParameter
	KindFile              = model.KindFile
)

// Reference roles.
const (
	RoleStep          = model.RoleStep
	RoleTask          = model.RoleTask
	RoleDeployment    = model.RoleDeployment
	RoleEndpoint      = model.RoleEndpoint
	RoleSocket        = model.RoleSocket
	RoleTarget        = model.RoleTarget
	RolePlaceholder   = model.RolePlaceholder
	RoleOverride      = model.RoleOverride
	RoleTaskParameter = model.RoleTaskParameter
)

// Build returns the model of doc, shared by every feature that reads
// this version.
func Build(doc *document.Document) *Index { return model.Of(doc) }
