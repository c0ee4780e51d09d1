package schema

// The words people write for an enum value they mean, by meaning rather
// than spelling (a misspelling is found by its distance): the names other
// languages give the parameter types, and the everyday words for the
// modes of keys such as keep-directories. Each maps a word, in lower
// case, to the values it may mean, the likelier first; a word that means
// one value is its fix, a word that means several is a choice.

// paramTypeAliases are the names other languages give the parameter
// types.
var paramTypeAliases = map[string][]string{
	"str": {ParamString}, "text": {ParamString}, "char": {ParamString}, "varchar": {ParamString},
	"int": {ParamInteger}, "long": {ParamInteger}, "int64": {ParamInteger}, "int32": {ParamInteger},
	"uint": {ParamInteger}, "whole": {ParamInteger},
	"float64": {ParamFloat}, "float32": {ParamFloat}, "double": {ParamFloat}, "decimal": {ParamFloat},
	"real": {ParamFloat},
	"bool": {ParamFlag}, "boolean": {ParamFlag}, "switch": {ParamFlag}, "toggle": {ParamFlag},
	// A number may be either; a float also holds whole numbers.
	"number": {ParamFloat, ParamInteger}, "numeric": {ParamFloat, ParamInteger}, "num": {ParamFloat, ParamInteger},
}

// multipleAliases are words for how a parameter takes several values.
var multipleAliases = map[string][]string{
	"single": {"none"}, "one": {"none"}, "never": {"none"},
	"repeated": {"repeat"}, "repeating": {"repeat"}, "each": {"repeat"}, "multiple": {"repeat"}, "list": {"repeat", "separate"},
	"join": {"separate"}, "joined": {"separate"}, "separated": {"separate"}, "concat": {"separate"}, "comma": {"separate"},
}

// keepDirectoriesAliases are words for how much of a file's path is kept.
var keepDirectoriesAliases = map[string][]string{
	"nothing": {"none"}, "never": {"none"}, "flat": {"none"}, "flatten": {"none"},
	"all": {"full"}, "keep": {"full"}, "whole": {"full"}, "path": {"full"}, "always": {"full"},
	"some": {"suffix"}, "partial": {"suffix"}, "part": {"suffix"}, "relative": {"suffix"}, "rest": {"suffix"},
}

// downloadAliases are words for when an input's files are fetched.
var downloadAliases = map[string][]string{
	"eager": {"always"}, "before": {"always"}, "upfront": {"always"},
	"lazy": {"on-demand"}, "later": {"on-demand"}, "never": {"on-demand"}, "demand": {"on-demand"}, "url": {"on-demand"},
}

// nodeTypeAliases are words for what a pipeline node runs.
var nodeTypeAliases = map[string][]string{
	"step": {NodeExecution}, "run": {NodeExecution}, "exec": {NodeExecution}, "job": {NodeExecution},
	"sweep": {NodeTask}, "search": {NodeTask}, "tasks": {NodeTask},
	"deploy": {NodeDeployment}, "endpoint": {NodeDeployment}, "release": {NodeDeployment},
}

// onErrorAliases are words for what a pipeline does when a node fails.
var onErrorAliases = map[string][]string{
	// "stop" may mean stopping everything or only what follows: a choice.
	"stop": {"stop-all", "stop-next"}, "abort": {"stop-all"}, "halt": {"stop-all"}, "fail": {"stop-all"},
	"ignore": {"continue"}, "proceed": {"continue"}, "keep-going": {"continue"},
	"restart": {"retry"}, "rerun": {"retry"}, "again": {"retry"},
}

// edgeMergeAliases are words for how edge values meet a node's own.
var edgeMergeAliases = map[string][]string{
	"overwrite": {"replace"}, "override": {"replace"}, "replaced": {"replace"},
	"add": {"append"}, "extend": {"append"}, "merge": {"append"}, "combine": {"append"}, "appended": {"append"},
}

// styleAliases are words for how a task varies a parameter.
var styleAliases = map[string][]string{
	"fixed": {"single"}, "constant": {"single"}, "one": {"single"},
	"list": {"multiple"}, "items": {"multiple"}, "values": {"multiple"}, "choices": {"multiple"}, "choice": {"multiple"},
	"range": {"linear"}, "linspace": {"linear"}, "lin": {"linear"},
	"log": {"logspace"}, "logarithmic": {"logspace"},
	"uniform": {"random"}, "rand": {"random"}, "sample": {"random"},
}

// operatorAliases are words for how a toleration compares a taint.
var operatorAliases = map[string][]string{
	"exist": {"Exists"}, "any": {"Exists"},
	"equals": {"Equal"}, "eq": {"Equal"}, "is": {"Equal"},
}
