package diagnostics

// Rule describes a diagnostic code for tools that list the rules they
// apply (SARIF reports, settings validation, documentation).
type Rule struct {
	Code        string
	Description string
	// Severity is the severity the code usually has; some codes are
	// reported at another severity in particular places.
	Severity Severity
}

// Rules lists the codes this package reports, in a stable order. A code
// that is missing here is still reported; tools describe it generically.
var Rules = append([]Rule{
	{CodeSyntax, "The file is not valid YAML.", Error},
	{CodeUnknownKey, "A key that the construct does not have (often a typo).", Error},
	{CodeMissingKey, "A required key is missing.", Error},
	{CodeWrongType, "A value has the wrong type or shape.", Error},
	{CodeInvalidValue, "A value is not one of the allowed values.", Error},
	{CodePattern, "A string does not have the required form.", Error},
	{CodeRange, "A number is outside its allowed range.", Error},
	{CodeTooLong, "A string is longer than allowed.", Error},
	{CodeMixedVariant, "Keys of two exclusive variants are used together.", Error},
	{CodeMissingVariant, "None of a construct's variants is chosen.", Error},
	{CodeDuplicateName, "Two items of the same kind share a name; the later one wins.", Warning},
	{CodeUnknownKind, "A top-level item of an unknown kind, which is ignored.", Warning},
	{CodeEmptyItem, "An item without content.", Error},
	{CodeExtraKind, "A second kind key in one item, which is ignored.", Information},
	{CodeStrayKey, "A key beside an item's kind that is ignored.", Information},
	{CodeDuplicateKey, "A key appears twice in one mapping; the last one counts.", Warning},
	{CodeYAML11, "A plain value that YAML 1.1 reads differently from what it looks like.", Information},
	{"deprecated", "A deprecated key or construct.", Hint},
	{"missing-environment", "A runtime config preset without an environment.", Error},
	{"invalid-expression", "A condition the platform's expression evaluator refuses.", Error},
	{"invalid-duration", "A time limit the platform cannot read.", Error},
	{"duplicate-node", "Two nodes of a pipeline share a name.", Error},
	{"unknown-node", "An edge or parameter target names a node the pipeline does not have.", Error},
	{"invalid-socket-type", "An edge or target socket of an unknown type.", Error},
	{"malformed-socket", "A socket that is not <node>.<type>.<key>.", Error},
	{"malformed-edge", "A shorthand edge that is not [source, target].", Error},
	{"unknown-step", "A reference to a step the file does not define.", Error},
	{"unknown-task", "A reference to a task blueprint the file does not define.", Error},
	{"unknown-input", "An input the step does not have.", Error},
	{"unknown-parameter", "A parameter the step does not have.", Error},
	{"empty-name", "A node with an empty name.", Error},
	{"missing-target", "A deployment without defaults.target.", Warning},
	{"unknown-action-value", "A node action moment or effect the platform does not know.", Warning},
	{"no-targets", "A pipeline parameter that feeds no node.", Warning},
	{"ineffective-key", "A parameter key that has no effect.", Warning},
	{"invalid-default", "A parameter default of the wrong type or out of range.", Warning},
	{"bayesian-only", "A Bayesian optimisation setting on another kind of task.", Warning},
	{"manual-search-only", "Parameter sets on a task that is not a manual search.", Warning},
	{"flag-multiple", "A flag parameter that takes several values.", Error},
	{"target-and-targets", "A pipeline parameter with both target and targets.", Error},
	{"uncheckable-target", "A parameter target on a node whose step is defined elsewhere.", Error},
	{"unknown-endpoint", "A deployment node endpoint the file does not define.", Information},
	{"unknown-placeholder", "A {parameter:NAME} placeholder naming no parameter.", Information},
	{"duplicate-item", "Two parameters, inputs or other named entries of one step share a name.", Information},
	{"dotted-node-name", "A node name with a dot, which edges cannot address.", Information},
	{"unknown-endpoint-file", "A file socket naming no file of the endpoint.", Information},
	{"pipeline-name-collision", "A pipeline and a blueprint share a name and replace each other.", Information},
}, semanticRules...)

// RuleFor returns the description of code, if it is listed.
func RuleFor(code string) (Rule, bool) {
	for _, r := range Rules {
		if r.Code == code {
			return r, true
		}
	}
	return Rule{}, false
}
