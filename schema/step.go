package schema

// StepKind is the top-level `step` item.
var StepKind = &Key{
	Name:    "step",
	Type:    &Type{Kind: Object, Object: Step},
	Doc:     "A step: one kind of runnable job, such as training or evaluation. Every execution runs one step.",
	Example: "- step:\n    name: train\n    image: python:3.12\n    command: python train.py {parameters}",
}

// Step is the step construct.
var Step = &Obj{Name: "step", Label: "name", Open: true,
	Snippet: "name: ${1:train}\nimage: ${2:python:3.12}\ncommand: ${3:python train.py {parameters\\}}"}
