package scripts

import (
	"crypto/sha256"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/valohai-ls/valohai-ls/python"
)

// maxScript is the largest script read; larger ones are not checked.
const maxScript = 2 << 20

// maxContents bounds how many parsed contents are kept; past it they are
// dropped all at once (a script edited and saved many times).
const maxContents = 1024

// File is a script as read.
type File struct {
	Path   string
	Hash   [sha256.Size]byte
	Script *python.Script
	// Src is the script's text.
	Src []byte
}

// Reader reads scripts, keeping what it read: a file whose size and
// modification time have not changed is not read again, and one whose
// content is known is not parsed again. It is safe for concurrent use.
type Reader struct {
	mu     sync.Mutex
	byPath map[string]stamp
	byHash map[[sha256.Size]byte]*python.Script
}

type stamp struct {
	size int64
	mod  time.Time
	file *File
}

// NewReader returns an empty reader.
func NewReader() *Reader {
	return &Reader{byPath: map[string]stamp{}, byHash: map[[sha256.Size]byte]*python.Script{}}
}

// Read returns the script at path.
func (r *Reader) Read(path string) (*File, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("read script: %w", err)
	}
	if st.Size() > maxScript {
		return nil, fmt.Errorf("read script %s: %d bytes is more than is read", path, st.Size())
	}
	r.mu.Lock()
	if s, ok := r.byPath[path]; ok && s.size == st.Size() && s.mod.Equal(st.ModTime()) {
		r.mu.Unlock()
		return s.file, nil
	}
	r.mu.Unlock()
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read script: %w", err)
	}
	f := &File{Path: path, Hash: sha256.Sum256(src), Src: src}
	r.mu.Lock()
	defer r.mu.Unlock()
	if sc, ok := r.byHash[f.Hash]; ok {
		f.Script = sc
	} else {
		if len(r.byHash) >= maxContents {
			r.byHash = map[[sha256.Size]byte]*python.Script{}
		}
		f.Script = python.Read(src)
		r.byHash[f.Hash] = f.Script
	}
	r.byPath[path] = stamp{size: st.Size(), mod: st.ModTime(), file: f}
	return f, nil
}

// Forget drops what is known of path, so that the next Read reads it.
func (r *Reader) Forget(path string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.byPath, path)
}

// ForgetAll drops what is known of every path; parsed contents stay.
func (r *Reader) ForgetAll() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.byPath = map[string]stamp{}
}
