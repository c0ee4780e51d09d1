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
