package navigation

import (
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/project"
)

// Link is a part of the document that opens a file.
type Link = project.FileRef

// Links returns the document links: the WSGI modules and command scripts
// that exist in the file's directory tree (never a path outside it).
func Links(x *model.Model, o project.Options) []Link { return project.FileRefs(x, o) }
