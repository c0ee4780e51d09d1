package document

import (
	"strings"
)

// explain rewrites yaml.v3's error text into a message that says what is
// wrong in the user's terms, and moves the line to the one that holds the
// mistake when the text makes that clear.
func explain(m *Mapper, line int, msg string) (int, string) {
	text := m.Line(line)
	switch {
	case strings.Contains(msg, "cannot start any token"), strings.Contains(msg, "found a tab character"):
		if l, ok := tabLine(m, line); ok {
			return l, "tab character used for indentation: YAML indents with spaces only"
		}
		return line, "a value cannot start with this character here; put the value in quotes"
	case strings.Contains(msg, "end of stream"):
		if q := openQuote(text); q != 0 {
			return line, "unclosed " + quoteName(q) + " quote: the string that starts here never ends"
		}
		return line, "the document ends inside an unfinished value (an unclosed quote or bracket?)"
	case strings.Contains(msg, "found unknown escape character"):
		return line, "unknown escape sequence in a double-quoted string: write \\\\ for a backslash, or use single quotes"
	case strings.Contains(msg, "found incompatible YAML document"):
		return line, "this YAML version is not supported: remove the %YAML line, or write %YAML 1.1"
	case strings.Contains(msg, "expected ',' or ']'"):
		return line, "unclosed '[': a flow list must end with ']' (or its items be separated by ',')"
	case strings.Contains(msg, "expected ',' or '}'"):
		return line, "unclosed '{': a flow mapping must end with '}' (or its entries be separated by ',')"
	case strings.Contains(msg, "mapping values are not allowed"):
		if l, ok := noSpaceKey(m, line); ok {
			return l, missingSpace
		}
		return line, "unexpected ':' here: the key is at the wrong indentation, or a value containing ': ' needs quotes"
	case strings.Contains(msg, "did not find expected key"):
		return line, "this line does not line up with the keys above it: check its indentation"
	case strings.Contains(msg, "could not find expected ':'"):
		if noSpace(strings.TrimSpace(text)) {
			return line, missingSpace
		}
		return line, "expected 'key: value': a key must be followed by ':'"
	case strings.Contains(msg, "did not find expected '-' indicator"):
		return line, "this line does not line up with the list items above it: check its indentation"
	case strings.Contains(msg, "block sequence entries are not allowed"):
		return line, "a '- ' list item cannot start here: check its indentation"
	case strings.HasPrefix(msg, "unknown anchor"):
		name := strings.TrimSuffix(strings.TrimPrefix(msg, "unknown anchor '"), "' referenced")
		if l, ok := findLine(m, "*"+name); ok {
			line = l
		}
		return line, "alias *" + name + " refers to an anchor &" + name + " that is not defined above it"
	}
	return line, "YAML syntax error: " + msg
}

// tabLine finds the line near line whose indentation contains a tab.
func tabLine(m *Mapper, line int) (int, bool) {
	for l := line; l < m.LineCount() && l <= line+1; l++ {
		s := m.Line(l)
		if strings.Contains(s[:len(s)-len(strings.TrimLeft(s, " \t"))], "\t") {
			return l, true
		}
	}
	return line, strings.Contains(m.Line(line), "\t")
}

// noSpaceKey finds, above line, a line at the same indentation written
// "key:value": a plain word to YAML, after which line's key has no mapping
// to belong to.
func noSpaceKey(m *Mapper, line int) (int, bool) {
	indent := indentWidth(m.Line(line))
	for l := line - 1; l >= 0; l-- {
		s := m.Line(l)
		t := strings.TrimSpace(s)
		if t == "" || t[0] == '#' {
			continue
		}
		if indentWidth(s) != indent {
			return 0, false
		}
		return l, noSpace(t)
	}
	return 0, false
}

const missingSpace = "missing space after ':': write 'key: value' (without the space, the line is read as one word)"

// noSpace reports a trimmed line written "key:value".
func noSpace(t string) bool {
	t = strings.TrimPrefix(t, "- ")
	if strings.Contains(t, ": ") || strings.HasSuffix(t, ":") {
		return false
	}
	i := strings.IndexByte(t, ':')
	return i > 0 && !strings.ContainsAny(t[:i], " \"'[{") && !strings.HasPrefix(t[i:], "://")
}

// openQuote returns the quote character left open on the line, or 0.
func openQuote(s string) byte {
	var q byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case q == 0 && c == '#' && (i == 0 || s[i-1] == ' '):
			return 0
		case q == 0 && (c == '"' || c == '\'') && (i == 0 || strings.IndexByte(" :[{,-", s[i-1]) >= 0):
			q = c
		case q == '"' && c == '\\':
			i++
		case q == '\'' && c == '\'' && i+1 < len(s) && s[i+1] == '\'':
			i++
		case q != 0 && c == q:
			q = 0
		}
	}
	return q
}

func quoteName(q byte) string {
	if q == '"' {
		return "double"
	}
	return "single"
}

func findLine(m *Mapper, needle string) (int, bool) {
	for l := 0; l < m.LineCount(); l++ {
		if strings.Contains(m.Line(l), needle) {
			return l, true
		}
	}
	return 0, false
}
