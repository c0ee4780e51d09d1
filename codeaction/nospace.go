package codeaction

import (
	"strings"

	"github.com/valohai-ls/valohai-ls/diagnostics"
)

// spaceAfterColon offers, for a value of the wrong type that is a word
// written "key:value" (a list item `- name:data` read as one string where
// a mapping belongs), the space after its ':' that makes it the mapping,
// when the file then says nothing new about the YAML's shape.
func spaceAfterColon(c *ctx, d diagnostics.Diagnostic) []Action {
	if d.Code != diagnostics.CodeWrongType || d.Start < 0 || d.End > len(c.doc.Text) || d.Start >= d.End {
		return nil
	}
	v := c.doc.Text[d.Start:d.End]
	i := strings.IndexByte(v, ':')
	if i <= 0 || i+1 == len(v) || strings.ContainsAny(v[:i], " \t\"'[]{},#&*!|>%@`") || strings.ContainsAny(v, "\n") ||
		v[i+1] == ' ' || v[i+1] == '/' {
		return nil
	}
	e := Edit{Start: d.Start + i + 1, End: d.Start + i + 1, Text: " "}
	if _, _, ok := c.newFindings(d, e, nil); !ok {
		return nil
	}
	return []Action{{Title: "Add a space after ':'", Edits: []Edit{e}, Preferred: true}}
}
