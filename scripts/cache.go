package scripts

import (
	"context"
	"crypto/sha256"
	"hash/maphash"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/project"
)

// Cache keeps the findings of each step of one document between checks of
// its versions, so that an edit costs the script checks of the steps it
// touched only. A step's findings are reused while
//
//   - the step's text is the same (the lines of its item, byte for byte,
//     without the blank and first-column comment lines that end it: moved
//     by lines inserted above it or not), and its tree has no alias (which
//     could point into another item);
//   - each file its check looked for (the scripts, `python -m` modules)
//     still has the size, modification time and kind it had before the
//     check read it, or is still missing: one stat per file and check,
//     however many steps read it;
//   - each step name it looked up (valohai.prepare(step=...)) is still
//     present or still absent;
//   - no file it looked for was reported changed (Forget).
//
// Findings are kept relative to the start of their step's lines and moved
// to where the step is now. Steps not seen by a check that ran to the end
// are dropped, so the cache holds the steps of the latest version. A Cache
// is safe for concurrent use; its checks run one at a time.
type Cache struct {
	mu      sync.Mutex
	dir     string
	seed    maphash.Seed
	entries map[textKey]*entry
	run     uint64
	found   int // findings of the last check

	// forgotten are the paths reported changed since the last check,
	// under fmu so that reporting never waits for a check; past
	// maxForgotten of them, everything is forgotten (forgetAll).
	fmu       sync.Mutex
	forgotten []string
	forgetAll bool
}

// maxForgotten bounds the paths kept between two checks.
const maxForgotten = 1024

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{seed: maphash.MakeSeed(), entries: map[textKey]*entry{}}
}

// textKey identifies a step's text.
type textKey struct {
	sum uint64
	n   int
}

// entry is what the check of one step found, with what it depends on.
type entry struct {
	diags []diagnostics.Diagnostic // offsets from the start of the step's lines
	key   []byte
	files []fileDep
	steps map[string]bool
	// direct reports findings that are not reused: the step's tree
	// has an alias, or a finding lies outside the step's text.
	direct bool
	used   uint64 // the last check that used the entry
}

// fileDep is a file a step's check looked for, as it was before.
type fileDep struct {
	path  string
	state fileState
}

// fileState is what a stat tells of a file: whether it is there, and if
// so its kind, size and modification time.
type fileState struct {
	exists bool
	mode   os.FileMode
	size   int64
	mod    time.Time
}

func (a fileState) same(b fileState) bool {
	return a.exists == b.exists && a.mode == b.mode && a.size == b.size && a.mod.Equal(b.mod)
}

func statFile(path string) fileState {
	st, err := os.Stat(path)
	if err != nil {
		return fileState{}
	}
	return fileState{exists: true, mode: st.Mode().Type(), size: st.Size(), mod: st.ModTime()}
}

// Forget drops the findings of the steps that read path or a file below
// it (a changed script, or a directory that was removed); the next check
// compares them again.
func (k *Cache) Forget(path string) {
	k.fmu.Lock()
	defer k.fmu.Unlock()
	if k.forgetAll {
		return
	}
	if len(k.forgotten) >= maxForgotten {
		k.forgotten, k.forgetAll = nil, true
		return
	}
	k.forgotten = append(k.forgotten, filepath.Clean(path))
}

// Len returns how many steps' findings are kept.
func (k *Cache) Len() int {
	k.mu.Lock()
	defer k.mu.Unlock()
	return len(k.entries)
}

// forget applies the paths reported changed, with k.mu held.
func (k *Cache) forget() {
	k.fmu.Lock()
	paths, all := k.forgotten, k.forgetAll
	k.forgotten, k.forgetAll = nil, false
	k.fmu.Unlock()
	if all {
		k.entries = map[textKey]*entry{}
		return
	}
	if len(paths) == 0 {
		return
	}
	for tk, e := range k.entries {
		for _, f := range e.files {
			if under(f.path, paths) {
				delete(k.entries, tk)
				break
			}
		}
	}
}

