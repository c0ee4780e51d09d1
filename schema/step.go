package schema

// StepKind is the top-level `step` item.
var StepKind = &Key{
	Name:    "step",
	Type:    &Type{Kind: Object, Object: Step},
	Doc:     "A step: one kind of runnable job, such as training or evaluation. Every execution runs one step.",
	Example: "- step:\n    name: train\n    image: python:3.12\n    command: python train.py {parameters}",
}

// Step is the step construct.
var Step = &Obj{
	Name:  "step",
	Label: "name",
	Doc:   "A runnable job: the Docker image, the commands, and the parameters, inputs and settings an execution of it takes.",
	Keys: []*Key{
		{
			Name: "name", Type: str, Required: true,
			Doc: "Name of the step. Pipeline nodes and task blueprints refer to the step by it; a second step " +
				"with the same name replaces the first.",
			Example: "name: train-model",
		},
		{
			Name: "image", Type: str, Required: true,
			Doc:     "Docker image the commands run in. It must hold the tools and libraries the commands need.",
			Example: "image: python:3.12",
		},
		{
			Name: "command", Type: commandType, Required: true,
			Doc: "Shell command to run, or a list of commands run one after another. Placeholders such as " +
				"`{parameters}` or `{parameter:NAME}` are replaced with parameter values.",
			Example: "command:\n  - pip install -r requirements.txt\n  - python train.py {parameters}",
		},
		{Name: "description", Type: str, Doc: "Help text for the step, shown in the UI.", Example: "description: Trains the classifier"},
		{Name: "category", Type: str, Doc: "Group name under which the UI lists the step.", Example: "category: Training"},
		{Name: "icon", Type: str, Doc: "URL of an image that stands for the step in the UI.", Example: "icon: https://example.com/train.svg"},
		{
			Name: "environment", Type: str,
			Doc: "Default environment (machine type and location) for executions of the step: an environment ID, " +
				"or a part of an environment's name or slug.",
			Example: "environment: aws-eu-west-1-g4dn-xlarge",
		},
		{
			Name: "runtime-config-preset", Type: str,
			Doc:     "ID or slug of a runtime configuration preset for the step. It needs `environment` in the same step.",
			Example: "runtime-config-preset: large-shm",
		},
		{
			Name: "environment-variables", Type: listOf(EnvVar), Default: "[]",
			Doc:     "Environment variables that executions of the step get, with optional default values.",
			Example: "environment-variables:\n  - name: LOG_LEVEL\n    default: info",
		},
		{
			Name: "environment-variable-groups", Type: strList, Default: "[]",
			Doc:     "Names or IDs of project environment-variable groups whose variables are added to executions of the step. Always a list.",
			Example: "environment-variable-groups:\n  - aws-credentials",
		},
		{
			Name: "parameters", Type: listOf(Parameter), Default: "[]",
			Doc:     "Parameters of the step: named values that the command receives and that can be changed for each execution.",
			Example: "parameters:\n  - name: epochs\n    type: integer\n    default: 10",
		},
		{
			Name: "inputs", Type: listOf(Input), Default: "[]",
			Doc:     "Files the step reads. Each input is downloaded to `/valohai/inputs/<name>/` before the command runs.",
			Example: "inputs:\n  - name: dataset\n    default: s3://bucket/data.csv",
		},
		{
			Name: "outputs", Type: listOf(Output), Default: "[]",
			Doc:     "Outputs the step is expected to write to `/valohai/outputs/`. The list documents them; any file written there is saved.",
			Example: "outputs:\n  - name: model.pkl",
		},
		{
			Name: "mounts", Type: &Type{Kind: List, Items: mountType}, Default: "[]",
			Doc:     "Extra filesystem mounts for the container. Only environments that allow mounts honour them.",
			Example: "mounts:\n  - /data:/mnt/data",
		},
		{
			Name: "cache-volumes", Type: strList, Default: "[]",
			Doc:     "Names of Kubernetes persistent volume claims to use as extra input caches.",
			Example: "cache-volumes:\n  - shared-cache",
		},
		{
			Name: "resources", Type: &Type{Kind: Object, Object: StepResources},
			Doc:     "Kubernetes resource requests and limits for executions of the step (only on Kubernetes environments).",
			Example: "resources:\n  cpu:\n    min: 1\n  devices:\n    nvidia.com/gpu: 1",
		},
		{
			Name: "time-limit", Type: durationType,
			Doc:     "Longest time an execution may run before it is stopped: a number of seconds, or text such as `1h 30m`.",
			Example: "time-limit: 2h 30m",
		},
		{
			Name: "no-output-timeout", Type: durationType,
			Doc:     "An execution that prints nothing for this long is stopped as stuck: a number of seconds, or text such as `30m`.",
			Example: "no-output-timeout: 30m",
		},
		{
			Name: "upload-store", Type: &Type{Kind: String, MaxLength: 64},
			Doc:     "Name or UUID of the data store that the execution's outputs are uploaded to (at most 64 characters).",
			Example: "upload-store: my-s3-store",
		},
		{
			Name: "source-path", Type: str,
			Doc:     "Path of the source file the step was generated from, relative to valohai.yaml. Commands can use it as `{source-path}`.",
			Example: "source-path: train.py",
		},
		{
			Name: "stop-condition", Type: &Type{Kind: String, Name: "expression", Ref: RefStopCondition},
			Doc: "Expression over the execution's metadata, such as `metadata.loss < 0.1`; the execution stops " +
				"as soon as it is true. A Python-like expression: comparisons, `and`/`or`/`not`, arithmetic.",
			Example: "stop-condition: metadata.accuracy >= 0.98",
		},
	},
	Snippet: "name: ${1:train}\nimage: ${2:python:3.12}\ncommand: ${3:python train.py {parameters\\}}",
}

// durationType is a time-limit: seconds, or text with unit suffixes.
var durationType = &Type{Kind: OneOf, Name: "duration", Ref: RefDuration,
	Options: []*Type{{Kind: Integer, Ref: RefDuration}, {Kind: String, Ref: RefDuration}}}

// StepResources is a step's `resources`: no ephemeral storage, unlike an
// endpoint's.
var StepResources = &Obj{Name: "step resources", Keys: resourceKeys()}
