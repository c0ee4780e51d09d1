package document

import (
	"strings"

	"github.com/valohai-ls/valohai-ls/document/yamlline"
)

// explain rewrites yaml.v3's error text into a message that says what is
// wrong in the user's terms, and moves the line to the one that holds the
// mistake when the text makes that clear.
func explain(m *Mapper, line int, msg string) blame {
	text := m.Line(line)
	b := blame{line: line}
	switch {
	case strings.Contains(msg, "cannot start any token"), strings.Contains(msg, "found a tab character"):
		if l, ok := tabLine(m, line); ok {
			b.line, b.kind = l, tabIndent
			b.msg = "tab character used for indentation: YAML indents with spaces only"
			return b
		}
		b.msg = "a value cannot start with this character here; put the value in quotes"
	case strings.Contains(msg, "end of stream"):
		if q := openQuote(text); q != 0 {
			b.kind, b.quote = openQuoteAt, q
			b.msg = neverEnds(q)
			return b
		}
		b.msg = "the document ends inside an unfinished value (an unclosed quote or bracket?)"
	case strings.Contains(msg, "found unknown escape character"):
		b.msg = "unknown escape sequence in a double-quoted string: write \\\\ for a backslash, or use single quotes"
	case strings.Contains(msg, "found incompatible YAML document"):
		b.msg = "this YAML version is not supported: remove the %YAML line, or write %YAML 1.1"
	case strings.Contains(msg, "expected ',' or ']'"):
		b.msg = unclosedList
	case strings.Contains(msg, "expected ',' or '}'"):
		b.msg = unclosedMapping
	case strings.Contains(msg, "mapping values are not allowed"):
		if l, ok := noSpaceKey(m, line); ok {
			b.line, b.kind, b.msg = l, noSpaceAfter, missingSpace
			return b
		}
		b.kind = misindented
		b.msg = "unexpected ':' here: the key is at the wrong indentation, or a value containing ': ' needs quotes"
	case strings.Contains(msg, "did not find expected key"):
		return misaligned(m, b, "this line does not line up with the keys above it: check its indentation")
	case strings.Contains(msg, "could not find expected ':'"):
		if noSpace(strings.TrimSpace(text)) {
			b.kind, b.msg = noSpaceAfter, missingSpace
			return b
		}
		b.msg = "expected 'key: value': a key must be followed by ':'"
	case strings.Contains(msg, "did not find expected '-' indicator"):
		return misaligned(m, b, "this line does not line up with the list items above it: check its indentation")
	case strings.Contains(msg, "block sequence entries are not allowed"):
		b.kind = misindented
		b.msg = "a '- ' list item cannot start here: check its indentation"
	case strings.HasPrefix(msg, "unknown anchor"):
		name := strings.TrimSuffix(strings.TrimPrefix(msg, "unknown anchor '"), "' referenced")
		if l, ok := findLine(m, "*"+name); ok {
			b.line = l
		}
		b.msg = "alias *" + name + " refers to an anchor &" + name + " that is not defined above it"
	default:
		b.msg = "YAML syntax error: " + msg
	}
	return b
}

// misaligned blames a line that does not line up with the ones above it
// (said by msg), unless the cause is a key above it written without a
// space after ':' or text after a closing quote.
func misaligned(m *Mapper, b blame, msg string) blame {
	if l, ok := noSpaceKey(m, b.line); ok {
		b.line, b.kind, b.msg = l, noSpaceAfter, missingSpace
		return b
	}
	if textAfterQuote(m.Line(b.line)) {
		b.kind, b.msg = otherMistake, afterQuote
		return b
	}
	b.kind, b.msg = misindented, msg
	return b
}

const (
	unclosedList    = "unclosed '[': a flow list must end with ']' (or its items be separated by ',')"
	unclosedMapping = "unclosed '{': a flow mapping must end with '}' (or its entries be separated by ',')"
)

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

// noSpaceKey finds, above line, a line whose key is in the same column,
// written "key:value" (also after a list item's "- "): a plain word to
// YAML, after which line's key has no mapping to belong to.
func noSpaceKey(m *Mapper, line int) (int, bool) {
	col := yamlline.Read(m.Line(line)).KeyStart
	for l := line - 1; l >= 0; l-- {
		s := m.Line(l)
		if blankOrComment(s) {
			continue
		}
		if yamlline.Read(s).KeyStart != col {
			return 0, false
		}
		return l, noSpace(strings.TrimSpace(s))
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

const afterQuote = "text after the closing quote: a quoted value ends at its quote, so put the whole value inside the quotes (between single quotes, write a ' as '')"

// textAfterQuote reports a line whose value starts with a quote that
// closes before the line's end, with more than a comment after it
// (`command: "python train.py" --epochs 3`, `default: 'it's'`).
func textAfterQuote(s string) bool {
	li := yamlline.Read(s)
	at := li.ValStart
	if at < 0 && li.Colon < 0 && li.Dashes > 0 {
		at = li.KeyStart
	}
	if at < 0 || at >= len(s) || s[at] != '"' && s[at] != '\'' {
		return false
	}
	q := s[at]
	for i := at + 1; i < len(s); i++ {
		switch {
		case q == '"' && s[i] == '\\':
			i++
		case q == '\'' && s[i] == '\'' && i+1 < len(s) && s[i+1] == '\'':
			i++
		case s[i] == q:
			rest := strings.TrimLeft(s[i+1:], " \t")
			return rest != "" && rest[0] != '#'

		}
	}
	return false
}

// openQuote returns the quote character left open on the line, or 0.
func openQuote(s string) byte {
	if i := openQuoteIndex(s); i >= 0 {
		return s[i]
	}
	return 0
}

// openQuoteIndex returns the index of the quote left open on the line,
// or -1.
func openQuoteIndex(s string) int {
	at := -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case at < 0 && c == '#' && (i == 0 || s[i-1] == ' '):
			return -1
		case at < 0 && (c == '"' || c == '\'') && (i == 0 || strings.IndexByte(" :[{,-", s[i-1]) >= 0):
			at = i
		case at >= 0 && s[at] == '"' && c == '\\':
			i++
		case at >= 0 && s[at] == '\'' && c == '\'' && i+1 < len(s) && s[i+1] == '\'':
			i++
		case at >= 0 && c == s[at]:
			at = -1
		}
	}
	return at
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
