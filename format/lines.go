package format

import "strings"

// source is the text split into lines, without their line breaks.
type source struct {
	lines []string
	// starts are the byte offsets of the lines in the text.
	starts []int
	// eol is the line break the result uses: the first line's.
	eol string
	bom bool
	// size is the text's length.
	size int
}

const bom = "\ufeff"

func split(text string) source {
	s := source{eol: "\n", size: len(text)}
	off := 0
	if strings.HasPrefix(text, bom) {
		s.bom, off = true, len(bom)
	}
	if i := strings.IndexByte(text, '\n'); i > 0 && text[i-1] == '\r' {
		s.eol = "\r\n"
	}
	for off < len(text) {
		s.starts = append(s.starts, off)
		i := strings.IndexByte(text[off:], '\n')
		if i < 0 {
			s.lines = append(s.lines, strings.TrimSuffix(text[off:], "\r"))
			break
		}
		s.lines = append(s.lines, strings.TrimSuffix(text[off:off+i], "\r"))
		off += i + 1
	}
	return s
}

// lineStart is the offset of line i, or the text's end past the last one.
func (s source) lineStart(i int) int {
	if i < len(s.starts) {
		return s.starts[i]
	}
	return s.size
}

// spaces is the number of leading spaces of a line.
func spaces(line string) int {
	n := 0
	for n < len(line) && line[n] == ' ' {
		n++
	}
	return n
}

// blank reports whether a line holds only spaces and tabs.
func blank(line string) bool { return strings.Trim(line, " \t") == "" }

// firstCol is the column of a line's first character that is not a space
// or tab, in runes; lines with a tab in their indentation answer -1.
func firstCol(line string) int {
	n := spaces(line)
	if n < len(line) && line[n] == '\t' {
		return -1
	}
	return n
}
