package project

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/valohai-ls/valohai-ls/python"
)

// MaxScript is the size of the largest script read; larger ones are not checked.
const MaxScript = 2 << 20

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

// Read returns the script at path, a file inside dir. It is opened once,
// through dir (a path that leaves dir, by `..` or a symbolic link, is
// refused even when the file is swapped after it was found), without
// blocking on a FIFO or a device, and read only when the opened file is a
// regular file of at most MaxScript bytes.
func (r *Reader) Read(dir, path string) (*File, error) {
	fd, st, err := open(dir, path)
	if err != nil {
		return nil, err
	}
	defer fd.Close()
	r.mu.Lock()
	if s, ok := r.byPath[path]; ok && s.size == st.Size() && s.mod.Equal(st.ModTime()) {
		r.mu.Unlock()
		return s.file, nil
	}
	r.mu.Unlock()
	src, err := io.ReadAll(io.LimitReader(fd, MaxScript+1))
	if err != nil {
		return nil, fmt.Errorf("read script: %w", err)
	}
	if len(src) > MaxScript {
		return nil, fmt.Errorf("read script %s: %w", path, ErrTooLarge)
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

// Errors of Read, besides the file system's.
var (
	ErrTooLarge   = fmt.Errorf("larger than %d MiB", MaxScript>>20)
	ErrNotRegular = errors.New("not a regular file")
	ErrOutside    = errors.New("outside the directory of valohai.yaml")
)

// open opens path through dir and checks the opened file.
func open(dir, path string) (*os.File, fs.FileInfo, error) {
	// A directory given relative to the working directory (`check
	// sub/valohai.yaml`) is made absolute, as the scripts' paths are.
	dir, err1 := filepath.Abs(dir)
	abs, err2 := filepath.Abs(path)
	if err := errors.Join(err1, err2); err != nil {
		return nil, nil, fmt.Errorf("read script: %w", err)
	}
	rel, err := filepath.Rel(dir, abs)
	if err != nil || !filepath.IsLocal(rel) {
		return nil, nil, fmt.Errorf("read script %s: %w", path, ErrOutside)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("read script: %w", err)
	}
	defer root.Close()
	fd, err := root.OpenFile(rel, os.O_RDONLY|openNonblock, 0)
	if err != nil {
		return nil, nil, fmt.Errorf("read script: %w", err)
	}
	st, err := fd.Stat()
	switch {
	case err != nil:
		err = fmt.Errorf("read script: %w", err)
	case !st.Mode().IsRegular():
		err = fmt.Errorf("read script %s: %w", path, ErrNotRegular)
	case st.Size() > MaxScript:
		err = fmt.Errorf("read script %s: %w", path, ErrTooLarge)
	}
	if err != nil {
		fd.Close()
		return nil, nil, err
	}
	return fd, st, nil
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
