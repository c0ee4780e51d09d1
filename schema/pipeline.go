package schema

// PipelineKind is the top-level `pipeline` item.
var PipelineKind = &Key{
	Name:    "pipeline",
	Type:    &Type{Kind: Object, Object: Pipeline},
	Doc:     "A pipeline: a graph of nodes (executions, tasks and deployments) joined by edges that pass files and values between them.",
	Example: "- pipeline:\n    name: train-and-deploy\n    nodes:\n      - name: train\n        type: execution\n        step: train\n    edges: []",
}

// BlueprintKind is the legacy `blueprint` alias of `pipeline`.
var BlueprintKind = &Key{
	Name:       "blueprint",
	Type:       &Type{Kind: Object, Object: Pipeline},
	Doc:        "Old name of `pipeline`. Its content is not checked by the official schema.",
	Deprecated: "use `pipeline`",
}

// Pipeline is the pipeline construct.
var Pipeline = &Obj{Name: "pipeline", Label: "name", Open: true,
	Snippet: "name: ${1:my-pipeline}\nnodes:\n  - name: ${2:train}\n    type: execution\n    step: ${3:train}\nedges: []"}
