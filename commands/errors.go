package commands

import "fmt"

// ErrorKind says why commands could not be built.
type ErrorKind int

const (
	// Unbuildable: valohai-yaml itself fails to build the commands.
	Unbuildable ErrorKind = iota
	// Unsupported: valohai-ls cannot tell exactly what valohai-yaml
	// builds (a format spec in a pass-as template, a value it does not
	// print), so it shows nothing rather than a guess.
	Unsupported
)

// Reason names what failed, for rules that single one out.
type Reason int

// Reasons.
const (
	ReasonOther Reason = iota
	// ReasonListValue: a list value for a parameter that is not multiple.
	ReasonListValue
	// ReasonNestedList: a list inside the list of a repeated parameter.
	ReasonNestedList
	// ReasonUnknownField: a pass-as template names a field other than
	// name, value and v.
	ReasonUnknownField
)

// Error is why commands could not be built.
type Error struct {
	Kind   ErrorKind
	Reason Reason
	// Param is the parameter whose value or template failed, if any.
	Param string
	// Field is the unknown field a template names (ReasonUnknownField).
	Field string
	Msg   string
}

func (e *Error) Error() string { return e.Msg }

func unbuildable(reason Reason, param, format string, args ...any) *Error {
	return &Error{Kind: Unbuildable, Reason: reason, Param: param, Msg: fmt.Sprintf(format, args...)}
}

func unsupported(param, format string, args ...any) *Error {
	return &Error{Kind: Unsupported, Param: param, Msg: fmt.Sprintf(format, args...)}
}

// formatError is Python's ValueError from str.format: valohai-yaml then
// keeps the command line as written.
type formatError struct{ msg string }

func (e *formatError) Error() string { return e.msg }
