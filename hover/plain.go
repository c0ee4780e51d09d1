package hover

import "strings"

// PlainText turns the markdown of a hover into plain text for clients that
// do not render markdown: emphasis marks and code-span backticks are
// dropped, and a fenced code block loses its fences and is indented by
// four spaces.
func PlainText(md string) string {
	lines := strings.Split(md, "\n")
	out := make([]string, 0, len(lines))
	fenced := false
	for _, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "```") {
			fenced = !fenced
			continue
		}
		if fenced {
			out = append(out, "    "+l)
			continue
		}
		out = append(out, plainLine(l))
	}
	return strings.Join(out, "\n")
}

// plainLine drops the markdown marks of one line outside code blocks.
func plainLine(l string) string {
	var b strings.Builder
	for i := 0; i < len(l); i++ {
		c := l[i]
		switch {
		case c == '`':
			if j := strings.IndexByte(l[i+1:], '`'); j >= 0 {
				b.WriteString(l[i+1 : i+1+j])
				i += j + 1
				continue
			}
			b.WriteByte(c)
		case c == '\\' && i+1 < len(l) && strings.IndexByte("\\`*_{}[]()#+-.!|", l[i+1]) >= 0:
			b.WriteByte(l[i+1])
			i++
		case c == '*' && emphasis(l, i):
			if i+1 < len(l) && l[i+1] == '*' {
				i++
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// emphasis reports whether the "*" (or "**") at i opens or closes
// emphasis: it touches a word on one side and a space, punctuation or the
// line's end on the other.
func emphasis(l string, i int) bool {
	j := i + 1
	if j < len(l) && l[j] == '*' {
		j++
	}
	before := i == 0 || !word(l[i-1])
	after := j >= len(l) || !word(l[j])
	opens := before && j < len(l) && l[j] != ' '
	closes := after && i > 0 && l[i-1] != ' '
	return opens || closes
}

func word(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}
