package replay

import (
	"regexp"
	"strings"
)

// keyLineRe matches a line that starts a mapping key: group 1 is the
// indentation with an optional "- ", group 2 the key.
var keyLineRe = regexp.MustCompile(`^(\s*(?:- )?)([A-Za-z][A-Za-z0-9_-]*):(\s|$)`)

// KeyLine is a line of a file where a key is written.
type KeyLine struct {
	Line   int    // zero-based line number
	Start  int    // byte offset of the line
	End    int    // byte offset of the line's end, before its line break
	Indent string // the text before the key: spaces and an optional "- "
	Key    string
}

// KeyLines returns the key lines of text, in order. Lines end at "\n";
// a "\r" before it is not part of the line.
func KeyLines(text string) []KeyLine {
	var out []KeyLine
	start := 0
	for line := 0; start <= len(text); line++ {
		end := strings.IndexByte(text[start:], '\n')
		next := start + end + 1
		if end < 0 {
			end, next = len(text)-start, len(text)+1
		}
		s := strings.TrimSuffix(text[start:start+end], "\r")
		if m := keyLineRe.FindStringSubmatch(s); m != nil {
			out = append(out, KeyLine{Line: line, Start: start, End: start + len(s), Indent: m[1], Key: m[2]})
		}
		start = next
	}
	return out
}

// Typed returns the first letters of the key that mid-key completion is
// asked with: two, or the whole key when it is shorter.
func (k KeyLine) Typed() string {
	if len(k.Key) < 2 {
		return k.Key
	}
	return k.Key[:2]
}
