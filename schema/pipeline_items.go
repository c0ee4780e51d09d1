package schema

// Override is a node's `override`: step settings replaced for that node.
var Override = &Obj{
	Name: "override",
	Doc:  "Step settings replaced for one node. Every key is optional; parameters and inputs are matched to the step's by name.",
	Keys: []*Key{
		{Name: "image", Type: str, Doc: "Docker image for this node instead of the step's.", Example: "image: python:3.12-slim"},
		{Name: "command", Type: commandType, Doc: "Command(s) for this node instead of the step's.", Example: "command: python train.py --fast {parameters}"},
		{
			Name: "environment", Type: str,
			Doc:     "Environment for this node. Required here whenever `runtime-config-preset` is overridden.",
			Example: "environment: aws-eu-west-1-p3-2xlarge",
		},
		{
			Name: "runtime-config-preset", Type: str,
			Doc:     "Runtime configuration preset for this node. Needs `environment` in the same override.",
			Example: "runtime-config-preset: large-shm",
		},
		{
			Name: "parameters", Type: listOf(OverrideParameter),
			Doc:     "Step parameters to change for this node, by name. Each must be a parameter of the step.",
			Example: "parameters:\n  - name: epochs\n    default: 5",
		},
		{
			Name: "inputs", Type: listOf(OverrideInput),
			Doc: "Step inputs to change for this node, by name. Each must be an input of the step. An input " +
				"given with its name only loses its default, so it gets files from edges only.",
			Example: "inputs:\n  - name: dataset\n    default: s3://bucket/small.csv",
		},
		{Name: "mounts", Type: &Type{Kind: List, Items: mountType}, Doc: "Mounts for this node.", Example: "mounts:\n  - /data:/data"},
		{
			Name: "environment-variables", Type: listOf(EnvVar),
			Doc:     "Environment variables for this node.",
			Example: "environment-variables:\n  - name: LOG_LEVEL\n    default: debug",
		},
	},
	Snippet: "parameters:\n  - name: ${1:epochs}\n    default: ${2:5}",
}

// OverrideParameter and OverrideInput are the parameter and input items of
// an override: the step's items, whose name refers to the step's own.
var (
	OverrideParameter = withNameRef(Parameter, "overridden parameter", RefStepParam)
	OverrideInput     = withNameRef(Input, "overridden input", RefStepInput)
)

// withNameRef returns a copy of o called name whose `name` key refers to ref.
func withNameRef(o *Obj, name string, ref Ref) *Obj {
	c := *o
	c.Name = name
	c.Keys = make([]*Key, len(o.Keys))
	for i, k := range o.Keys {
		kc := *k
		if k.Name == XName {
			t := *k.Type
			t.Ref = ref
			kc.Type = &t
			kc.Doc = "Name of the step's " + o.Name + " to change."
		}
		c.Keys[i] = &kc
	}
	return &c
}

// NodeAction is an item of a node's `actions`.
var NodeAction = &Obj{
	Name: "node action",
	Doc:  "Something the pipeline does at a moment of the node's run, when a condition holds.",
	Keys: []*Key{
		{
			Name: "when", Type: openStrOrList(whenValues), Required: true,
			Doc:     "Moment(s) at which the action is considered.",
			Example: "when: node-complete",
		},
		{
			Name: "if", Type: &Type{Kind: OneOf, Name: "expression or list of expressions", Options: []*Type{exprType, {Kind: List, Items: exprType}}},
			Doc:     "Condition(s) over the node's `metadata.*` or `parameter.*` values; the action runs when they hold.",
			Example: "if: metadata.accuracy < 0.8",
		},
		{
			Name: "then", Type: openStrOrList(thenValues), Required: true,
			Doc:     "What to do when the condition holds.",
			Example: "then: stop-pipeline",
		},
	},
	Snippet: "when: ${1|node-complete,node-starting,node-error|}\nif: ${2:metadata.accuracy < 0.8}\nthen: ${3|stop-pipeline,error-pipeline,noop|}",
}

