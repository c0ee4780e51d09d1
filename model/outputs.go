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
	if step != nil && step.outputs != nil {
		return step.outputs.names, step.outputs.ok // a hollow step's, kept when it was made
	}
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

// MatchedOutputs returns the outputs step declares that an output
// socket's key (a file name or a glob) may name, see OutputMatches. ok is
// false when the declared outputs do not tell (DeclaredOutputs).
func MatchedOutputs(step *Symbol, key string) (matched []string, ok bool) {
	declared, ok := DeclaredOutputs(step) // a hollow step keeps them: no load
	if !ok {
		return nil, false
	}
	for _, name := range declared {
		if OutputMatches(key, name) {
			matched = append(matched, name)
		}
	}
	return matched, true
}

// declared is what DeclaredOutputs returns.
type declared struct {
	names []string
	ok    bool
}

// OutputMatches reports whether the key of an output socket, a file name
// or a glob (`model*`), may name the files of the declared output name.
// It says yes whenever it may: the key names the output (a trailing `/`
// aside) or a file under it (an output may be a folder), one is a glob
// the other matches, or the key is a glob that may match a file under it
// when it reads as a folder (`*.csv` under `results` or `results/`, not
// under `model.pkl`).
func OutputMatches(key, name string) bool {
	dir := strings.TrimSuffix(name, "/")
	switch {
	case key == name || strings.TrimSuffix(key, "/") == dir:
		return true
	case strings.HasPrefix(key, dir+"/"):
		return true
	}
	return globMatch(key, name) || globMatch(name, key) || IsWildcard(key) && folderLike(name) && globMayMatchUnder(key, dir)
}

// folderLike reports a declared output name that may be a folder: written
// with a trailing `/`, or with no extension.
func folderLike(name string) bool {
	return strings.HasSuffix(name, "/") || !strings.Contains(path.Base(name), ".")
}

// globMayMatchUnder reports whether pattern, read as Python's fnmatch
// reads it, matches some path in folder dir (`dir/...`): whether a run of
// its tokens can take in `dir/` and leave one still to match.
func globMayMatchUnder(pattern, dir string) bool {
	toks := globTokens(pattern)
	states := closure(toks, map[int]bool{0: true})
	for _, r := range dir + "/" {
		next := map[int]bool{}
		for i := range states {
			if i == len(toks) {
				continue
			}
			switch t := toks[i]; {
			case t.star:
				next[i] = true
			case t.matches(r):
				next[i+1] = true
			}
		}
		if states = closure(toks, next); len(states) == 0 {
			return false
		}
	}
	for i := range states {
		if i < len(toks) {
			return true
		}
	}
	return false
}

// closure adds to states those a `*` may match nothing to reach.
func closure(toks []globToken, states map[int]bool) map[int]bool {
	for i := 0; i < len(toks); i++ {
		if states[i] && toks[i].star {
			states[i+1] = true
		}
	}
	return states
}

// globToken is one token of an fnmatch pattern: `*`, `?` (any), a class
// `[...]` (its text without the brackets), or a letter.
type globToken struct {
	star, any bool
	class     string
	isClass   bool
	lit       rune
}

// globTokens splits pattern as fnmatch does; a `[` that is not closed is
// a letter.
func globTokens(pattern string) []globToken {
	rs := []rune(pattern)
	var out []globToken
	for i := 0; i < len(rs); i++ {
		switch rs[i] {
		case '*':
			if len(out) == 0 || !out[len(out)-1].star {
				out = append(out, globToken{star: true})
			}
		case '?':
			out = append(out, globToken{any: true})
		case '[':
			j := i + 1
			if j < len(rs) && rs[j] == '!' {
				j++
			}
			if j < len(rs) && rs[j] == ']' {
				j++
			}
			for j < len(rs) && rs[j] != ']' {
				j++
			}
			if j >= len(rs) {
				out = append(out, globToken{lit: '['})
				continue
			}
			out = append(out, globToken{isClass: true, class: string(rs[i+1 : j])})
			i = j
		default:
			out = append(out, globToken{lit: rs[i]})
		}
	}
	return out
}

// matches reports whether a token other than `*` matches the letter r.
func (t globToken) matches(r rune) bool {
	switch {
	case t.any:
		return true
	case !t.isClass:
		return t.lit == r
	}
	body := []rune(t.class)
	neg := len(body) > 0 && body[0] == '!'
	if neg {
		body = body[1:]
	}
	in := false
	for k := 0; k < len(body); k++ {
		if k+2 < len(body) && body[k+1] == '-' {
			in = in || body[k] <= r && r <= body[k+2]
			k += 2
			continue
		}
		in = in || body[k] == r
	}
	return in != neg
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