// under reports whether path is one of paths or below one of them.
func under(path string, paths []string) bool {
	for _, p := range paths {
		if path == p || strings.HasPrefix(path, p+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// Check is Check, reusing the findings of the steps whose text and files
// did not change since an earlier check (see Cache).
func (k *Cache) Check(ctx context.Context, doc *document.Document, dir string, r *project.Reader) Result {
	if dir == "" {
		return Result{}
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	k.forget()
	if dir != k.dir {
		k.dir, k.entries = dir, map[textKey]*entry{}
	}
	k.run++
	run := k.run
	c := newChecker(doc, dir, r)
	m := doc.Mapper()
	text := m.Text()
	parsed := doc.Parsed().Items
	items := make(map[*yaml.Node]*document.Item, len(parsed))
	for _, it := range parsed {
		items[document.Deref(it.Node)] = it
	}
	states := map[string]fileState{} // files stat'ed by this check
	stat := func(path string) fileState {
		s, ok := states[path]
		if !ok {
			s = statFile(path)
			states[path] = s
		}
		return s
	}
	key := sha256.New()
	out := make([]diagnostics.Diagnostic, 0, k.found)
	var checked []string
	reused := 0
	c.x.EachKept(model.KindStep, func(st *model.Symbol) bool {
		if ctx.Err() != nil {
			return false
		}
		it := items[st.Node]
		if it == nil {
			// Not an item of the parsed text: checked each time.
			f := c.step(st, nil)
			key.Write(f.key)
			out = append(out, f.diags...)
			checked = append(checked, st.Name)
			return true
		}
		base := m.LineStart(m.LineOf(it.Start))
		end := trimTail(text, base, min(max(it.End, base), len(text)))
		tk := textKey{sum: maphash.String(k.seed, text[base:end]), n: end - base}
		if e := k.entries[tk]; e != nil && !e.direct && k.fresh(c, e, stat) {
			e.used = run
			key.Write(e.key)
			for _, d := range e.diags {
				out = append(out, d.Moved(base))
			}
			reused++
			return true
		}
		f := c.step(st, func(path string) { stat(path) })
		key.Write(f.key)
		out = append(out, f.diags...)
		checked = append(checked, st.Name)
		e := &entry{key: f.key, steps: f.steps, used: run, direct: hasAlias(it.Node)}
		for _, p := range f.files {
			e.files = append(e.files, fileDep{path: p, state: stat(p)})
		}
		e.diags = make([]diagnostics.Diagnostic, 0, len(f.diags))
		for _, d := range f.diags {
			if d.Start < base || d.End > end || d.Start > d.End || d.Fix != nil {
				e.direct = true
			}
			e.diags = append(e.diags, d.Moved(-base))
		}
		k.entries[tk] = e
		return true
	})
	if ctx.Err() == nil {
		k.found = len(out)
		// The steps this version does not have are dropped.
		for tk, e := range k.entries {
			if e.used != run {
				delete(k.entries, tk)
			}
		}
	}
	return result(out, key, checked, reused)
}

// trimTail returns the end of the text from base to end without its
// trailing lines that are blank or comments at the first column: the
// lines between two items belong to the first, but they hold nothing of
// it, so that lines inserted there leave it as it was. A line with a
// quote is kept: it may close a quoted scalar that goes on at the first
// column, which the YAML parser accepts.
func trimTail(text string, base, end int) int {
	for end > base {
		ls := base
		if end-1 > base {
			ls = base + strings.LastIndexByte(text[base:end-1], '\n') + 1
		}
		line := text[ls:end]
		if strings.TrimSpace(line) != "" && (line[0] != '#' || strings.ContainsAny(line, "\"'")) {
			break
		}
		end = ls
	}
	return end
}

// fresh reports whether what e's check read is unchanged.
func (k *Cache) fresh(c *checker, e *entry, stat func(string) fileState) bool {
	for _, f := range e.files {
		if !stat(f.path).same(f.state) {
			return false
		}
	}
	for name, found := range e.steps {
		if c.x.Defines(model.KindStep, name) != found {
			return false
		}
	}
	return true
}

// hasAlias reports whether a tree uses an alias.
func hasAlias(n *yaml.Node) bool {
	stack := []*yaml.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n == nil {
			continue
		}
		if n.Kind == yaml.AliasNode {
			return true
		}
		stack = append(stack, n.Content...)
	}
	return false
}
