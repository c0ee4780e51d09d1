package document

import (
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Encoding is the unit in which a position's character offset is counted.
type Encoding int

// The position encodings of LSP 3.17.
const (
	UTF16 Encoding = iota // the LSP default
	UTF8                  // bytes
	UTF32                 // code points
)

// String returns the LSP name of the encoding.
func (e Encoding) String() string {
	switch e {
	case UTF8:
		return "utf-8"
	case UTF32:
		return "utf-32"
	default:
		return "utf-16"
	}
}

// Position is a zero-based line and character offset in some Encoding.
type Position struct {
	Line, Character int
}

// Mapper converts between byte offsets, LSP positions in any encoding, and
// yaml.v3's one-based line and code-point column. Lines end at "\n", "\r\n"
// or a lone "\r", as both LSP and YAML define them.
type Mapper struct {
	text  string
	lines []int // byte offset where each line starts
	ascii bool
	cr    bool // the text has a "\r"
}

// NewMapper indexes the line starts of text.
func NewMapper(text string) *Mapper {
	m := &Mapper{text: text, lines: make([]int, 1, strings.Count(text, "\n")+1), ascii: isASCII(text)}
	m.cr = strings.IndexByte(text, '\r') >= 0
	if !m.cr {
		for i := 0; ; {
			j := strings.IndexByte(text[i:], '\n')
			if j < 0 {
				return m
			}
			i += j + 1
			m.lines = append(m.lines, i)
		}
	}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			m.lines = append(m.lines, i+1)
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			m.lines = append(m.lines, i+1)
		}
	}
	return m
}

// Edit returns the mapper of the text with the bytes from start to end
// replaced by repl. Only the lines the edit touches are read; the line
// starts after it are shifted. A text with "\r" line ends is indexed
// again.
func (m *Mapper) Edit(start, end int, repl string) *Mapper {
	start, end = max(0, min(start, len(m.text))), max(0, min(end, len(m.text)))
	if end < start {
		start, end = end, start
	}
	text := m.text[:start] + repl + m.text[end:]
	if m.cr || strings.IndexByte(repl, '\r') >= 0 {
		return NewMapper(text)
	}
	// Line starts at or before start stay; those whose newline was
	// removed (in start+1..end) go; repl's newlines add some; the rest
	// move by the change in length.
	keep := sort.SearchInts(m.lines, start+1)
	after := sort.SearchInts(m.lines, end+1)
	added := strings.Count(repl, "\n")
	lines := make([]int, keep, keep+added+len(m.lines)-after)
	copy(lines, m.lines[:keep])
	for i := 0; ; {
		j := strings.IndexByte(repl[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		lines = append(lines, start+i)
	}
	delta := len(repl) - (end - start)
	for _, l := range m.lines[after:] {
		lines = append(lines, l+delta)
	}
	ascii := m.ascii && isASCII(repl)
	if !m.ascii {
		ascii = isASCII(text)
	}
	return &Mapper{text: text, lines: lines, ascii: ascii}
}

// isASCII reports whether text has only ASCII bytes, eight at a time.
func isASCII(text string) bool {
	i := 0
	for ; i+8 <= len(text); i += 8 {
		w := uint64(text[i]) | uint64(text[i+1])<<8 | uint64(text[i+2])<<16 | uint64(text[i+3])<<24 |
			uint64(text[i+4])<<32 | uint64(text[i+5])<<40 | uint64(text[i+6])<<48 | uint64(text[i+7])<<56
		if w&0x8080808080808080 != 0 {
			return false
		}
	}
	for ; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Text returns the mapped text.
func (m *Mapper) Text() string { return m.text }

// LineCount returns the number of lines (a trailing newline starts an empty last line).
func (m *Mapper) LineCount() int { return len(m.lines) }

// LineStart returns the byte offset of the start of line (clamped).
func (m *Mapper) LineStart(line int) int {
	if line < 0 {
		return 0
	}
	if line >= len(m.lines) {
		return len(m.text)
	}
	return m.lines[line]
}

// LineEnd returns the byte offset of the end of line, before its line break.
func (m *Mapper) LineEnd(line int) int {
	if line < 0 {
		line = 0
	}
	if line+1 >= len(m.lines) {
		return len(m.text)
	}
	end := m.lines[line+1]
	if end > 0 && m.text[end-1] == '\n' {
		end--
	}
	if end > m.lines[line] && m.text[end-1] == '\r' {
		end--
	}
	return end
}

// Line returns the text of line without its line break.
func (m *Mapper) Line(line int) string {
	if line < 0 || line >= len(m.lines) {
		return ""
	}
	return m.text[m.LineStart(line):m.LineEnd(line)]
}

// LineOf returns the zero-based line that holds byte offset off.
func (m *Mapper) LineOf(off int) int {
	if off <= 0 {
		return 0
	}
	if off > len(m.text) {
		off = len(m.text)
	}
	return sort.Search(len(m.lines), func(i int) bool { return m.lines[i] > off }) - 1
}

// Position converts a byte offset to a position in enc. An offset inside a
// line break or a multi-byte character is moved back to its start.
func (m *Mapper) Position(off int, enc Encoding) Position {
	if off < 0 {
		off = 0
	}
	if off > len(m.text) {
		off = len(m.text)
	}
	line := m.LineOf(off)
	start := m.lines[line]
	if end := m.LineEnd(line); off > end {
		off = end
	}
	for off > start && off < len(m.text) && !utf8.RuneStart(m.text[off]) {
		off--
	}
	return Position{Line: line, Character: columnOf(m.text[start:off], enc, m.ascii)}
}

// Offset converts a position in enc to a byte offset. A line past the end
// maps to the end of the text; a character past the end of its line maps to
// the end of the line; a character inside a surrogate pair or a multi-byte
// sequence maps to the start of that character.
func (m *Mapper) Offset(p Position, enc Encoding) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(m.lines) {
		return len(m.text)
	}
	start, end := m.lines[p.Line], m.LineEnd(p.Line)
	if p.Character <= 0 {
		return start
	}
	return start + byteIndex(m.text[start:end], p.Character, enc, m.ascii)
}

// OffsetOfLineCol converts a yaml.v3 position (one-based line, one-based
// column counted in code points) to a byte offset.
func (m *Mapper) OffsetOfLineCol(line, col int) int {
	return m.Offset(Position{Line: line - 1, Character: col - 1}, UTF32)
}

// Column returns the zero-based code-point column of a byte offset.
func (m *Mapper) Column(off int) int {
	return m.Position(off, UTF32).Character
}

// columnOf counts s in the units of enc.
func columnOf(s string, enc Encoding, ascii bool) int {
	if ascii || enc == UTF8 {
		return len(s)
	}
	n := 0
	for _, r := range s {
		switch {
		case enc == UTF32:
			n++
		case r >= 0x10000 && r <= utf8.MaxRune:
			n += 2
		default:
			n++
		}
	}
	return n
}

// byteIndex returns the byte index in line of the character offset char in enc.
func byteIndex(line string, char int, enc Encoding, ascii bool) int {
	if ascii || enc == UTF8 {
		if char > len(line) {
			return len(line)
		}
		for char > 0 && char < len(line) && !utf8.RuneStart(line[char]) {
			char--
		}
		return char
	}
	n := 0
	for i, r := range line {
		w := 1
		if enc == UTF16 {
			w = utf16.RuneLen(r)
		}
		if n+w > char {
			return i
		}
		n += w
	}
	return len(line)
}
