package diagnostics

// Codes of the semantic rules, which look at more than one value.
const (
	CodeMissingEnvironment   = "missing-environment"      // a runtime config preset without an environment
	CodeInvalidExpression    = "invalid-expression"       // a condition the platform's evaluator refuses
	CodeInvalidDuration      = "invalid-duration"         // a time-limit the parser cannot read
	CodeDuplicateNode        = "duplicate-node"           // two nodes of a pipeline share a name
	CodeUnknownNode          = "unknown-node"             // an edge or target names a node that is not there
	CodeSocketType           = "invalid-socket-type"      // an edge or target socket of an unknown type
	CodeMalformedSocket      = "malformed-socket"         // a socket that is not <node>.<type>.<key>
	CodeMalformedEdge        = "malformed-edge"           // a shorthand edge that is not [source, target]
	CodeUnknownStep          = "unknown-step"             // a reference to a step that is not defined
	CodeUnknownTask          = "unknown-task"             // a reference to a task blueprint that is not defined
	CodeUnknownInput         = "unknown-input"            // an input that the step does not have
	CodeUnknownParameter     = "unknown-parameter"        // a parameter that the step does not have
	CodeEmptyName            = "empty-name"               // a deployment node with an empty name
	CodeNoTarget             = "missing-target"           // a deployment without defaults.target
	CodeUnknownActionValue   = "unknown-action-value"     // a node action when/then Valohai does not list
	CodeNoTargets            = "no-targets"               // a pipeline parameter that feeds no node
	CodeIneffectiveKey       = "ineffective-key"          // a parameter key that has no effect
	CodeInvalidDefault       = "invalid-default"          // a parameter default of the wrong type or range
	CodeBayesianOnly         = "bayesian-only"            // a Bayesian setting on another kind of task
	CodeManualSearchOnly     = "manual-search-only"       // parameter sets on a task that is not manual search
	CodeFlagMultiple         = "flag-multiple"            // a flag parameter with multiple values
	CodeTargetConflict       = "target-and-targets"       // a pipeline parameter with target and targets
	CodeUncheckableTarget    = "uncheckable-target"       // a target on a node whose step is elsewhere
	CodeUnknownEndpoint      = "unknown-endpoint"         // a deployment node endpoint not defined in the file
	CodeUnknownPlaceholder   = "unknown-placeholder"      // {parameter:NAME} with no such parameter
	CodeDuplicateItem        = "duplicate-item"           // two parameters (inputs, ...) of a step share a name
	CodeDottedNodeName       = "dotted-node-name"         // a node name that sockets cannot address
	CodeUnknownFile          = "unknown-endpoint-file"    // a file socket naming no file of the endpoint
	CodeFileSocketForm       = "file-socket-form"         // a file socket without <endpoint>.<file>
	CodeNameCollision        = "pipeline-name-collision"  // a pipeline and a blueprint share a name
	CodeEmptyRange           = "empty-range"              // a parameter whose min is above its max
	CodeOptionTwice          = "placeholder-option-twice" // --NAME={parameter:NAME}: the option is written twice
	CodeMalformedPlaceholder = "malformed-placeholder"    // {param:x}, left in the command as text
	CodeUnbuildableCommand   = "unbuildable-command"      // valohai-yaml cannot build the commands with the defaults
)

// Codes of the checks against the Python scripts a step runs (package
// scripts).
const (
	CodeScriptUnknownOption       = "script-unknown-option"       // a parameter a parse_args script refuses
	CodeScriptRequiredOption      = "script-required-option"      // a required option the step never passes
	CodeScriptFlagValue           = "script-flag-value"           // a flag passed to an option that wants a value
	CodeScriptUnknownStep         = "script-unknown-step"         // prepare(step=...) names no step of the file
	CodeScriptUndeclaredParameter = "script-undeclared-parameter" // a parameter the script has and the step lacks
	CodeScriptUnusedParameter     = "script-unused-parameter"     // a parameter the step has and the script lacks
	CodeScriptUndeclaredInput     = "script-undeclared-input"     // an input the script has and the step lacks
	CodeScriptUnusedInput         = "script-unused-input"         // an input the step has and the script lacks
	CodeScriptTypeMismatch        = "script-type-mismatch"        // the step and the script type a parameter differently
	CodeScriptDefaultDiffers      = "script-default-differs"      // the step and the script give different defaults
	CodeScriptMissing             = "script-missing"              // a script the command runs is not in the project
	CodeScriptUnreadable          = "script-unreadable"           // a script or a prepare() value that cannot be read
	CodeScriptNotRead             = "script-not-read"             // the step runs a program that is not a Python script
)

