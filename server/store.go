package server

import (
	"fmt"
	"path"
	"sync"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/valohai-ls/valohai-ls/document"
)

// LanguageID is the language id under which any document is served.
const LanguageID = "valohai-yaml"

// servedNames are the file names served whatever the language id.
var servedNames = []string{"valohai.yaml", "valohai.yml"}

// store holds the current version of each open document.
type store struct {
	mu   sync.RWMutex
	docs map[uri.URI]*entry
}

type entry struct {
	doc    *document.Document
	served bool
}

func newStore() *store { return &store{docs: map[uri.URI]*entry{}} }

// served reports whether a document is one this server handles.
func served(u uri.URI, languageID string) bool {
	if languageID == LanguageID {
		return true
	}
	base := path.Base(string(u))
	for _, n := range servedNames {
		if base == n {
			return true
		}
	}
	return false
}

func (st *store) open(u uri.URI, languageID string, version int32, text string) *document.Document {
	d := document.New(string(u), version, text)
	st.mu.Lock()
	st.docs[u] = &entry{doc: d, served: served(u, languageID)}
	st.mu.Unlock()
	return d
}

// get returns the current version of a served document, or nil.
func (st *store) get(u uri.URI) *document.Document {
	st.mu.RLock()
	defer st.mu.RUnlock()
	if e, ok := st.docs[u]; ok && e.served {
		return e.doc
	}
	return nil
}

func (st *store) close(u uri.URI) bool {
	st.mu.Lock()
	defer st.mu.Unlock()
	e, ok := st.docs[u]
	delete(st.docs, u)
	return ok && e.served
}

// change applies content changes in order and stores the new version.
func (st *store) change(u uri.URI, version int32, changes []protocol.TextDocumentContentChangeEvent, enc document.Encoding) (*document.Document, bool, error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	e, ok := st.docs[u]
	if !ok {
		return nil, false, fmt.Errorf("change for %s, which is not open", u)
	}
	if version <= e.doc.Version {
		return nil, false, fmt.Errorf("stale change for %s: version %d after %d", u, version, e.doc.Version)
	}
	m := e.doc.Mapper()
	for _, ch := range changes {
		switch c := ch.(type) {
		case *protocol.TextDocumentContentChangeWholeDocument:
			m = document.NewMapper(c.Text)
		case *protocol.TextDocumentContentChangePartial:
			start := m.Offset(document.Position{Line: int(c.Range.Start.Line), Character: int(c.Range.Start.Character)}, enc)
			end := m.Offset(document.Position{Line: int(c.Range.End.Line), Character: int(c.Range.End.Character)}, enc)
			m = m.Edit(start, end, c.Text)
		}
	}
	e.doc = document.NewVersionMapped(e.doc, version, m)
	return e.doc, e.served, nil
}

// all returns the current version of every served document.
func (st *store) all() map[uri.URI]*document.Document {
	st.mu.RLock()
	defer st.mu.RUnlock()
	out := make(map[uri.URI]*document.Document, len(st.docs))
	for u, e := range st.docs {
		if e.served {
			out[u] = e.doc
		}
	}
	return out
}
