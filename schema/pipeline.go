package schema

// PipelineKind is the top-level `pipeline` item.
var PipelineKind = &Key{
	Name:    "pipeline",
	Type:    &Type{Kind: Object, Object: Pipeline},
	Doc:     "A pipeline: a graph of nodes (executions, tasks and deployments) joined by edges that pass files and values between them.",
	Example: "- pipeline:\n    name: train-and-deploy\n    nodes:\n      - name: train\n        type: execution\n        step: train\n    edges: []",
}

// BlueprintKind is the legacy `blueprint` alias of `pipeline`. The
// official validator does not check its content against the schema, but
// its parser fails on the same mistakes, so it is checked as a pipeline.
var BlueprintKind = &Key{
	Name:       "blueprint",
	Type:       &Type{Kind: Object, Object: Pipeline},
	Doc:        "Old name of `pipeline`, still read as one.",
	Deprecated: "use `pipeline`",
}

// Pipeline is the pipeline construct.
var Pipeline = &Obj{
	Name:  "pipeline",
	Label: "name",
	Doc:   "A graph of nodes joined by edges that carry files and values from one node to the next.",
	Keys: []*Key{
		{
			Name: "name", Type: str, Required: true,
			Doc:     "Name of the pipeline. A later pipeline with the same name replaces this one.",
			Example: "name: train-and-evaluate",
		},
		{
			Name: "nodes", Type: listOf(Node), Required: true,
			Doc:     "The nodes of the graph: executions of a step, tasks, or deployments.",
			Example: "nodes:\n  - name: train\n    type: execution\n    step: train",
		},
		{
			Name: "edges", Type: &Type{Kind: List, Items: edgeType}, Required: true,
			Doc: "Connections from an output, parameter or other socket of one node to a socket of another, " +
				"each written `<node>.<type>.<key>`. Write `edges: []` when there are none.",
			Example: "edges:\n  - [train.output.model*, evaluate.input.model]",
		},
		{
			Name: "parameters", Type: listOf(PipelineParameter), Default: "[]",
			Doc:     "Pipeline-level parameters, each feeding one or more node parameters.",
			Example: "parameters:\n  - name: epochs\n    targets: [train.parameter.epochs]\n    default: 10",
		},
		{
			Name: "reuse-executions", Type: boolean, Default: "false",
			Doc: "Whether an execution node may reuse the result of an earlier successful execution that had the " +
				"same inputs, parameters, command, commit and step settings, instead of running again.",
			Example: "reuse-executions: true",
		},
	},
	Snippet: "name: ${1:my-pipeline}\nnodes:\n  - name: ${2:train}\n    type: execution\n    step: ${3:train}\nedges: []",
}

// Node is an item of a pipeline's `nodes`; its `type` selects the kind.
var Node = &Obj{
	Name:          "node",
	Label:         "name",
	Doc:           "A node of a pipeline: an execution, a task or a deployment, chosen by `type`.",
	Discriminator: "type",
	Keys: []*Key{{
		Name: "type", Type: &Type{Kind: String, Enum: []Value{
			{NodeExecution, "Runs one execution of a step."},
			{NodeTask, "Runs a task (a parameter sweep or optimisation) of a step."},
			{NodeDeployment, "Creates a new version of a deployment with some endpoints."},
		}, Aliases: nodeTypeAliases},
		Required: true,
		Doc:      "Kind of node: `execution`, `task` or `deployment`.",
		Example:  "type: execution",
	}},
	Choices: []*Obj{ExecutionNode, TaskNode, DeploymentNode},
	Snippet: "name: ${1:train}\ntype: ${2|execution,task,deployment|}\nstep: ${3:train}",
}

// ExecutionNode is a node of type `execution`.
var ExecutionNode = &Obj{
	Name:  "execution node",
	Label: "name",
	Const: NodeExecution,
	Doc:   "A pipeline node that runs one execution of a step.",
	Keys: []*Key{
		nodeNameKey(), nodeTypeKey(NodeExecution, "Runs one execution of a step."),
		nodeStepKey(true), commitKey(), overrideKey(), actionsKey(), onErrorKey(true), edgeMergeKey(),
	},
	Snippet: "name: ${1:train}\ntype: execution\nstep: ${2:train}",
}

// TaskNode is a node of type `task`: it names a step or a task blueprint.
var TaskNode = &Obj{
	Name:  "task node",
	Label: "name",
	Const: NodeTask,
	Doc:   "A pipeline node that runs a task (many executions of a step with varied parameters).",
	Keys: []*Key{
		nodeNameKey(), nodeTypeKey(NodeTask, "Runs a task of a step."),
		nodeStepKey(false),
		{
			Name: "task", Type: &Type{Kind: String, Ref: RefTask},
			Doc:     "Task blueprint (a top-level `task`) whose step and settings the node uses. Give either this or `step`.",
			Example: "task: hyperparameter-sweep",
		},
		commitKey(), overrideKey(), actionsKey(), onErrorKey(true), edgeMergeKey(),
	},
	Variants: []Variant{
		{Name: "step", Keys: []string{"step"}},
		{Name: "task", Keys: []string{"task"}},
	},
	Snippet: "name: ${1:sweep}\ntype: task\nstep: ${2:train}",
}