// scriptRules describes the codes of the script checks.
var scriptRules = []Rule{
	{CodeScriptUnknownOption, "A parameter passed to a script that parses its arguments with parse_args and has no such option, so the run stops.", Warning},
	{CodeScriptRequiredOption, "An option the script requires that the step never passes, so the run stops.", Warning},
	{CodeScriptFlagValue, "A flag passed alone to an option that expects a value, so the run stops.", Warning},
	{CodeScriptUnknownStep, "A script's valohai.prepare() names a step that valohai.yaml does not have.", Information},
	{CodeScriptUndeclaredParameter, "A parameter the script declares or reads that the step does not have.", Information},
	{CodeScriptUnusedParameter, "A parameter of the step that the script does not declare.", Information},
	{CodeScriptUndeclaredInput, "An input the script declares or reads that the step does not have.", Information},
	{CodeScriptUnusedInput, "An input of the step that the script does not declare.", Information},
	{CodeScriptTypeMismatch, "The step and the script give a parameter different types.", Information},
	{CodeScriptDefaultDiffers, "The step and the script give a parameter different defaults; the step's is the one used.", Hint},
	{CodeScriptMissing, "A script the step's command runs is not in the project.", Hint},
	{CodeScriptUnreadable, "A script that cannot be read (permission denied, too large, nested deeper than Python allows), or a valohai.prepare() value that is not written as a literal: neither can be compared.", Hint},
	{CodeScriptNotRead, "A step that runs a program valohai-ls does not read (an R or shell script, a notebook, a binary), so its parameters are not compared with it.", Hint},
}

// semanticRules describes the codes above for Rules.
var semanticRules = []Rule{
	{CodeMissingEnvironment, "A runtime config preset without an environment in the same step or override.", Error},
	{CodeInvalidExpression, "A stop condition or action condition that Valohai cannot evaluate.", Error},
	{CodeInvalidDuration, "A time limit or timeout that is neither a number of seconds nor a text such as 1h 30m.", Error},
	{CodeDuplicateNode, "Two nodes of one pipeline have the same name.", Error},
	{CodeUnknownNode, "An edge or parameter target names a node the pipeline does not have.", Error},
	{CodeSocketType, "An edge or parameter target with a socket type Valohai does not know, such as outputs for output.", Error},
	{CodeMalformedSocket, "An edge socket that is not written node.type.key.", Error},
	{CodeMalformedEdge, "A [source, target] edge with one socket, or more than two.", Error},
	{CodeUnknownStep, "A node or task names a step that is not defined.", Error},
	{CodeUnknownTask, "A task node names a task blueprint that is not defined.", Error},
	{CodeUnknownInput, "An override or edge names an input the step does not have (an edge: a warning).", Error},
	{CodeUnknownParameter, "An override, target or edge names a parameter the step does not have (an edge: a warning).", Error},
	{CodeEmptyName, "A deployment node without a name.", Error},
	{CodeNoTarget, "A deployment without defaults.target, which cannot be created automatically.", Warning},
	{CodeUnknownActionValue, "A node action whose when or then value Valohai does not list, so the action may never run or do nothing.", Warning},
	{CodeNoTargets, "A pipeline parameter that feeds no node parameter.", Warning},
	{CodeIneffectiveKey, "A parameter key that has no effect on this type of parameter.", Warning},
	{CodeInvalidDefault, "A parameter default that does not fit its type, range or choices.", Warning},
	{CodeBayesianOnly, "A Bayesian optimisation setting on a task of another type.", Warning},
	{CodeManualSearchOnly, "Parameter sets on a task that is not a manual search.", Warning},
	{CodeFlagMultiple, "A flag parameter with multiple set; a flag takes one value.", Error},
	{CodeTargetConflict, "A pipeline parameter with both target and targets.", Error},
	{CodeUncheckableTarget, "A pipeline parameter target on a node whose step comes from another commit.", Error},
	{CodeUnknownEndpoint, "A deployment node names an endpoint the file does not define.", Information},
	{CodeUnknownPlaceholder, "A command placeholder names a parameter the step does not have.", Warning},
	{CodeDuplicateItem, "Two parameters, inputs, outputs or variables of one step share a name.", Information},
	{CodeDottedNodeName, "A node name with a dot, which edges and targets cannot name.", Information},
	{CodeUnknownFile, "A file socket that names a file the endpoint does not have.", Information},
	{CodeFileSocketForm, "A deployment node's file socket not written node.file.endpoint.file, so it names no file.", Information},
	{CodeUnknownOutput, "An output edge end that matches none of the outputs its node's step declares (a warning when it is near one).", Information},
	{CodeNameCollision, "A pipeline and a blueprint with the same name replace each other.", Information},
	{CodeEmptyRange, "A parameter whose min is greater than its max, so no value fits.", Information},
	{CodeOptionTwice, "An option written before a {parameter:NAME} placeholder that writes it already, so it is passed twice.", Warning},
	{CodeMalformedPlaceholder, "A placeholder in a form Valohai does not read, left in the command as text.", Warning},
	{CodeUnbuildableCommand, "A default or pass-as template that keeps valohai-yaml from building the commands of a run with the defaults, such as a list for a parameter that is not multiple.", Warning},
}

// structural are the codes of findings about the shape of a mapping or
// list (a key where it does not belong, missing, or twice; a mapping for
// a list), which an indentation changes.
var structural = map[string]bool{
	CodeSyntax: true, CodeUnknownKey: true, CodeMissingKey: true, CodeWrongType: true, CodeMixedVariant: true,
	CodeMissingVariant: true, CodeUnknownKind: true, CodeEmptyItem: true, CodeExtraKind: true, CodeStrayKey: true,
	CodeDuplicateKey: true, CodeIneffectiveKey: true,
}

// Structural reports a code of findings about the shape of the YAML
// rather than about a value.
func Structural(code string) bool { return structural[code] }
