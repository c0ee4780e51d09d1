package mutation

import (
	"strings"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
)

// definedNames counts the names a text defines (steps, parameters,
// inputs, nodes, …), by kind and name.
func definedNames(uri, text string) map[string]int {
	x := model.Build(document.New(uri, 1, text))
	out := map[string]int{}
	var walk func(s *model.Symbol)
	walk = func(s *model.Symbol) {
		if s.Name != "" && s.Kind != model.KindEdge {
			out[string(s.Kind)+"\x00"+s.Name]++
		}
		for _, c := range s.Children {
			walk(c)
		}
	}
	for _, s := range x.Items {
		walk(s)
	}
	return out
}

// changedNames returns the names that one text defines a different
// number of times than the other: the names a mistake took away, added
// or defined twice.
func changedNames(before, after map[string]int) []string {
	var out []string
	seen := map[string]bool{}
	add := func(k string) {
		if before[k] == after[k] {
			return
		}
		_, name, _ := strings.Cut(k, "\x00")
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	for k := range before {
		add(k)
	}
	for k := range after {
		add(k)
	}
	return out
}

// mentions reports whether msg names name as a whole: not as part of a
// longer name ("train" is not in "train.py" nor "train-model"), but as
// an option ("--epochs") or in quotes.
func mentions(msg, name string) bool {
	if name == "" {
		return false
	}
	for i := 0; i < len(msg); {
		j := strings.Index(msg[i:], name)
		if j < 0 {
			return false
		}
		s, e := i+j, i+j+len(name)
		if !joinsBefore(msg, s) && !joinsAfter(msg, e) {
			return true
		}
		i = s + 1
	}
	return false
}

func wordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// joinsBefore reports whether the text before s continues the name
// there: a letter, or a '-' or '.' between letters.
func joinsBefore(msg string, s int) bool {
	if s == 0 {
		return false
	}
	c := msg[s-1]
	return wordByte(c) || (c == '-' || c == '.') && s >= 2 && wordByte(msg[s-2])
}

func joinsAfter(msg string, e int) bool {
	if e >= len(msg) {
		return false
	}
	c := msg[e]
	return wordByte(c) || (c == '-' || c == '.') && e+1 < len(msg) && wordByte(msg[e+1])
}
