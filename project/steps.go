package project

import (
	"github.com/valohai-ls/valohai-ls/model"
)

// StepRun is a script that a step runs, and what reading it gave.
type StepRun struct {
	Run
	// File is the script read; nil when it is not in the project, cannot
	// be read (Err), or is the file of an earlier run of the step.
	File *File
	Err  error
	// Again reports the file of an earlier run of the step (`python a.py
	// && python a.py`): it is read, and compared, once.
	Again bool
}

// StepRuns lists the scripts that step st runs, in the order its commands
// run them, reading each file once through r.
func StepRuns(x *model.Model, st *model.Symbol, o Options, r *Reader) []StepRun {
	var out []StepRun
	seen := map[string]bool{}
	for _, nr := range StepScripts(x, st, o) {
		sr := StepRun{Run: nr}
		switch {
		case !nr.Present():
		case seen[nr.Path]:
			sr.Again = true
		default:
			seen[nr.Path] = true
			sr.File, sr.Err = r.Read(o.Dir, nr.Path)
		}
		out = append(out, sr)
	}
	return out
}
