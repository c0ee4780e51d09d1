package project

import (
	"github.com/valohai-ls/valohai-ls/model"

	"bufio"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/schema"
)

// Options tell where the file is on disk.
type Options struct {
	// Dir is the directory of the valohai.yaml. Files are looked up only in
	// its tree; empty means no file is looked up.
	Dir string
	// Probe, when set, is called with each file that StepScripts looks
	// for, before it looks: what a step's scripts depend on.
	Probe func(path string)
}

// FileRef is a part of the document that names an existing file: a WSGI
// module, or a script in a command.
type FileRef struct {
	Span document.Span
	// Path is the file, absolute and inside Options.Dir.
	Path string
	// Line is the zero-based line to show: a WSGI callable's definition,
	// else 0. Callable reports that the line is the callable's.
	Line     int
	Callable bool
}

// FileRefs returns the parts of the document that name files that exist:
// endpoints' `wsgi` modules (`pkg.mod:app` is pkg/mod.py or
// pkg/mod/__init__.py, at the line that defines app) and the scripts that
// step, override and endpoint commands run (`python train.py`,
// `python -m pkg.tool`, `bash scripts/run.sh`).
func FileRefs(x *model.Model, o Options) []FileRef {
	if o.Dir == "" {
		return nil
	}
	dir, err := filepath.Abs(o.Dir)
	if err != nil {
		return nil
	}
	var out []FileRef
	for _, s := range x.Items {
		if s.Body == nil {
			continue
		}
		switch s.Kind {
		case model.KindStep:
			out = append(out, commandFiles(x, s.Body, schema.XCommand, dir)...)
		case model.KindEndpoint:
			out = append(out, commandFiles(x, s.Body, schema.XServerCommand, dir)...)
			if f, ok := wsgiFile(x, document.Deref(document.ValueOf(s.Body, schema.XWSGI)), dir); ok {
				out = append(out, f)
			}
		case model.KindPipeline:
			for _, n := range s.Children {
				if n.Kind == model.KindNode {
					out = append(out, commandFiles(x, document.Deref(document.ValueOf(n.Body, schema.XOverride)), schema.XCommand, dir)...)
				}
			}
		}
	}
	return out
}

// wsgiFile resolves a `module[:callable]` value.
func wsgiFile(x *model.Model, n *yaml.Node, dir string) (FileRef, bool) {
	inner, _, ok := model.ValueText(x.Mapper(), n)
	if !ok {
		return FileRef{}, false
	}
	module, callable, _ := strings.Cut(n.Value, ":")
	path, ok := moduleFile(dir, strings.TrimSpace(module))
	if !ok {
		return FileRef{}, false
	}
	callable = strings.TrimSpace(callable)
	if i := strings.IndexByte(callable, '('); i >= 0 {
		callable = callable[:i] // an application factory call
	}
	line := definitionLine(path, callable)
	return FileRef{Span: inner, Path: path, Line: max(line, 0), Callable: line >= 0}, true
}

// shellWord matches a word of a command line, without quotes.
var shellWord = regexp.MustCompile("[^\\s;&|()<>\"'`]+")

// commandFiles finds the files a command (under key of body) runs: the
// words of its simple commands that name files of the tree, and the
// modules that `python -m` runs.
func commandFiles(x *model.Model, body *yaml.Node, key, dir string) []FileRef {
	var out []FileRef
	for _, line := range CommandLines(x, body, key) {
		for _, words := range line {
			prev := ""
			for _, w := range words {
				if prev == "-m" {
					if p, ok := moduleMain(dir, "", w.Text); ok {
						out = append(out, FileRef{Span: w.Span, Path: p})
					}
				} else if looksLikePath(w.Text) {
					if p, ok := inTree(dir, w.Text); ok {
						out = append(out, FileRef{Span: w.Span, Path: p})
					}
				}
				prev = w.Text
			}
		}
	}
	return out
}

// moduleMain finds the file that `python -m module` runs from directory
// cwd of the tree dir: pkg/mod.py, or pkg/mod/__main__.py for a package.
// rel is the file relative to dir.
func moduleMain(dir, cwd, module string) (string, bool) {
	p, _, ok := moduleMainRel(dir, cwd, module)
	return p, ok
}

func moduleMainRel(dir, cwd, module string) (p, rel string, ok bool) {
	if !pythonModule.MatchString(module) {
		return "", "", false
	}
	base := path.Join(cwd, strings.ReplaceAll(module, ".", "/"))
	for _, cand := range []string{base + ".py", base + "/__main__.py"} {
		if p, ok := inTree(dir, cand); ok {
			return p, cand, true
		}
	}
	return "", "", false
}

// looksLikePath reports whether a command word may be a relative path to
// a file: not an option, variable, placeholder, URL or pattern.
func looksLikePath(w string) bool {
	return strings.ContainsAny(w, "./") && !strings.HasPrefix(w, "-") && !strings.HasPrefix(w, "~") &&
		!strings.ContainsAny(w, "{}$=*?[]:\\") && !filepath.IsAbs(w)
}

var pythonModule = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$`)

// moduleFile finds the file of a Python module path, relative to dir.
func moduleFile(dir, module string) (string, bool) {
	if !pythonModule.MatchString(module) {
		return "", false
	}
	base := strings.ReplaceAll(module, ".", "/")
	for _, cand := range []string{base + ".py", base + "/__init__.py"} {
		if p, ok := inTree(dir, cand); ok {
			return p, true
		}
	}
	return "", false
}

// inTree returns the regular file rel names inside dir. Paths that leave
// dir (absolute, with .., or through a symbolic link) are refused.
func inTree(dir, rel string) (string, bool) {
	if rel == "" || filepath.IsAbs(rel) || filepath.IsAbs(filepath.FromSlash(rel)) {
		return "", false
	}
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if !within(dir, p) {
		return "", false
	}
	st, err := os.Stat(p)
	if err != nil || !st.Mode().IsRegular() {
		return "", false
	}
	realDir, err1 := filepath.EvalSymlinks(dir)
	real, err2 := filepath.EvalSymlinks(p)
	if err1 != nil || err2 != nil || !within(realDir, real) {
		return "", false
	}
	return p, true
}

// within reports whether path is dir or below it.
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// maxScan bounds how much of a Python file is read to find a definition.
const maxScan = 4 << 20

// definitionLine returns the zero-based line of a top-level `def name`,
// `class name` or `name = ...` in a Python file, or -1.
func definitionLine(path, name string) int {
	if name == "" || !pythonModule.MatchString(name) || strings.Contains(name, ".") {
		return -1
	}
	f, err := os.Open(path)
	if err != nil {
		return -1
	}
	defer f.Close()
	def := regexp.MustCompile(`^(?:async\s+def|def|class)\s+` + name + `\b|^` + name + `\s*(?::[^=]*)?=[^=]`)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	read := 0
	for line := 0; sc.Scan() && read < maxScan; line++ {
		read += len(sc.Bytes()) + 1
		if def.Match(sc.Bytes()) {
			return line
		}
	}
	return -1
}
