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
package python

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
}

// Pos is a place in the file: a byte offset, and the one-based line.
type Pos struct {
	Offset int
	Line   int
}

// Prepare is a `valohai.prepare(...)` call. A later call overwrites only
// the keywords it passes, as in valohai-utils.
type Prepare struct {
	Pos Pos // the call's `valohai`
	// Step, Image, Environment and UploadStore are the string keywords.
	Step, Image, Environment, UploadStore Str
	// DefaultParameters and DefaultInputs are the dict keywords, nil when
	// not passed.
	DefaultParameters, DefaultInputs *Dict
	// Multifile is the `multifile` keyword, when it is a literal.
	Multifile *Value
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
	Expr  Kind = iota // not a literal: Text holds the source text
	None              // None
	Bool              // True or False
	Int               // an int literal, possibly negative
	Float             // a float literal, possibly negative
	String            // a string literal (adjacent literals joined)
	List              // a list literal
	Tuple             // a tuple literal
	DictV             // a dict literal (Items holds key, value, key, value...)
	Set               // a set literal
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
	// Action is the `action` keyword when it is a string literal.
	Action string
	// Required is the `required` keyword when it is the literal True.
	Required bool
	// Choices and Nargs are the keywords, nil when not passed.
	Choices, Nargs *Value
}

// Use is a literal name read with `valohai.parameters(...)` or
// `valohai.inputs(...)`.
type Use struct {
	Name string
	Pos  Pos
}
