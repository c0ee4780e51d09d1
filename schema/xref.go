package schema

// The keys and socket types that references between items go through.
// Completion, navigation and the cross-reference rules use these names
// instead of spelling keys themselves.
const (
	XName       = "name"       // the key naming an item of any kind
	XType       = "type"       // a pipeline node's kind
	XStep       = "step"       // the step a node or task runs
	XTask       = "task"       // the task blueprint a task node uses
	XParameters = "parameters" // a step's (or pipeline's) parameters
	XInputs     = "inputs"     // a step's inputs
	XOutputs    = "outputs"    // a step's outputs
	XNodes      = "nodes"      // a pipeline's nodes
	XEdges      = "edges"      // a pipeline's edges
	XEndpoints  = "endpoints"  // a deployment node's endpoints
	XFiles      = "files"      // an endpoint's files
	XCommand    = "command"    // a step's command
)

// Node types of a pipeline.
const (
	NodeExecution  = "execution"
	NodeTask       = "task"
	NodeDeployment = "deployment"
)

// Socket types used in edges: <node>.<type>.<key>.
const (
	SocketOutput     = "output"
	SocketInput      = "input"
	SocketParameter  = "parameter"
	SocketMetadata   = "metadata"
	SocketFile       = "file"
	SocketEnvVar     = "environment-variable"
	SocketDependency = "dependency"
	SocketDeployment = "deployment"
)

// Placeholders that pass every parameter, and the step's script.
const (
	PlaceholderParameters = "{parameters}"
	PlaceholderParams     = "{params}"
	PlaceholderSourcePath = "{source-path}"
	// PlaceholderParameter passes one parameter in its pass-as form,
	// PlaceholderParameterValue only its value (NAME stands for the name).
	PlaceholderParameter      = "{parameter:NAME}"
	PlaceholderParameterValue = "{parameter-value:NAME}"
)

// RepositoryRoot is where an execution finds the project's files.
const RepositoryRoot = "/valohai/repository"

// Placeholder is a command placeholder and what it expands to.
type Placeholder struct {
	Text string // as written, NAME standing for a parameter name
	Doc  string
}

// Placeholders are the placeholders a step's command may use.
var Placeholders = []Placeholder{
	{PlaceholderParameters, "Every parameter that has a value, each in its `pass-as` form."},
	{PlaceholderParams, "Same as `{parameters}`."},
	{PlaceholderParameter, "One parameter in its `pass-as` form (left as written when NAME is not a parameter)."},
	{PlaceholderParameterValue, "Only the value of one parameter, shell-quoted."},
	{PlaceholderSourcePath, "The step's `source-path`."},
}

// More keys that references go through, for navigation, renaming and
// quick fixes.
const (
	XSource        = "source"         // an edge's source socket
	XTarget        = "target"         // an edge's target socket; a pipeline parameter's single target
	XTargets       = "targets"        // a pipeline parameter's targets
	XOverride      = "override"       // a node's step overrides
	XDeployment    = "deployment"     // the deployment a deployment node updates
	XParameterSets = "parameter-sets" // a task's explicit parameter combinations
	XWSGI          = "wsgi"           // an endpoint's WSGI application
	XServerCommand = "server-command" // an endpoint's own server command
)

// Keys that the semantic rules read.
const (
	XActions             = "actions"               // a node's actions
	XWhen                = "when"                  // an action's moments
	XThen                = "then"                  // an action's effects
	XIf                  = "if"                    // an action's conditions
	XCommit              = "commit"                // a node's pinned commit
	XMultiple            = "multiple"              // a parameter's multiple-value mode
	XOptional            = "optional"              // a parameter's or input's optionality
	XPassAs              = "pass-as"               // a parameter's command-line form
	XPassTrueAs          = "pass-true-as"          // a flag's form when true
	XPassFalseAs         = "pass-false-as"         // a flag's form when false
	XMin                 = "min"                   // a lower bound
	XMax                 = "max"                   // an upper bound
	XDefault             = "default"               // a default value
	XChoices             = "choices"               // a parameter's allowed values
	XDefaults            = "defaults"              // a deployment's creation defaults
	XRules               = "rules"                 // a variant parameter's rules
	XItems               = "items"                 // a variant rule's explicit values
	XStopCondition       = "stop-condition"        // a step's or task's stop expression
	XEnvironment         = "environment"           // an execution environment
	XRuntimeConfigPreset = "runtime-config-preset" // a runtime configuration preset
)

// More keys that the semantic rules read.
const (
	XTimeLimit       = "time-limit"            // a step's run time limit
	XNoOutputTimeout = "no-output-timeout"     // a step's silence limit
	XEnvVars         = "environment-variables" // a step's environment variables
	XOnChildError    = "on-child-error"        // a task's handling of failed executions
)

// Parameter types (the values of a parameter's `type`).
const (
	ParamString  = "string"
	ParamInteger = "integer"
	ParamFloat   = "float"
	ParamFlag    = "flag"
)

// Values of a parameter's `multiple`.
const (
	MultipleNone     = "none"
	MultipleRepeat   = "repeat"
	MultipleSeparate = "separate"
)

// Task types that the rules single out.
const (
	TaskGridSearch   = "grid_search"   // the default
	TaskManualSearch = "manual_search" // the one that reads parameter-sets
	TaskBayesianTPE  = "bayesian_tpe"  // the one that reads the Bayesian keys
)

// BayesianOnlyKeys are the task keys that only Bayesian optimisation reads.
var BayesianOnlyKeys = []string{"engine", "optimization-target-metric", "optimization-target-value"}

// The node action values Valohai documents. The official tool warns about
// others, and also about ThenRequireApproval, which Valohai documents and
// uses in its own projects.
var (
	KnownWhen = []string{"node-starting", "node-complete", "node-error"}
	KnownThen = []string{"stop-pipeline", "error-pipeline", "noop", ThenRequireApproval}
)

// ThenRequireApproval is a documented `then` the official tool does not know.
const ThenRequireApproval = "require-approval"

// XSourcePath is a step's script, for the `{source-path}` placeholder.
const XSourcePath = "source-path"

// Keys and values that generating a step from a script writes.
const (
	XImage                = "image"              // a step's Docker image
	XMultipleSeparator    = "multiple-separator" // a parameter's separator of values
	XKeepDirectories      = "keep-directories"   // an input's directory handling
	KeepDirectoriesSuffix = "suffix"             // keep the part of the path after a wildcard
)

// FileNames are the names a project's configuration file goes by, the
// first preferred.
var FileNames = []string{"valohai.yaml", "valohai.yml"}
