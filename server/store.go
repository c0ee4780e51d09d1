package server

import (
	"fmt"
	"path"
	"sync"

	"go.lsp.dev/uri"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/schema"
)

// LanguageID is the language id under which any document is served.
const LanguageID = "valohai-yaml"

// store holds the current version of each open document.
type store struct {
	mu   sync.RWMutex
	docs map[uri.URI]*entry
}

type entry struct {
	doc    *document.Document
	served bool
	lost   string // why the copy is out of step with the client's; see change
}

func newStore() *store { return &store{docs: map[uri.URI]*entry{}} }

// served reports whether a document is one this server handles.
func served(u uri.URI, languageID string) bool {
	if languageID == LanguageID {
		return true
	}
	base := path.Base(string(u))
	for _, n := range schema.FileNames { // served whatever the language id
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
	if e, ok := st.docs[u]; ok && e.served && e.lost == "" {
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

// changed is what a didChange did to a document.
type changed struct {
	doc    *document.Document // the new version
	served bool
	// lost says why the server's copy is out of step with the client's
	// (a change it could not apply), "" while it is in step.
	lost string
	// lostNow says the document went out of step with this change.
	lostNow bool
	// stale says the version did not increase (applied all the same).
	stale string
}

// change applies content changes in the order they came, whatever their
// version number (LSP's versions only increase; a client that breaks that
// still made these edits, and dropping them would apply later ones to the
// wrong text). A change that cannot be applied puts the document out of
// step: the server then holds no text for it, and skips partial changes,
// until a whole-document change (or didOpen) gives the text again.
func (st *store) change(u uri.URI, version int32, changes []textChange, enc document.Encoding) (changed, error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	e, ok := st.docs[u]
	if !ok {
		return changed{}, fmt.Errorf("change for %s, which is not open", u)
	}
	var res changed
	if version <= e.doc.Version {
		res.stale = fmt.Sprintf("version %d after %d", version, e.doc.Version)
	}
	m, was := e.doc.Mapper(), e.lost
	for i, c := range changes {
		switch {
		case c.whole:
			m, e.lost = document.NewMapper(c.text), ""
		case e.lost != "":
		case c.bad != "":
			e.lost = fmt.Sprintf("change %d of version %d: %s", i+1, version, c.bad)
		default:
			m = m.Edit(m.Offset(c.start, enc), m.Offset(c.end, enc), c.text)
		}
	}
	e.doc = document.NewVersionMapped(e.doc, version, m)
	res.doc, res.served, res.lost = e.doc, e.served, e.lost
	res.lostNow = was == "" && e.lost != ""
	return res, nil
}

// all returns the current version of every served document.
func (st *store) all() map[uri.URI]*document.Document {
	st.mu.RLock()
	defer st.mu.RUnlock()
	out := make(map[uri.URI]*document.Document, len(st.docs))
	for u, e := range st.docs {
		if e.served && e.lost == "" {
			out[u] = e.doc
		}
	}
	return out
}
