package server

import (
	"path/filepath"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/scripts"
)

// scriptPlaces returns the step parameter or input meant at off (its
// name, or a reference to it) and where the scripts the step runs declare
// and read it.
func (s *Server) scriptPlaces(doc *document.Document, x *model.Model, off int) (*model.Symbol, []scripts.Place) {
	sym, _ := x.Resolve(off)
	return sym, s.placesOf(doc, sym)
}

// placesOf returns where the scripts of sym's step declare and read sym,
// a step parameter or input (nothing for another symbol).
func (s *Server) placesOf(doc *document.Document, sym *model.Symbol) []scripts.Place {
	if sym == nil {
		return nil
	}
	return scripts.Places(doc, sym, docDir(doc), s.scripts)
}

// docDir is the directory of doc's file, where the files and scripts it
// names are looked for; "" when doc is not a file.
func docDir(doc *document.Document) string {
	u, err := uri.Parse(doc.URI)
	if err != nil || !u.IsFile() {
		return ""
	}
	return filepath.Dir(u.FsPath())
}

// placeLocation is where a place of a script is, in enc.
func placeLocation(p scripts.Place, enc document.Encoding) protocol.Location {
	m := document.NewMapper(string(p.Src))
	return protocol.Location{URI: uri.File(p.Path), Range: toRange(m, p.Start, p.End, enc)}
}
