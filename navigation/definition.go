package navigation

import (
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/project"
)

// Target is where a definition is: a symbol of the document, or a file.
type Target struct {
	// Origin is the text at the cursor that was followed.
	Origin document.Span
	// Symbol is the definition in the document, or nil.
	Symbol *model.Symbol
	// Path is an absolute file path (for a file target), and Line the
	// zero-based line to show in it.
	Path string
	Line int
}

// Definition returns where what is at off is defined: for a node's step or
// task, an edge socket or a parameter target, a placeholder, a deployment
// node's endpoints..., the item or name it refers to; for a WSGI module or
// a script in a command, the file (when it exists in the directory tree
// of the file, o.Dir). On a definition itself there is nothing to go to.
func Definition(x *model.Model, off int, o project.Options) []Target {
	if _, r := x.At(off); r != nil {
		if r.Target == nil {
			return nil
		}
		return []Target{{Origin: r.Span, Symbol: r.Target}}
	}
	for _, f := range project.FileRefs(x, o) {
		if model.Contains(f.Span, off) {
			return []Target{{Origin: f.Span, Path: f.Path, Line: f.Line}}
		}
	}
	return nil
}
