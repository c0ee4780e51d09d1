package schema

// TaskKind is the top-level `task` item.
var TaskKind = &Key{
	Name:    "task",
	Type:    &Type{Kind: Object, Object: Task},
	Doc:     "A task blueprint: a reusable parameter sweep or optimisation over a step.",
	Example: "- task:\n    name: sweep\n    step: train\n    type: grid_search\n    parameters: []",
}

// Task is the task blueprint construct.
var Task = &Obj{Name: "task", Label: "name", Open: true,
	Snippet: "name: ${1:sweep}\nstep: ${2:train}\ntype: ${3|grid_search,random_search,bayesian_tpe,manual_search,distributed|}\nparameters: []"}
