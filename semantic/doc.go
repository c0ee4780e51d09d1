// Package semantic lists the semantic tokens of a valohai.yaml, for
// editors to colour what the YAML grammar cannot tell: the placeholders
// Valohai fills in inside commands, and the names that define or refer to
// a step, pipeline, node, parameter, input, output, endpoint, task,
// deployment or file. A reference to a name the file should define and
// does not is marked unresolved. Everything is read from the shared model
// of the version (model.Of): the same names and references completion,
// navigation and diagnostics use.
//
// Tokens are byte spans of the text, one line each, in order and never
// overlapping; the server turns them into the LSP's relative encoding.
package semantic
