// Package python reads, without running anything, what valohai-ls needs
// from a Python script that a step runs: the `valohai.prepare(...)` call of
// valohai-utils (the step it names, its default parameters and inputs),
// the script's argparse options (`add_argument`), whether it parses its
// arguments strictly (`parse_args`) or not (`parse_known_args`), and the
// names it reads with `valohai.parameters("x")` and `valohai.inputs("x")`.
//
// It is pure Go: a tokenizer that knows today's Python tokens (string
// prefixes, f-strings with nested quotes, triple quotes, continuation
// lines, brackets, comments) and a reader of calls and literals. It reads
// any text without failing, and reads literals only, as valohai-utils does:
// what is not a literal is reported as such, never guessed.
//
// The prepare call is found as valohai-utils' parser (an ast.NodeVisitor)
// finds it: `valohai.prepare(...)` with the module written `valohai`, at
// any nesting (function and class bodies, if, with, for, try, match,
// decorators, f-string fields), but not when the statement is an
// assignment (`x = valohai.prepare(...)`, annotated or not), nor inside
// another call's arguments, nor as part of what is called
// (`valohai.prepare(...).x()`): the visitor enters none of those. A name
// given as default_parameters / default_inputs is looked up among the
// earlier `NAME = literal` and `NAME: T = literal` statements (one target,
// a plain name; a later non-literal value leaves the earlier one), in
// source order. Where valohai-utils would raise an error, the keyword is
// listed in Prepare.Unreadable.
//
// Expression texts (a non-literal default, a type that is not a name) are
// written as Python's ast.unparse writes them, as far as tokens allow:
// the redundant parentheses ast.unparse drops are dropped only around a
// single primary, and the ones it adds for precedence are not added.
package python

import "strings"

// Script is what Read finds in one file.
type Script struct {
	// Prepare is the file's `valohai.prepare(...)` call statement as
	// valohai-utils' parser finds it, nil when there is none.
	Prepare *Prepare
	// Arguments are the `X.add_argument(...)` calls, in source order.
	Arguments []Argument
	// ParseArgs and ParseKnownArgs count the `.parse_args(` and
	// `.parse_known_args(` calls.
	ParseArgs, ParseKnownArgs int
	// Parameters and Inputs are the literal names passed to
	// `valohai.parameters("x")` and `valohai.inputs("x")` (also through an
	// alias such as `import valohai as vh`), in source order.
	Parameters, Inputs []Use
	// Refused says why the script was not read at all (a file Python
	// itself refuses, such as one nested deeper than MaxNesting); empty
	// when it was read.
	Refused string
}

// Pos is a place in the file: a byte offset, and the one-based line.
type Pos struct {
	Offset int
	Line   int
}

// Prepare is a `valohai.prepare(...)` call. As in valohai-utils, a later
// call overwrites the keywords it passes, and the step always (a call
// without `step` makes it "default").
type Prepare struct {
	Pos Pos // the call's `valohai`
	// Step, Image, Environment and UploadStore are the string keywords.
	Step, Image, Environment, UploadStore Str
	// DefaultParameters and DefaultInputs are the dict keywords, nil when
	// not passed.
	DefaultParameters, DefaultInputs *Dict
	// Parameters and Inputs are the keywords `parameters` and `inputs` of
	// valohai-utils' older signature, which its parser no longer reads
	// (nor lists in Unreadable); nil when not passed.
	Parameters, Inputs *Dict
	// Multifile is the `multifile` keyword, when it is a literal.
	Multifile *Value
	// Unreadable lists the keywords, over all the calls, that
	// valohai-utils' parser cannot read (it stops with an error on the
	// first): a dict keyword that is neither a dict literal nor a name
	// assigned a literal earlier, or a keyword that is not a literal.
	Unreadable []Unreadable
}

// ParameterDict returns the dict of parameters the calls declare, and
// the keyword that passes it: default_parameters, else the older
// parameters; nil when neither is passed.
func (p *Prepare) ParameterDict() (*Dict, string) {
	if p.DefaultParameters == nil && p.Parameters != nil {
		return p.Parameters, "parameters"
	}
	return p.DefaultParameters, "default_parameters"
}

// InputDict is ParameterDict for inputs.
func (p *Prepare) InputDict() (*Dict, string) {
	if p.DefaultInputs == nil && p.Inputs != nil {
		return p.Inputs, "inputs"
	}
	return p.DefaultInputs, "default_inputs"
}

