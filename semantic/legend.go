package semantic

import "github.com/valohai-ls/valohai-ls/model"

// Type is a token type, an index into Types.
type Type uint32

// Token types. Their order is the legend's: do not reorder.
const (
	Placeholder Type = iota
	Step
	Pipeline
	Node
	Parameter
	Input
	Output
	Endpoint
	Task
	Deployment
	File
)

// Types are the names of the token types, as the legend sends them.
// "parameter" is one of the LSP's predefined types; the others are this
// server's own (editors map them to theme colours, see docs/semantic-tokens.md).
var Types = []string{
	Placeholder: "placeholder",
	Step:        "step",
	Pipeline:    "pipeline",
	Node:        "node",
	Parameter:   "parameter",
	Input:       "input",
	Output:      "output",
	Endpoint:    "endpoint",
	Task:        "task",
	Deployment:  "deployment",
	File:        "file",
}

// Modifier is a set of token modifiers, one bit each, in the order of
// Modifiers.
type Modifier uint32

// Token modifiers.
const (
	// Declaration marks the name where a symbol is defined.
	Declaration Modifier = 1 << iota
	// Unresolved marks a reference to a name the file should define and
	// does not.
	Unresolved
)

// Modifiers are the names of the modifiers, bit 0 first.
var Modifiers = []string{"declaration", "unresolved"}

// typeOf maps a model kind to its token type.
func typeOf(k model.Kind) (Type, bool) {
	switch k {
	case model.KindStep:
		return Step, true
	case model.KindPipeline:
		return Pipeline, true
	case model.KindNode:
		return Node, true
	case model.KindParameter, model.KindPipelineParameter:
		return Parameter, true
	case model.KindInput:
		return Input, true
	case model.KindOutput:
		return Output, true
	case model.KindEndpoint:
		return Endpoint, true
	case model.KindTask:
		return Task, true
	case model.KindDeployment:
		return Deployment, true
	case model.KindFile:
		return File, true
	}
	return 0, false
}
