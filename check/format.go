package check

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
)

// Formats the check command can print.
var Formats = []string{"text", "json", "github", "sarif"}

// Options change how Write prints.
type Options struct {
	// Color marks up the text format with ANSI colours (for a terminal).
	Color bool
	// Summary ends the text format with the Summary line.
	Summary bool
}

// Write prints results in format to w.
func Write(w io.Writer, format string, results []Result) error {
	return WriteOptions(w, format, results, Options{})
}

// WriteOptions prints results in format to w, as opts say.
func WriteOptions(w io.Writer, format string, results []Result, opts Options) error {
	switch format {
	case "text", "":
		if err := writeText(w, results, opts.Color); err != nil || !opts.Summary {
			return err
		}
		if line := Summary(results); line != "" {
			_, err := fmt.Fprintln(w, line)
			return err
		}
		return nil
	case "json":
		return writeJSON(w, results)
	case "github":
		return writeGitHub(w, results)
	case "sarif":
		return writeSARIF(w, results)
	}
	return fmt.Errorf("unknown format %q (use text, json, github or sarif)", format)
}

// ANSI colours of the text format.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[1;31m"
	ansiYellow = "\x1b[1;33m"
	ansiBlue   = "\x1b[1;34m"
	ansiCyan   = "\x1b[36m"
)

// severityColor is the colour of a severity's name.
func severityColor(s diagnostics.Severity) string {
	switch s {
	case diagnostics.Error:
		return ansiRed
	case diagnostics.Warning:
		return ansiYellow
	case diagnostics.Information:
		return ansiBlue
	}
	return ansiCyan
}

// writeText prints `path:line:col: severity: message [code]`, with a
// one-based line and a one-based column counted in characters; with color,
// the location is bold, the severity coloured and the code dim.
func writeText(w io.Writer, results []Result, color bool) error {
	for _, r := range results {
		if r.Doc == nil {
			continue
		}
		m := r.Doc.Mapper()
		for _, d := range r.Diagnostics {
			p := m.Position(d.Start, document.UTF32)
			var err error
			if color {
				_, err = fmt.Fprintf(w, "%s%s:%d:%d:%s %s%s%s: %s %s[%s]%s\n", ansiBold, r.Path, p.Line+1, p.Character+1, ansiReset,
					severityColor(d.Severity), d.Severity, ansiReset, d.Message, ansiDim, d.Code, ansiReset)
			} else {
				_, err = fmt.Fprintf(w, "%s:%d:%d: %s: %s [%s]\n", r.Path, p.Line+1, p.Character+1, d.Severity, d.Message, d.Code)
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

type jsonPos struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

type jsonRange struct {
	Start jsonPos `json:"start"`
	End   jsonPos `json:"end"`
}

type jsonDiag struct {
	Range    jsonRange `json:"range"`
	Severity string    `json:"severity"`
	Code     string    `json:"code"`
	Message  string    `json:"message"`
}

type jsonFile struct {
	Path        string     `json:"path"`
	Error       string     `json:"error,omitempty"` // why the file could not be checked
	Diagnostics []jsonDiag `json:"diagnostics"`
}

// writeJSON prints one entry per argument, with LSP positions (zero-based,
// UTF-16 characters); a file that could not be read has an "error".
func writeJSON(w io.Writer, results []Result) error {
	out := make([]jsonFile, 0, len(results))
	for _, r := range results {
		f := jsonFile{Path: r.Path, Diagnostics: []jsonDiag{}}
		if r.Err != nil {
			f.Error = r.Err.Error()
		}
		if r.Doc != nil {
			m := r.Doc.Mapper()
			for _, d := range r.Diagnostics {
				s, e := m.Position(d.Start, document.UTF16), m.Position(d.End, document.UTF16)
				f.Diagnostics = append(f.Diagnostics, jsonDiag{
					Range:    jsonRange{Start: jsonPos{s.Line, s.Character}, End: jsonPos{e.Line, e.Character}},
					Severity: d.Severity.String(),
					Code:     d.Code,
					Message:  d.Message,
				})
			}
		}
		out = append(out, f)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// level names a severity for a CI format that knows only errors, warnings
// and one level below them, called lesser.
func level(s diagnostics.Severity, lesser string) string {
	switch s {
	case diagnostics.Error, diagnostics.Warning:
		return s.String()
	}
	return lesser
}
