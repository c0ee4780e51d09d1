package codeaction

import (
	"strings"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/stepsync"
)

// syncActions are the "Sync step" actions of the steps in [start, end]
// and of those the script findings among diags are on, and the removal of
// each parameter a script rejects. They need the directory of the file
// and a script reader (Options.Dir, Options.Scripts).
func syncActions(c *ctx, start, end int, diags []diagnostics.Diagnostic) []Action {
	if c.opts.Dir == "" || c.opts.Scripts == nil {
		return nil
	}
	x := model.Of(c.doc)
	var out []Action
	for _, st := range x.Kept(model.KindStep) {
		if st.Body == nil {
			continue
		}
		diag := -1
		for i, d := range diags {
			if strings.HasPrefix(d.Code, "script-") && d.Start >= st.Range.Start && d.Start <= st.Range.End {
				diag = i
				break
			}
		}
		if diag < 0 && (end < st.Range.Start || start > st.Range.End) {
			continue
		}
		// The sync keeps a parameter the script rejects: the step it
		// leaves does not run, so it is not the preferred fix then.
		preferred := diag >= 0 && !rejects(diags, st)
		for _, a := range stepsync.Sync(c.doc, st, c.opts.Dir, c.opts.Scripts) {
			out = append(out, Action{Title: a.Title, Kind: QuickFix, Diag: diag, Edits: edits(a.Edits), Preferred: preferred})
		}
	}
	for i, d := range diags {
		if a, ok := stepsync.RenameOption(c.doc, d, c.opts.Dir, c.opts.Scripts); ok {
			out = append(out, Action{Title: a.Title, Kind: QuickFix, Diag: i, Edits: edits(a.Edits), Preferred: true})
		}
		if a, ok := stepsync.Removal(c.doc, d); ok {
			out = append(out, Action{Title: a.Title, Kind: QuickFix, Diag: i, Edits: edits(a.Edits)})
		}
	}
	return out
}

// rejects reports whether diags hold a script-unknown-option finding in
// step st.
func rejects(diags []diagnostics.Diagnostic, st *model.Symbol) bool {
	for _, d := range diags {
		if d.Code == diagnostics.CodeScriptUnknownOption && d.Start >= st.Range.Start && d.Start <= st.Range.End {
			return true
		}
	}
	return false
}

func edits(es []stepsync.Edit) []Edit {
	out := make([]Edit, 0, len(es))
	for _, e := range es {
		out = append(out, Edit{Start: e.Start, End: e.End, Text: e.Text})
	}
	return out
}
