package diagnostics

// Codes of the semantic rules, which look at more than one value.
const (
	CodeMissingEnvironment = "missing-environment"     // a runtime config preset without an environment
	CodeInvalidExpression  = "invalid-expression"      // a condition the platform's evaluator refuses
	CodeInvalidDuration    = "invalid-duration"        // a time-limit the parser cannot read
	CodeDuplicateNode      = "duplicate-node"          // two nodes of a pipeline share a name
	CodeUnknownNode        = "unknown-node"            // an edge or target names a node that is not there
	CodeSocketType         = "invalid-socket-type"     // an edge or target socket of an unknown type
	CodeMalformedSocket    = "malformed-socket"        // a socket that is not <node>.<type>.<key>
	CodeMalformedEdge      = "malformed-edge"          // a shorthand edge that is not [source, target]
	CodeUnknownStep        = "unknown-step"            // a reference to a step that is not defined
	CodeUnknownTask        = "unknown-task"            // a reference to a task blueprint that is not defined
	CodeUnknownInput       = "unknown-input"           // an input that the step does not have
	CodeUnknownParameter   = "unknown-parameter"       // a parameter that the step does not have
	CodeEmptyName          = "empty-name"              // a deployment node with an empty name
	CodeNoTarget           = "missing-target"          // a deployment without defaults.target
	CodeUnknownActionValue = "unknown-action-value"    // a node action when/then the validator does not know
	CodeNoTargets          = "no-targets"              // a pipeline parameter that feeds no node
	CodeIneffectiveKey     = "ineffective-key"         // a parameter key that has no effect
	CodeInvalidDefault     = "invalid-default"         // a parameter default of the wrong type or range
	CodeBayesianOnly       = "bayesian-only"           // a Bayesian setting on another kind of task
	CodeManualSearchOnly   = "manual-search-only"      // parameter sets on a task that is not manual search
	CodeFlagMultiple       = "flag-multiple"           // a flag parameter with multiple values
	CodeTargetConflict     = "target-and-targets"      // a pipeline parameter with target and targets
	CodeUncheckableTarget  = "uncheckable-target"      // a target on a node whose step is elsewhere
	CodeUnknownEndpoint    = "unknown-endpoint"        // a deployment node endpoint not defined in the file
	CodeUnknownPlaceholder = "unknown-placeholder"     // {parameter:NAME} with no such parameter
	CodeDuplicateItem      = "duplicate-item"          // two parameters (inputs, ...) of a step share a name
	CodeDottedNodeName     = "dotted-node-name"        // a node name that sockets cannot address
	CodeUnknownFile        = "unknown-endpoint-file"   // a file socket naming no file of the endpoint
	CodeNameCollision      = "pipeline-name-collision" // a pipeline and a blueprint share a name
)
