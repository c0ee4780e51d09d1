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
	{CodeSyntax, "The file is not valid YAML, for example because of a bad indentation or an unclosed quote.", Error},
	{CodeUnknownKey, "A key Valohai does not know in this place, often a typo.", Error},
	{CodeMissingKey, "A key Valohai requires is missing, such as a step's image.", Error},
	{CodeWrongType, "A value of the wrong kind: text where a number, list or mapping is expected, or the other way round.", Error},
	{CodeInvalidValue, "A value that is not one of those the key allows.", Error},
	{CodePattern, "A text without the form the key requires, such as an endpoint name in upper case or a relative mount path.", Error},
	{CodeRange, "A number outside the range the key allows.", Error},
	{CodeTooLong, "A text longer than the key allows.", Error},
	{CodeMixedVariant, "Keys of two alternatives that exclude each other, such as an endpoint's wsgi and server-command.", Error},
	{CodeMissingVariant, "None of the alternatives is chosen, such as an endpoint with neither wsgi nor server-command.", Error},
	{CodeDuplicateName, "Two items of the same kind with the same name; the later one wins.", Warning},
	{CodeUnknownKind, "A top-level item of a kind Valohai does not know, such as a misspelt step.", Warning},
	{CodeEmptyItem, "An item without content, often because its keys are not indented under the kind.", Error},
	{CodeExtraKind, "A second kind in one item, such as an endpoint written inside a step's item.", Information},
	{CodeStrayKey, "A key written beside an item's kind instead of indented under it.", Information},
	{CodeDuplicateKey, "A key written twice in one mapping; only the last one counts.", Warning},
	{CodeYAML11, "A plain value that YAML 1.1 reads as something other than it looks, such as yes (true) or 010 (8).", Information},
	{CodeForeignTag, "A YAML tag such as !Ref that Valohai's YAML loader cannot build a value for, so it cannot read the file.", Error},
	{"deprecated", "A key or kind that still works but is deprecated, such as blueprint.", Hint},
}, append(semanticRules, scriptRules...)...)

// RuleFor returns the description of code, if it is listed.
func RuleFor(code string) (Rule, bool) {
	for _, r := range Rules {
		if r.Code == code {
			return r, true
		}
	}
	return Rule{}, false
}