var exprType = &Type{Kind: String, Name: "expression", Ref: RefStopCondition}

var whenValues = []Value{
	{"node-starting", "When the node is about to start."},
	{"node-complete", "When the node has finished successfully."},
	{"node-error", "When the node has failed."},
}

var thenValues = []Value{
	{"stop-pipeline", "Stops the pipeline; nodes that have not run are skipped."},
	{"error-pipeline", "Stops the pipeline and marks it as failed."},
	{"noop", "Does nothing (useful for testing conditions)."},
	{"require-approval", "Pauses the pipeline until a person approves it to go on. Documented by Valohai; the official validator does not list it and warns."},
}

// openStrOrList is a string or list of strings with well-known values.
func openStrOrList(values []Value) *Type {
	s := &Type{Kind: String, Enum: values, EnumOpen: true}
	return &Type{Kind: OneOf, Name: "string or list of strings", Options: []*Type{s, {Kind: List, Items: s}}}
}

// socketType is an edge end, `<node>.<type>.<key>`.
var socketType = &Type{Kind: String, Name: "socket", Ref: RefSocket}

// edgeType is an item of a pipeline's `edges`: `[source, target]` or a mapping.
var edgeType = &Type{Kind: OneOf, Name: "`[source, target]` list or edge mapping", Options: []*Type{
	{Kind: List, Name: "`[source, target]` list", Items: socketType, MaxItems: 2},
	{Kind: Object, Object: Edge},
}}

// Edge is the mapping form of an edge.
var Edge = &Obj{
	Name: "edge",
	Doc:  "A connection that carries a file or value from a socket of one node to a socket of another.",
	Keys: []*Key{
		{
			Name: "source", Type: socketType, Required: true,
			Doc:     "Where the file or value comes from: `<node>.<type>.<key>`, for example `train.output.model*`.",
			Example: "source: train.output.model.pkl",
		},
		{
			Name: "target", Type: socketType, Required: true,
			Doc:     "Where it goes: `<node>.<type>.<key>`, for example `evaluate.input.model`.",
			Example: "target: evaluate.input.model",
		},
		{Name: "configuration", Type: openObject("edge configuration"), Doc: "Free-form settings of the edge.", Example: "configuration:\n  key: value"},
	},
	Snippet: "source: ${1:train.output.model*}\ntarget: ${2:evaluate.input.model}",
}

// paramTarget is a pipeline parameter's target, `<node>.parameter.<name>`.
var paramTarget = &Type{Kind: String, Name: "parameter target", Ref: RefParamTarget}

// PipelineParameter is an item of a pipeline's `parameters`.
var PipelineParameter = &Obj{
	Name:  "pipeline parameter",
	Label: "name",
	Doc:   "A pipeline-level parameter whose value is given to node parameters.",
	Keys: []*Key{
		{Name: "name", Type: str, Required: true, Doc: "Name of the pipeline parameter.", Example: "name: learning-rate"},
		{
			Name: "targets", Type: &Type{Kind: OneOf, Name: "parameter target or list of them", Options: []*Type{paramTarget, {Kind: List, Items: paramTarget}}},
			Default: "[]",
			Doc:     "Node parameters that receive the value, each `<node>.parameter.<name>`.",
			Example: "targets:\n  - train.parameter.learning-rate",
		},
		{
			Name: "target", Type: paramTarget,
			Doc:     "A single node parameter that receives the value. Do not combine it with `targets`.",
			Example: "target: train.parameter.learning-rate",
		},
		{
			Name: "default", Type: anyType,
			Doc:     "Value used when none is given. A list makes the node parameters take several values.",
			Example: "default: 0.01",
		},
		{Name: "description", Type: str, Doc: "Help text shown beside the parameter in the UI.", Example: "description: Optimiser step size"},
		{Name: "category", Type: str, Doc: "Group name under which the UI lists the parameter.", Example: "category: Training"},
	},
	Snippet: "name: ${1:epochs}\ntargets:\n  - ${2:train.parameter.epochs}\ndefault: ${3:10}",
}
