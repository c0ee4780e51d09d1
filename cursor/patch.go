package cursor

import (
	"strings"

	"github.com/valohai-ls/valohai-ls/document/yamlline"
)

// position is the role of the cursor on its line.
type position struct {
	value    bool // a value goes there; otherwise a key
	flow     bool // inside a flow collection ('[...]' or '{...}')
	hasColon bool // on a key that a ':' follows
	block    bool // in the text of a block scalar
}

// positionAt reads the role of byte col of line text.
func positionAt(text string, col int, li yamlline.Line) position {
	if inFlow, key := yamlline.FlowAt(text, col); inFlow {
		p := position{flow: true, value: !key}
		if key {
			_, e := wordAround(text, col, notWord)
			p.hasColon = strings.HasPrefix(strings.TrimLeft(text[e:], " "), ":")
		}
		return p
	}
	value := li.Colon >= 0 && col > li.Colon
	return position{value: value, hasColon: li.Colon >= 0 && !value}
}

// cursorLine returns the cursor line as it is parsed: with patch set, the
// word [ws, we) replaced by the placeholder; otherwise completed where it
// is unfinished. Either way, open quotes and brackets are closed.
func cursorLine(text string, ws, we int, li yamlline.Line, pos position, patch bool) string {
	switch {
	case pos.flow && patch:
		if ws > 0 && (text[ws-1] == '"' || text[ws-1] == '\'') {
			q := text[ws-1]
			ws--
			if we < len(text) && text[we] == q {
				we++
			}
		}
		return closeLine(text[:ws] + Placeholder + text[we:])
	case patch && !pos.flow:
		return patchLine(text, li, pos.value)
	case !pos.flow && !pos.value && li.Colon < 0:
		// A bare word being typed as a key: read it as one.
		return text + ":"
	}
	return closeLine(text)
}

// patchLine rewrites a block line so that the word at the cursor parses:
// a key becomes the placeholder key (its value kept), a value becomes the
// placeholder (in brackets when it was a flow list).
func patchLine(text string, li yamlline.Line, inValue bool) string {
	if !inValue {
		rest := ""
		if li.Colon >= 0 {
			rest = text[li.Colon+1:]
		}
		return text[:li.KeyStart] + Placeholder + ":" + rest
	}
	if li.ValStart < 0 {
		return text[:li.Colon+1] + " " + Placeholder
	}
	head := text[:li.ValStart]
	if li.Flow && text[li.ValStart] == '[' {
		return head + "[" + Placeholder + "]"
	}
	return head + Placeholder
}

// closeLine closes a quote and the flow brackets left open on line s.
func closeLine(s string) string {
	st := yamlline.State{Block: -1}
	st.Advance(0, s, len(s))
	if st.Quote != 0 {
		s += string(st.Quote)
		st.Quote = 0
	}
	if len(st.Flows) > 0 && strings.HasSuffix(s, ":") {
		// yaml.v3 takes a ':' right before a closing bracket as part of the key.
		s += " "
	}
	for i := len(st.Flows) - 1; i >= 0; i-- {
		if st.Flows[i].Ch == '[' {
			s += "]"
		} else {
			s += "}"
		}
	}
	return s
}
