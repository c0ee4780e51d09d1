package document

import (
	"errors"
	"io"
	"strings"

	"gopkg.in/yaml.v3"
)

// The official loader reads valohai.yaml with PyYAML's safe_load, which
// takes exactly one document: a `---` after the first document's content
// (or a second `---`) starts another, and it refuses the file; after a
// `...` that ends the document only comments may follow. yaml.v3's
// Unmarshal reads the first document and ignores the rest, so the rest is
// looked for here.

// marker returns the document marker ("---" or "...") that line starts
// with, and what follows it on the line; "" when it starts with none. A
// marker is three characters at the start of a line followed by a blank
// or the line's end, wherever it is (YAML allows no content there).
func marker(line string) (string, string) {
	if len(line) < 3 || line[:3] != "---" && line[:3] != "..." {
		return "", ""
	}
	rest := line[3:]
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' && rest[0] != '\r' {
		return "", ""
	}
	return line[:3], strings.TrimSpace(rest)
}

// blank reports a line (or the rest of one) holding nothing or a comment.
func blank(s string) bool {
	s = strings.TrimSpace(s)
	return s == "" || s[0] == '#'
}

// extraDocument returns where a second document starts in the text: the
// `---` that starts it, or the first thing written after a `...`. ok is
// false when the text holds at most one document.
func extraDocument(m *Mapper) (e SyntaxError, ok bool) {
	text := m.Text()
	if !strings.Contains(text, "\n---") && !strings.Contains(text, "\n...") && !hasMarkerFirst(text) {
		return SyntaxError{}, false
	}
	started, content, ended := false, false, false
	for line := 0; line < m.LineCount(); line++ {
		s := m.Line(line)
		if line == 0 {
			s = strings.TrimPrefix(s, "\ufeff")
		}
		mk, rest := marker(s)
		start := m.LineEnd(line) - len(s)
		switch {
		case ended && !blank(s):
			if mk == "---" {
				return extraStart(start), true
			}
			if s[0] == '%' { // a directive, which only a document's start may follow
				e := extraStart(start)
				e.End = m.LineEnd(line)
				return e, true
			}
			return SyntaxError{Start: start, End: m.LineEnd(line), Message: "after `...`, the end of the YAML document, only comments may follow; " +
				"the official loader (PyYAML) refuses the file: remove the `...` or what follows it"}, true
		case mk == "---" && (started || content):
			return extraStart(start), true
		case mk == "---":
			started, content = true, !blank(rest)
		case mk == "...":
			ended = true
		case !blank(s) && !(s[0] == '%' && !started && !content):
			content = true
		}
	}
	return SyntaxError{}, false
}

// hasMarkerFirst reports a text whose first line is a document marker.
func hasMarkerFirst(text string) bool {
	text = strings.TrimPrefix(text, "\ufeff")
	return strings.HasPrefix(text, "---") || strings.HasPrefix(text, "...")
}

// extraStart is the error of a `---` at start that begins a second
// document.
func extraStart(start int) SyntaxError {
	return SyntaxError{Start: start, End: start + 3, Message: "a second YAML document starts here; valohai.yaml holds one, " +
		"and the official loader (PyYAML) refuses the file: remove this `---` (joining the items into one list) or what follows it"}
}

// moreDocuments reports whether yaml.v3 finds a document after the first
// in text (which parsed): the confirmation of what extraDocument found.
func moreDocuments(text string) bool {
	d := yaml.NewDecoder(strings.NewReader(text))
	var first, second yaml.Node
	if err := d.Decode(&first); err != nil {
		return false
	}
	return !errors.Is(d.Decode(&second), io.EOF)
}