// Str is a keyword that must be a literal string.
type Str struct {
	Value string
	// Set reports that the keyword is passed; Literal that its value is a
	// string literal (else Value is empty and the keyword cannot be read).
	Set, Literal bool
	Pos          Pos
}

// Dict is a dict literal (or a name assigned one earlier in the file).
type Dict struct {
	Pos Pos
	// Literal reports that the value is a dict literal that could be read
	// whole; when false, Entries is empty.
	Literal bool
	Entries []Entry
}

// Entry is one key of a dict literal, with a string key.
type Entry struct {
	Key   string
	Value Value
	Pos   Pos // the key's string literal
}

// Kind is what a Value is.
type Kind int

// Value kinds.
const (
	Expr   Kind = iota // not a literal: Text holds the source text
	None               // None
	Bool               // True or False
	Int                // an int literal, possibly negative
	Float              // a float literal, possibly negative
	String             // a string literal (adjacent literals joined)
	List               // a list literal
	Tuple              // a tuple literal
	DictV              // a dict literal (Items holds key, value, key, value...)
	Set                // a set literal
)

// Value is a Python literal, or the text of an expression that is not one.
type Value struct {
	Kind Kind
	// Text is the string's value (String), the literal as written (Int,
	// Float), or the source text (Expr).
	Text  string
	Bool  bool
	Num   float64 // Int and Float
	Items []Value // List, Tuple, Set; DictV as key, value pairs
	Pos   Pos
}

// Argument is one `add_argument(...)` call.
type Argument struct {
	Pos Pos // the call's `add_argument`
	// Line is the line where the call starts (its receiver's line), as
	// Python's ast gives it.
	Line int
	// Options are the leading string-literal positional arguments
	// (`"--lr"`, `"-l"`, or a positional's name), each with its place.
	Options    []string
	OptionsPos []Pos
	// Dest is the `dest` keyword when it is a string literal.
	Dest Str
	// Type is the `type` keyword: a name (`int`, `str2bool`), `<lambda>`,
	// or the source text of another expression; "" when not passed.
	Type string
	// Default is the `default` keyword; HasDefault reports it is passed.
	Default    Value
	HasDefault bool
	// Action is the `action` keyword when it is a string literal;
	// ActionExpr the source text of another value (a class name).
	Action, ActionExpr string
	// Required is the `required` keyword when it is the literal True;
	// RequiredValue the keyword's value, nil when not passed.
	Required      bool
	RequiredValue *Value
	// Choices and Nargs are the keywords, nil when not passed.
	Choices, Nargs *Value
}

// Use is a literal name read with `valohai.parameters(...)` or
// `valohai.inputs(...)`.
type Use struct {
	Name string
	Pos  Pos
}

// FirstIsLong reports whether the first option string starts with `--`.
func (a Argument) FirstIsLong() bool {
	return len(a.Options) > 0 && strings.HasPrefix(a.Options[0], "--")
}

// HasLong reports whether an option string starts with `--`.
func (a Argument) HasLong() bool {
	for _, o := range a.Options {
		if strings.HasPrefix(o, "--") {
			return true
		}
	}
	return false
}

// EffectiveDest is the attribute argparse stores the option under: dest
// when it is given, else the first `--` option without its dashes, else
// the first option without its dash, with `-` turned into `_` (a
// positional's name is its dest as written).
func (a Argument) EffectiveDest() string {
	if a.Dest.Literal {
		return a.Dest.Value
	}
	if len(a.Options) == 0 {
		return ""
	}
	if !strings.HasPrefix(a.Options[0], "-") {
		return a.Options[0]
	}
	pick := a.Options[0]
	for _, o := range a.Options {
		if strings.HasPrefix(o, "--") {
			pick = o
			break
		}
	}
	return strings.ReplaceAll(strings.TrimLeft(pick, "-"), "-", "_")
}

// ParsesWith tells how the script parses its arguments: "parse_args",
// "parse_known_args", "both" or "none".
func (s *Script) ParsesWith() string {
	switch {
	case s.ParseArgs > 0 && s.ParseKnownArgs > 0:
		return "both"
	case s.ParseArgs > 0:
		return "parse_args"
	case s.ParseKnownArgs > 0:
		return "parse_known_args"
	}
	return "none"
}
