package yamlline

import "strings"

// Line is the shape of one line of YAML, read from its text alone.
type Line struct {
	Indent   int  // leading spaces
	Dashes   int  // number of "- " sequence indicators after the indent
	KeyStart int  // byte index where the key (or bare word) starts
	Colon    int  // byte index of the key's ':', -1 when there is none
	ValStart int  // byte index where the value starts (after ": "), -1 when none
	Comment  int  // byte index of a comment's '#', -1 when none
	Flow     bool // the value is a flow collection ('[' or '{')
}

// readLine splits a line into indentation, dashes, key and value.
func Read(s string) Line {
	li := Line{Colon: -1, ValStart: -1, Comment: -1}
	i := 0
	for i < len(s) && s[i] == ' ' {
		i++
	}
	li.Indent = i
	for i < len(s) && s[i] == '-' && (i+1 == len(s) || s[i+1] == ' ') {
		li.Dashes++
		i++
		for i < len(s) && s[i] == ' ' {
			i++
		}
	}
	li.KeyStart = i
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
			li.Comment = j
			return li
		case c == ':' && li.Colon < 0 && (j+1 == len(s) || s[j+1] == ' ') && strings.IndexAny(s[i:j], "[{") < 0:
			li.Colon = j
			k := j + 1
			for k < len(s) && s[k] == ' ' {
				k++
			}
			if k < len(s) && s[k] != '#' {
				li.ValStart = k
				li.Flow = s[k] == '[' || s[k] == '{'
			}
		}
	}
	return li
}
