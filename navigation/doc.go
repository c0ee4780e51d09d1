// Package navigation lets editors move around a valohai.yaml the way they
// move around code: an outline of its items, go to definition, references
// and highlights, renaming, links to the files that commands and WSGI
// endpoints name, and code lenses that count the uses of each step.
//
// Every feature reads one Index of the document: the named things it
// defines (steps, their parameters, inputs and outputs, endpoints, tasks,
// deployments, pipelines and their nodes) and every place that refers to
// one of them (a node's step, an edge socket, a parameter target, a
// command placeholder...). The index is built from the items that parse,
// so a file that is partly broken still navigates. Positions are byte
// offsets; the server converts them.
package navigation
