package workspace

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/schema"
	"github.com/valohai-ls/valohai-ls/textenc"
)

// Bounds of a scan: a workspace is walked this deep, through at most this
// many directories, and files larger than maxFile are not read.
const (
	maxDepth = 12
	maxDirs  = 20000
	maxFile  = 8 << 20
)

// Symbol is a named item of a file, or a node of a pipeline.
type Symbol struct {
	Name string
	Kind model.Kind
	// Container is the pipeline of a node, "" for a top-level item.
	Container string
	Path      string
	Span      document.Span
	// mapper converts Span to positions.
	mapper *document.Mapper
}

// Position returns where the symbol's name starts and ends in enc.
func (s Symbol) Position(enc document.Encoding) (start, end document.Position) {
	return s.mapper.Position(s.Span.Start, enc), s.mapper.Position(s.Span.End, enc)
}

// Index holds the symbols of the files found under the roots.
type Index struct {
	mu    sync.RWMutex
	roots []string
	files map[string][]Symbol
}

// New returns an empty index of the directories roots.
func New(roots []string) *Index {
	clean := make([]string, 0, len(roots))
	for _, r := range roots {
		if r != "" {
			clean = append(clean, filepath.Clean(r))
		}
	}
	return &Index{roots: clean, files: map[string][]Symbol{}}
}

// IsConfig reports whether path names a valohai.yaml or valohai.yml.
func IsConfig(path string) bool {
	return slices.Contains(schema.FileNames, filepath.Base(path))
}

// Scan walks the roots and reads every valohai.yaml and valohai.yml:
// hidden directories, node_modules and links are not followed, and the
// walk stops at the bounds above or when ctx is done.
func (x *Index) Scan(ctx context.Context) error {
	dirs := 0
	for _, root := range x.roots {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // an unreadable directory: skip it
			}
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if d.IsDir() {
				dirs++
				rel, _ := filepath.Rel(root, path)
				if path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules" ||
					strings.Count(rel, string(filepath.Separator)) >= maxDepth) {
					return filepath.SkipDir
				}
				if dirs > maxDirs {
					return errTooMany
				}
				return nil
			}
			if d.Type().IsRegular() && IsConfig(path) {
				x.Update(path)
			}
			return nil
		})
		if errors.Is(err, errTooMany) {
			break
		}
		if err != nil {
			return err
		}
	}
	return nil
}

var errTooMany = errors.New("too many directories")

// Inside reports whether path is under one of the roots.
func (x *Index) Inside(path string) bool {
	for _, r := range x.roots {
		if rel, err := filepath.Rel(r, path); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// Update reads path again (a file that is gone, unreadable or not a
// regular file is dropped). Paths outside the roots are ignored.
func (x *Index) Update(path string) {
	if !x.Inside(path) || !IsConfig(path) {
		return
	}
	text, ok := read(path)
	x.mu.Lock()
	defer x.mu.Unlock()
	if !ok {
		delete(x.files, path)
		return
	}
	x.files[path] = Symbols(model.Of(document.New("file://"+filepath.ToSlash(path), 0, text)), path)
}

// read returns the text of a regular file of at most maxFile bytes,
// opened without following a link.
func read(path string) (string, bool) {
	st, err := os.Lstat(path)
	if err != nil || !st.Mode().IsRegular() || st.Size() > maxFile {
		return "", false
	}
	f, err := os.Open(path)
	if err != nil {
		return "", false
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxFile+1))
	if err != nil || len(b) > maxFile {
		return "", false
	}
	text, _ := textenc.Decode(b)
	return text, true
}

// Symbols lists the named items of a model, and each pipeline's nodes.
func Symbols(x *model.Model, path string) []Symbol {
	m := x.Doc.Mapper()
	var out []Symbol
	for _, it := range x.Items {
		if it.Name == "" {
			continue
		}
		out = append(out, Symbol{Name: it.Name, Kind: it.Kind, Path: path, Span: it.NameSpan, mapper: m})
		if it.Kind != model.KindPipeline {
			continue
		}
		for _, c := range x.Whole(it).Children {
			if c.Kind == model.KindNode && c.Name != "" {
				out = append(out, Symbol{Name: c.Name, Kind: c.Kind, Container: it.Name, Path: path, Span: c.NameSpan, mapper: m})
			}
		}
	}
	return out
}

// Files returns the indexed paths' symbols, for open versions to replace.
func (x *Index) Files() map[string][]Symbol {
	x.mu.RLock()
	defer x.mu.RUnlock()
	out := make(map[string][]Symbol, len(x.files))
	for p, s := range x.files {
		out[p] = s
	}
	return out
}
