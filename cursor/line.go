package cursor

import "strings"

// lineInfo is the shape of one line of YAML, read from its text alone.
type lineInfo struct {
	indent   int  // leading spaces
	dashes   int  // number of "- " sequence indicators after the indent
	keyStart int  // byte index where the key (or bare word) starts
	colon    int  // byte index of the key's ':', -1 when there is none
	valStart int  // byte index where the value starts (after ": "), -1 when none
	comment  int  // byte index of a comment's '#', -1 when none
	flow     bool // the value is a flow collection ('[' or '{')
}

// readLine splits a line into indentation, dashes, key and value.
func readLine(s string) lineInfo {
	li := lineInfo{colon: -1, valStart: -1, comment: -1}
	i := 0
	for i < len(s) && s[i] == ' ' {
		i++
	}
	li.indent = i
	for i < len(s) && s[i] == '-' && (i+1 == len(s) || s[i+1] == ' ') {
		li.dashes++
		i++
		for i < len(s) && s[i] == ' ' {
			i++
		}
	}
	li.keyStart = i
	var q byte
	for j := i; j < len(s); j++ {
		c := s[j]
		switch {
		case q != 0:
			if c == q {
				q = 0
			}
		case (c == '"' || c == '\'') && (j == i || s[j-1] == ' ' || s[j-1] == '[' || s[j-1] == ','):
			q = c
		case c == '#' && (j == 0 || s[j-1] == ' '):
			li.comment = j
			return li
		case c == ':' && li.colon < 0 && (j+1 == len(s) || s[j+1] == ' ') && strings.IndexAny(s[i:j], "[{") < 0:
			li.colon = j
			k := j + 1
			for k < len(s) && s[k] == ' ' {
				k++
			}
			if k < len(s) && s[k] != '#' {
				li.valStart = k
				li.flow = s[k] == '[' || s[k] == '{'
			}
		}
	}
	return li
}

// isWordByte reports the bytes of a key or simple value word.
func isWordByte(c byte) bool {
	return c == '-' || c == '_' || c == '.' || c == '/' || c == '*' ||
		(c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80
}

// wordAround returns the span [start, end) of the word around col in s.
func wordAround(s string, col int, stop func(byte) bool) (int, int) {
	start, end := col, col
	for start > 0 && !stop(s[start-1]) {
		start--
	}
	for end < len(s) && !stop(s[end]) {
		end++
	}
	return start, end
}

func notWord(c byte) bool { return !isWordByte(c) }

// valueStop ends a value word: flow punctuation, quotes and spaces.
func valueStop(c byte) bool {
	return c == ' ' || c == ',' || c == '[' || c == ']' || c == '{' || c == '}' || c == '"' || c == '\''
}
