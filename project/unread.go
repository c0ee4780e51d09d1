package project

import (
	"path"
	"strings"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/schema"
)

// Unread is a program a step's command runs that valohai-ls does not
// read: an R script, a shell script, a notebook, a binary.
type Unread struct {
	// What names it as written (`train.R`, `./bin/fit`), and Runner the
	// program that runs it (`Rscript`), "" for a binary run by itself.
	What, Runner string
	Span         document.Span
	// Parameters reports that the command passes it the step's
	// parameters (`{parameters}` or a `{parameter:NAME}` placeholder).
	Parameters bool
}

// runners are the programs that run a file valohai-ls does not read,
// given as their argument (the first with a known extension, else the
// first that is not an option); the value says what that file is.
var runners = map[string]string{
	"Rscript": "an R script", "R": "an R script", "bash": "a shell script", "sh": "a shell script", "zsh": "a shell script",
	"papermill": "a notebook", "julia": "a Julia script", "node": "a JavaScript file", "ruby": "a Ruby script",
	"perl": "a Perl script", "java": "a Java program",
}

// kinds says what a file is by its extension.
var kinds = map[string]string{
	".R": "an R script", ".r": "an R script", ".sh": "a shell script", ".ipynb": "a notebook", ".jl": "a Julia script",
	".js": "a JavaScript file", ".mjs": "a JavaScript file", ".rb": "a Ruby script", ".pl": "a Perl script", ".jar": "a Java program",
}

// UnreadRuns returns the programs the commands of step run that
// valohai-ls does not read, in order.
func UnreadRuns(x *model.Model, step *model.Symbol) []Unread {
	if step == nil || step.Body == nil {
		return nil
	}
	var out []Unread
	for _, cmd := range CommandLines(x, step.Body, schema.XCommand) {
		for _, words := range cmd {
			if u, ok := unread(withoutPrefix(words)); ok {
				out = append(out, u)
			}
		}
	}
	return out
}

// unread reads one simple command as a program valohai-ls does not read.
func unread(words []Word) (Unread, bool) {
	if len(words) == 0 {
		return Unread{}, false
	}
	prog := words[0].Text
	u := Unread{}
	switch {
	case runners[path.Base(prog)] != "":
		u.Runner = path.Base(prog)
		for i := 1; i < len(words); i++ {
			w := words[i].Text
			if w == "-c" || w == "-e" {
				return Unread{}, false // inline code
			}
			if kinds[path.Ext(w)] != "" {
				u.What, u.Span = w, words[i].Span
				break
			}
			if u.What == "" && !strings.HasPrefix(w, "-") && !strings.Contains(w, "{") {
				u.What, u.Span = w, words[i].Span
			}
		}
		if u.What == "" {
			return Unread{}, false
		}
	case strings.Contains(prog, "/") && !strings.HasSuffix(prog, ".py") && !strings.ContainsAny(prog, "{}$") &&
		!interpreter.MatchString(prog) && path.Base(prog) != "/" && path.Base(prog) != "." && path.Base(prog) != "..":
		u.What, u.Span = prog, words[0].Span
	default:
		return Unread{}, false
	}
	for _, w := range words[1:] {
		if strings.Contains(w.Text, schema.PlaceholderParameters) || strings.Contains(w.Text, schema.PlaceholderParams) ||
			strings.Contains(w.Text, "{parameter:") || strings.Contains(w.Text, "{parameter-value:") {
			u.Parameters = true
		}
	}
	return u, true
}

// Kind says what an unread program is, for messages: "an R script".
func (u Unread) Kind() string {
	if k := kinds[path.Ext(u.What)]; k != "" {
		return k
	}
	if u.Runner == "" {
		return "a program"
	}
	return runners[u.Runner]
}
