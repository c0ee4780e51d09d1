package check

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
)

// writeGitHub prints one GitHub Actions workflow command per diagnostic,
// which the runner turns into an annotation on the file:
//
//	::error file=valohai.yaml,line=3,col=5,endLine=3,endColumn=9,title=unknown-key::unknown key "bogus"...
//
// Lines and columns are one-based, columns counted in characters, and the
// end column is that of the last character of the range. A file that
// could not be read gets an error on the file itself.
func writeGitHub(w io.Writer, results []Result) error {
	for _, r := range results {
		if r.Err != nil {
			if _, err := fmt.Fprintf(w, "::error file=%s,title=unreadable::%s\n", ghProperty(filepath.ToSlash(r.Path)), ghData(r.Err.Error())); err != nil {
				return err
			}
			continue
		}
		if r.Doc == nil {
			continue
		}
		m := r.Doc.Mapper()
		file := filepath.ToSlash(r.Path)
		for _, d := range r.Diagnostics {
			s, e := m.Position(d.Start, document.UTF32), m.Position(d.End, document.UTF32)
			endCol := e.Character
			if e.Line == s.Line && endCol <= s.Character {
				endCol = s.Character + 1
			}
			_, err := fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
				githubLevel(d.Severity), ghProperty(file), s.Line+1, s.Character+1, e.Line+1, endCol,
				ghProperty(d.Code), ghData(d.Message))
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// githubLevel maps a severity to a workflow command.
func githubLevel(s diagnostics.Severity) string { return level(s, "notice") }

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
