package scripts

import (
	"fmt"
	"strings"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/project"
	"github.com/valohai-ls/valohai-ls/python"
)

// Place is a place in a script that declares or reads a step's parameter
// or input.
type Place struct {
	// Path is the script; Start and End bound the text in it.
	Path       string
	Start, End int
	Line       int // one-based
	// Rel is the script's path relative to valohai.yaml, for messages.
	Rel string
	// Declares reports a declaration (an add_argument option, a key of
	// prepare()'s dicts); else a use (args.lr, valohai.parameters("lr")).
	Declares bool
	// What the script says there: `--lr, float, default 0.01`.
	What string
	// Src is the script's text.
	Src []byte
}

// Places returns where the scripts that sym's step runs declare and read
// sym, a parameter or input of the step.
func Places(doc *document.Document, sym *model.Symbol, dir string, r *project.Reader) []Place {
	if sym == nil || sym.Parent == nil || sym.Parent.Kind != model.KindStep || sym.Name == "" || dir == "" {
		return nil
	}
	if sym.Kind != model.KindParameter && sym.Kind != model.KindInput {
		return nil
	}
	x := model.Of(doc)
	var out []Place
	for _, nr := range project.StepRuns(x, sym.Parent, project.Options{Dir: dir}, r) {
		f := nr.File
		if f == nil {
			continue
		}
		at := func(p python.Pos, n int, declares bool, what string) Place {
			return Place{Path: f.Path, Start: p.Offset, End: min(p.Offset+n, len(f.Src)), Line: p.Line, Rel: nr.Rel, Declares: declares, What: what, Src: f.Src}
		}
		if sym.Kind == model.KindParameter {
			out = append(out, parameterPlaces(f, sym, at)...)
		} else {
			out = append(out, inputPlaces(f, sym, at)...)
		}
	}
	return out
}

type placeAt func(p python.Pos, n int, declares bool, what string) Place

// parameterPlaces finds a parameter in one script.
func parameterPlaces(f *project.File, sym *model.Symbol, at placeAt) []Place {
	var out []Place
	sc := f.Script
	if p := sc.Prepare; p != nil {
		d, _ := p.ParameterDict()
		for _, e := range entries(d) {
			if e.Key == sym.Name {
				out = append(out, at(e.Pos, len(e.Key)+2, true, "valohai.prepare(), default "+show(e.Value)))
			}
		}
	}
	opt, _ := passOption(sym.Body, sym.Name)
	o := readOptions(sc)
	dest := ""
	if i := o.find(opt); i >= 0 {
		a := o.args[i]
		dest = a.EffectiveDest()
		for k, s := range a.Options {
			if k < len(a.OptionsPos) && strings.HasPrefix(s, opt) {
				out = append(out, at(a.OptionsPos[k], len(s)+2, true, describeArg(a)))
				break
			}
		}
	}
	for _, u := range sc.Parameters {
		if u.Name == sym.Name {
			out = append(out, at(u.Pos, len(u.Name)+2, false, fmt.Sprintf("valohai.parameters(%q)", u.Name)))
		}
	}
	if dest != "" {
		for _, u := range python.ArgUses(f.Src) {
			if u.Name == dest {
				out = append(out, at(u.Pos, len(u.Name), false, "args."+u.Name))
			}
		}
	}
	return out
}

// inputPlaces finds an input in one script.
func inputPlaces(f *project.File, sym *model.Symbol, at placeAt) []Place {
	var out []Place
	if p := f.Script.Prepare; p != nil {
		d, _ := p.InputDict()
		for _, e := range entries(d) {
			if e.Key == sym.Name {
				out = append(out, at(e.Pos, len(e.Key)+2, true, "valohai.prepare()"))
			}
		}
	}
	for _, u := range f.Script.Inputs {
		if u.Name == sym.Name {
			out = append(out, at(u.Pos, len(u.Name)+2, false, fmt.Sprintf("valohai.inputs(%q)", u.Name)))
		}
	}
	return out
}

// describeArg says what an option is: `--lr, float, default 0.01`.
func describeArg(a python.Argument) string {
	parts := []string{longest(a)}
	if t := argType(a); t != "" {
		parts = append(parts, t)
	}
	if a.Required {
		parts = append(parts, "required")
	}
	if a.HasDefault && a.Default.Kind != python.None {
		parts = append(parts, "default "+show(a.Default))
	}
	return strings.Join(parts, ", ")
}

// Describe says in markdown what the scripts say of sym, for hover: one
// line per declaration or use, `train.py:12` — what is there.
func Describe(places []Place) string {
	var b strings.Builder
	for _, p := range places {
		verb := "read"
		if p.Declares {
			verb = "declared"
		}
		fmt.Fprintf(&b, "- %s by `%s:%d`: %s\n", verb, p.Rel, p.Line, p.What)
	}
	return strings.TrimRight(b.String(), "\n")
}
