// Package navigation lets editors move around a valohai.yaml the way they
// move around code: an outline of its items, go to definition, references
// and highlights, renaming, links to the files that commands and WSGI
// endpoints name, and code lenses that count the uses of each step.
//
// Every feature reads the document's model (package model), shared with
// completion, diagnostics and code actions: the named things it defines
// and every place that refers to one of them. Positions are byte offsets;
// the server converts them.
package navigation
