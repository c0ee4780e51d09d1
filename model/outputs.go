package model

import (
	"path"
	"strings"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/schema"
)

// DeclaredOutputs returns the names of the outputs a step declares, each
// once in file order. ok is false when they do not tell what the step
// writes: it declares none (outputs are then whatever its script writes),
// it is broken, or one of its outputs has no name that is text.
func DeclaredOutputs(step *Symbol) (names []string, ok bool) {
	if step == nil || step.Kind != KindStep || step.Broken || step.Body == nil {
		return nil, false
	}
	elems := Elements(document.ValueOf(step.Body, schema.XOutputs))
	if len(elems) == 0 {
		return nil, false
	}
	n := 0
	for _, c := range step.Children {
		if c.Kind != KindOutput {
			continue
		}
		if c.Untextual || c.Name == "" {
			return nil, false
		}
		n++
	}
	if n != len(elems) {
		return nil, false // an output that is not a mapping
	}
	return ChildNames(step, KindOutput), true
}

// OutputMatches reports whether the key of an output socket, a file name
// or a glob (`model*`), may name the files of the declared output name.
// It says yes whenever it may: the key names the output or a file under
// it (an output may be a folder), or one is a glob the other matches.
func OutputMatches(key, name string) bool {
	switch {
	case key == name:
		return true
	case strings.HasPrefix(key, strings.TrimSuffix(name, "/")+"/"):
		return true
	}
	return globMatch(key, name) || globMatch(name, key)
}

// globMatch matches name against pattern as Python's fnmatch does, where
// `*` also crosses `/` and `[!...]` negates: path.Match, which reads
// patterns the same way otherwise, is given both with `/` replaced by a
// byte no name holds. A pattern path.Match cannot read matches nothing.
func globMatch(pattern, name string) bool {
	if !IsWildcard(pattern) {
		return false
	}
	p := strings.ReplaceAll(strings.ReplaceAll(pattern, "/", "\x00"), "[!", "[^")
	ok, err := path.Match(p, strings.ReplaceAll(name, "/", "\x00"))
	return err == nil && ok
}
