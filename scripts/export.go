package scripts

import (
	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/pyvalue"

	"github.com/valohai-ls/valohai-ls/python"
)

// The comparisons of the checks, for the fixes that resolve them (package
// stepsync).

// SameDefault reports whether a step parameter's default and a script's
// literal are the same value (a string and a one-item list holding it are).
func SameDefault(def *yaml.Node, v python.Value) bool {
	def = document.Deref(def)
	return def != nil && same(pyvalue.Of(def), v)
}

// ParamType is a step parameter's type, string when none is written.
func ParamType(p *yaml.Node) string { return paramType(p) }

// PassOption returns the option a parameter is passed as, and whether that
// word is all that is passed.
func PassOption(p *yaml.Node, name string) (string, bool) { return passOption(p, name) }

// ExpectsValue reports whether an argparse option takes a value after it.
func ExpectsValue(a python.Argument) bool { return expectsValue(a) }

// ArgType is the parameter type an argparse option corresponds to, "" when
// it cannot be told.
func ArgType(a python.Argument) string { return argType(a) }

// ValueType is the parameter type valohai-utils gives a default.
func ValueType(v python.Value) string { return valueType(v) }

// FindOption returns the index, in args, of the argument that option opt
// reaches (its own, or the long option it abbreviates), else -1.
func FindOption(args []python.Argument, opt string) int {
	return readOptions(&python.Script{Arguments: args}).find(opt)
}
