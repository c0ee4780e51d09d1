package model

import (
	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/pyvalue"
	"github.com/valohai-ls/valohai-ls/schema"
)

// StepStatus says what is known of the step a node or task runs.
type StepStatus int

// Step statuses.
const (
	// StepNone: it runs no step (a deployment node, a node of no known
	// type, or no step written).
	StepNone StepStatus = iota
	// StepFound: the file defines the step (Step is set).
	StepFound
	// StepMissing: the step (or the node's task blueprint) is named but
	// the file does not define it.
	StepMissing
	// StepElsewhere: the node is pinned to a commit and runs that
	// commit's step, which this file cannot tell.
	StepElsewhere
	// StepUnsure: the name is not defined, but a broken item may define it.
	StepUnsure
)

// StepOf is the step that a pipeline node or a task blueprint runs.
type StepOf struct {
	Status StepStatus
	// Name is the step's name: the node's own, or its blueprint's.
	Name string
	// Step is the step's item, when the file defines it: hollow in a
	// model assembled item by item (Whole gives all of it).
	Step *Symbol
	// Task is the node's task blueprint, and TaskName its name, when the
	// node runs through one. TaskMissing reports a blueprint the file
	// does not define (Status is then StepMissing or StepUnsure).
	Task        *Symbol
	TaskName    string
	TaskMissing bool
}

// StepOf returns the step that s runs, by the official rules: a task node
// that names a task blueprint runs the blueprint's step, other execution
// and task nodes their own `step`, a node pinned to a `commit` a step of
// that commit, a task blueprint its `step`.
func (x *Model) StepOf(s *Symbol) StepOf {
	if s == nil || s.Body == nil {
		return StepOf{}
	}
	switch s.Kind {
	case KindTask:
		return x.StepOfTask(s.Body)
	case KindNode:
		return x.StepOfNode(s.Body)
	}
	return StepOf{}
}

// StepOfTask returns the step that the task blueprint written as the
// mapping body runs, which need not be a task of the model (completion
// reads the task it is in from the text being typed).
func (x *Model) StepOfTask(body *yaml.Node) StepOf {
	return x.stepNamed(document.ValueOf(document.Deref(body), schema.XStep))
}

// StepOfNode returns the step that the pipeline node written as the
// mapping body runs, which need not be a node of the model (completion
// reads the node it is in from the text being typed).
func (x *Model) StepOfNode(body *yaml.Node) StepOf {
	body = document.Deref(body)
	if body == nil || body.Kind != yaml.MappingNode {
		return StepOf{}
	}
	typ := document.Scalar(document.Deref(document.ValueOf(body, schema.XType)))
	if typ != schema.NodeExecution && typ != schema.NodeTask {
		return StepOf{} // a deployment node, or a node of no known type
	}
	var out StepOf
	if tv := document.ValueOf(body, schema.XTask); typ == schema.NodeTask && scalar(tv) != "" {
		out.TaskName = scalar(tv)
		out.Task = x.Lookup(KindTask, out.TaskName)
		if out.Task == nil {
			out.TaskMissing = true
			out.Status = x.missing(KindTask, out.TaskName)
		} else {
			out.Name = scalar(document.ValueOf(out.Task.Body, schema.XStep))
		}
	} else {
		out.Name = scalar(document.ValueOf(body, schema.XStep))
	}
	if Pinned(body) {
		out.Status, out.Step = StepElsewhere, nil
		return out
	}
	if out.TaskMissing {
		return out
	}
	if out.Task != nil && out.Task.Broken {
		out.Status = StepUnsure
		return out
	}
	switch {
	case out.Name != "":
		r := x.byName(out.Name)
		out.Status, out.Step = r.Status, r.Step
	case out.Task != nil:
		out.Status = StepMissing // a blueprint without a step
	}
	return out
}

// Checkable reports whether the step is known in full: defined in the
// file, and not in a broken item whose lines may hold more than was read.
func (s StepOf) Checkable() bool {
	return s.Status == StepFound && s.Step != nil && !s.Step.Broken
}

// stepNamed resolves the step named by the scalar v.
func (x *Model) stepNamed(v *yaml.Node) StepOf {
	name := scalar(v)
	if name == "" {
		return StepOf{}
	}
	return x.byName(name)
}

// byName resolves a step by name without loading it: in a model
// assembled item by item the step may be hollow (see Whole).
func (x *Model) byName(name string) StepOf {
	st := x.lookup(KindStep, name)
	x.recordLookup(KindStep, name, st)
	if st != nil {
		return StepOf{Status: StepFound, Name: name, Step: st}
	}
	return StepOf{Status: x.missing(KindStep, name), Name: name}
}

// missing returns the status of a name of kind that Lookup did not find.
func (x *Model) missing(kind Kind, name string) StepStatus {
	if name == "" {
		return StepNone
	}
	if x.MayDefine(kind) {
		return StepUnsure
	}
	return StepMissing
}

// Pinned reports whether a node takes its step from another commit: its
// `commit` is set to a value Python reads as true.
func Pinned(node *yaml.Node) bool {
	v := document.Deref(document.ValueOf(node, schema.XCommit))
	return v != nil && pyvalue.Of(v).Truthy()
}

// scalar returns the text of a scalar that YAML reads as text, or "": a
// name written as null, a number or a boolean names nothing (it has an
// error of its own).
func scalar(n *yaml.Node) string {
	n = document.Deref(n)
	if n == nil || n.Kind != yaml.ScalarNode || document.Resolve11(n) != document.String {
		return ""
	}
	return n.Value
}