// DeploymentNode is a node of type `deployment`.
var DeploymentNode = &Obj{
	Name:  "deployment node",
	Label: "name",
	Const: NodeDeployment,
	Doc:   "A pipeline node that creates a new version of a deployment.",
	Keys: []*Key{
		nodeNameKey(), nodeTypeKey(NodeDeployment, "Creates a deployment version."),
		{
			Name: "deployment", Type: &Type{Kind: String, Ref: RefDeployment}, Required: true,
			Doc: "Deployment that receives the new version: one that exists in the project, or a top-level " +
				"`deployment` item of this file.",
			Example: "deployment: production",
		},
		{
			Name: "endpoints", Type: &Type{Kind: List, Items: &Type{Kind: String, Ref: RefEndpoint}}, Default: "[]",
			Doc:     "Names of the endpoints of this file to include in the version.",
			Example: "endpoints:\n  - predict",
		},
		{
			Name: "aliases", Type: strList, Default: "[]",
			Doc:     "Version aliases to point at the new version, for example `staging`.",
			Example: "aliases:\n  - staging",
		},
		actionsKey(), onErrorKey(false),
	},
	Snippet: "name: ${1:deploy}\ntype: deployment\ndeployment: ${2:production}\nendpoints:\n  - ${3:predict}",
}

func nodeNameKey() *Key {
	return &Key{
		Name: "name", Type: str, Required: true,
		Doc:     "Name of the node, unique in the pipeline. Edges and parameter targets refer to it; it should not contain dots.",
		Example: "name: train",
	}
}

func nodeTypeKey(kind, doc string) *Key {
	return &Key{
		Name: "type", Type: &Type{Kind: String, Enum: []Value{{kind, doc}}}, Required: true,
		Doc: "Kind of node: `execution`, `task` or `deployment`.", Example: "type: " + kind,
	}
}

func nodeStepKey(required bool) *Key {
	k := &Key{
		Name: "step", Type: &Type{Kind: String, Ref: RefStep}, Required: required,
		Doc:     "Step the node runs, by name.",
		Example: "step: train",
	}
	if !required {
		k.Doc = "Step the task runs, by name. Give either this or `task`."
	}
	return k
}

func commitKey() *Key {
	return &Key{
		Name: "commit", Type: str,
		Doc: "Take the step from this commit (a SHA or a reference such as `library:<name>`) instead of the " +
			"pipeline's own commit. The step is then not looked up in this file.",
		Example: "commit: library:preprocess",
	}
}

func overrideKey() *Key {
	return &Key{
		Name: "override", Type: &Type{Kind: Object, Object: Override},
		Doc:     "Step settings replaced for this node only.",
		Example: "override:\n  inputs:\n    - name: dataset\n      default: s3://bucket/other.csv",
	}
}

func actionsKey() *Key {
	return &Key{
		Name: "actions", Type: listOf(NodeAction), Default: "[]",
		Doc:     "Actions taken at certain moments of the node's run when their condition holds.",
		Example: "actions:\n  - when: node-complete\n    if: metadata.accuracy < 0.8\n    then: stop-pipeline",
	}
}

func onErrorKey(retry bool) *Key {
	values := []Value{
		{"stop-all", "The whole pipeline stops when this node fails (the default)."},
		{"stop-next", "Only the nodes that depend on this node are skipped; other branches go on."},
		{"continue", "The pipeline goes on as if the node had succeeded."},
	}
	doc := "What the pipeline does when this node fails."
	if retry {
		values = append(values, Value{"retry", "The failed node is started again."})
	} else {
		doc += " Deployment nodes cannot `retry`."
	}
	aliases := map[string][]string{}
	for w, vals := range onErrorAliases {
		if retry || vals[0] != "retry" {
			aliases[w] = vals
		}
	}
	return &Key{
		Name: "on-error", Type: &Type{Kind: String, Enum: values, Aliases: aliases}, Default: "stop-all",
		Doc: doc, Example: "on-error: stop-next",
	}
}

func edgeMergeKey() *Key {
	return &Key{
		Name: "edge-merge-mode", Type: &Type{Kind: String, Enum: []Value{
			{"replace", "Values arriving over edges replace the node's own values (the default)."},
			{"append", "Values arriving over edges are added to the node's own values."},
		}, Aliases: edgeMergeAliases}, Default: "replace",
		Doc:     "Whether files and values that edges bring replace the node's own input values or are added to them.",
		Example: "edge-merge-mode: append",
	}
}
