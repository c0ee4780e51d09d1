// Package commands builds the commands a step, a pipeline node or a task's
// executions run, as Valohai builds them (valohai-yaml's build_command):
// each command with its placeholders filled in from parameter values.
//
// Values are Python values (pyvalue.Value): read from YAML as the official loader
// types them (YAML 1.1), or from JSON. Each parameter is written in its
// pass-as form through a Python str.format template (Format), split on
// whitespace and shell-quoted as Python's shlex.quote does (Quote).
//
// A step's parameters are read through the model (Step, Node), the keys
// they are written under only through the schema; a node override's and a
// task's, which the model does not hold as children, from their lists.
// A parameter whose name YAML reads as no text (`- name: null`) is no
// name: its commands are not previewed. What valohai-yaml itself
// cannot build is an *Error (a list for a parameter that is not multiple,
// an unknown name in a pass-as template); what this package cannot repeat
// exactly (a format spec in a template, a value of a type it does not
// print) is an *Error too, of kind Unsupported, so that no preview is ever
// a guess.
package commands
