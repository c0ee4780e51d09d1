package project

import (
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/schema"
)

// How says how a command runs a Python script.
type How string

// Ways of running a script.
const (
	HowPython     How = "python"      // python X.py
	HowModule     How = "python -m"   // python -m pkg.mod, a module of the project
	HowSourcePath How = "source-path" // python {source-path}
	HowLauncher   How = "other"       // torchrun X.py, accelerate launch X.py, --app-main=X.py
)

// Run is a Python script that a step's command runs.
type Run struct {
	How How
	// Ref is the script as the command names it, relative to the
	// directory of valohai.yaml (a `cd` before it followed): `src/main.py`,
	// or the module for HowModule. Span is where it is written.
	Ref  string
	Span document.Span
	// Rel is the script's path relative to the directory of valohai.yaml,
	// and Path the file when it exists in that directory's tree ("" when
	// it does not).
	Rel  string
	Path string
	// Command is the simple command (between `&&`, `;`, `|`, newlines)
	// that runs it, and Words its words.
	Command document.Span
	Words   []Word
	// PassesParameters reports `{parameters}` (or `{params}`) in the
	// command; ParameterRefs are the names of its `{parameter:NAME}` and
	// `{parameter-value:NAME}` placeholders.
	PassesParameters bool
	ParameterRefs    []string
	// Args are the words after the script, which the script receives as
	// its arguments; nil when the command runs a wrapper that is given the
	// script as an option (`--app-main=X.py`), whose arguments are its own.
	Args []Word
}

// Word is a word of a command line, without quotes.
type Word struct {
	Text string
	Span document.Span
}

// Present reports whether the script exists in the project's tree.
func (r Run) Present() bool { return r.Path != "" }

// StepScripts returns the Python scripts that the commands of step run, in
// order. A `cd DIR` earlier in the step is followed; `/valohai/repository`
// is the project's root. Scripts are looked up inside o.Dir only; without
// a directory none is found, but the runs are still listed.
func StepScripts(x *model.Model, step *model.Symbol, o Options) []Run {
	if step == nil || step.Body == nil {
		return nil
	}
	r := &runReader{x: x, step: step, dir: absDir(o.Dir), probe: o.Probe}
	for _, cmd := range CommandLines(x, step.Body, schema.XCommand) {
		for _, simple := range cmd {
			r.simple(simple)
		}
	}
	return r.out
}

// CommandLines returns the simple commands of the command under key of
// body: for each command (a list item or the single value, read as YAML
// gives it: model.Commands), its simple commands as words, with their
// places in the source.
func CommandLines(x *model.Model, body *yaml.Node, key string) [][][]Word {
	var out [][][]Word
	for _, c := range model.Commands(x.Mapper(), body, key) {
		out = append(out, simpleCommands(c))
	}
	return out
}

// separators returns where the separators that end simple commands are
// in a command, outside quotes: `&&`, `||`, `;`, `|`, `&`, and line
// breaks that no backslash continues.
func separators(text string) [][2]int {
	var out [][2]int
	sq, dq := false, false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '\\' && !sq:
			i++
		case c == '\'' && !dq:
			sq = !sq
		case c == '"' && !sq:
			dq = !dq
		case sq || dq:
		case (c == '&' || c == '|') && i+1 < len(text) && text[i+1] == c:
			out = append(out, [2]int{i, i + 2})
			i++
		case c == ';' || c == '|' || c == '&' || c == '\n':
			out = append(out, [2]int{i, i + 1})
		}
	}
	return out
}

// simpleCommands splits a command into simple commands of words.
func simpleCommands(c model.Command) [][]Word {
	text := c.Text
	var out [][]Word
	start := 0
	flush := func(end int) {
		var words []Word
		for _, w := range shellWord.FindAllStringIndex(text[start:end], -1) {
			word := text[start+w[0] : start+w[1]]
			if word == "\\" {
				continue
			}
			if strings.HasPrefix(word, "#") {
				break // a comment, to the end of the line
			}
			words = append(words, Word{Text: word, Span: c.Span(start+w[0], start+w[1])})
		}
		if len(words) > 0 {
			out = append(out, words)
		}
	}
	for _, sep := range separators(text) {
		flush(sep[0])
		start = sep[1]
	}
	flush(len(text))
	return out
}

// runReader follows the commands of one step.
type runReader struct {
	x    *model.Model
	step *model.Symbol
	dir  string
	cwd  string // relative to dir; unknownDir after a cd out of the project
	out  []Run
	// probe is told of each file looked for (Options.Probe).
	probe func(path string)
}

// looksFor tells the probe of the file rel of the tree, about to be looked
// for.
func (r *runReader) looksFor(rel string) {
	if r.probe != nil && r.dir != "" {
		r.probe(filepath.Join(r.dir, filepath.FromSlash(rel)))
	}
}

const (
	unknownDir = "\x00"
	repoRoot   = schema.RepositoryRoot
)

var (
	interpreter = regexp.MustCompile(`^(?:.*/)?python(?:[0-9]+(?:\.[0-9]+)?)?$`)
	// launcherModules are `python -m` modules that start a script given
	// as their argument.
	launcherModules = map[string]bool{
		"accelerate.commands.launch": true, "torch.distributed.run": true, "torch.distributed.launch": true,
		"deepspeed": true, "streamlit": true,
	}
	// launchers are commands that start a script given as their argument
	// (after their own options): `torchrun X.py`, `accelerate launch X.py`.
	launchers = map[string]bool{"torchrun": true, "deepspeed": true, "accelerate": true, "streamlit": true}
	// interpreterArgOptions are the interpreter's options that take a value.
	interpreterArgOptions = map[string]bool{"-W": true, "-X": true, "--check-hash-based-pycs": true}
)

// simple reads one simple command.
func (r *runReader) simple(words []Word) {
	words = withoutPrefix(words)
	if len(words) == 0 {
		return
	}
	if words[0].Text == "cd" {
		r.cd(words[1:])
		return
	}
	switch {
	case interpreter.MatchString(words[0].Text):
		r.interpreter(words)
	case launchers[words[0].Text]:
		r.launcher(words, 1)
	}
}

// prefixes are commands that run the rest of the line as a command.
var prefixes = map[string]bool{"nohup": true, "exec": true, "time": true, "env": true, "sudo": true}

// withoutPrefix drops what comes before the command proper: variable
// assignments, `nohup`, `env`, `conda run -n NAME`.
func withoutPrefix(words []Word) []Word {
	for len(words) > 0 {
		w := words[0].Text
		switch {
		case prefixes[w]:
			words = words[1:]
		case strings.Contains(w, "=") && !strings.HasPrefix(w, "-"):
			words = words[1:]
		case w == "conda" && len(words) > 1 && words[1].Text == "run":
			words = words[2:]
			for len(words) > 0 && strings.HasPrefix(words[0].Text, "-") {
				takesValue := words[0].Text == "-n" || words[0].Text == "--name" || words[0].Text == "-p" || words[0].Text == "--prefix"
				words = words[1:]
				if takesValue && len(words) > 0 {
					words = words[1:]
				}
			}
		default:
			return words
		}
	}
	return words
}

// cd follows a change of directory.
func (r *runReader) cd(args []Word) {
	if len(args) == 0 || r.cwd == unknownDir {
		r.cwd = unknownDir
		return
	}
	to := args[0].Text
	switch {
	case to == repoRoot || strings.HasPrefix(to, repoRoot+"/"):
		r.cwd = path.Clean("." + strings.TrimPrefix(to, repoRoot))
	case path.IsAbs(to) || strings.HasPrefix(to, "~") || strings.ContainsAny(to, "$`{"):
		r.cwd = unknownDir
	default:
		r.cwd = path.Join(r.cwd, to)
		if r.cwd == ".." || strings.HasPrefix(r.cwd, "../") {
			r.cwd = unknownDir
		}
	}
	if r.cwd == "." {
		r.cwd = ""
	}
}

// interpreter reads `python [options] X.py ...` and `python -m MOD ...`.
func (r *runReader) interpreter(words []Word) {
	for i := 1; i < len(words); i++ {
		w := words[i].Text
		switch {
		case w == "-c":
			return // inline code
		case w == "-m":
			if i+1 < len(words) {
				r.module(words, i+1)
			}
			return
		case interpreterArgOptions[w]:
			i++
		case strings.HasPrefix(w, "-"):
		default:
			if !r.script(words, i, HowPython) {
				r.appMain(words, i+1)
			}
			r.nested(words[i+1:])
			return
		}
	}
}

// nested reads a script run by a wrapper script, written as its
// arguments: `python run_mpi.py python greeting.py`.
func (r *runReader) nested(args []Word) {
	for i, w := range args {
		if interpreter.MatchString(w.Text) {
			r.interpreter(args[i:])
			return
		}
	}
}

// module reads `python -m MOD`: a module of the project, or a launcher.
func (r *runReader) module(words []Word, i int) {
	mod := words[i].Text
	if launcherModules[mod] {
		r.launcher(words, i+1)
		return
	}
	if r.cwd == unknownDir || r.dir == "" {
		return
	}
	if r.probe != nil && pythonModule.MatchString(mod) {
		base := path.Join(r.cwd, strings.ReplaceAll(mod, ".", "/"))
		r.looksFor(base + ".py")
		r.looksFor(base + "/__main__.py")
	}
	if p, rel, ok := moduleMainRel(r.dir, r.cwd, mod); ok {
		r.add(words, Run{How: HowModule, Ref: mod, Span: words[i].Span, Rel: rel, Path: p, Args: words[i+1:]})
	}
}

// launcher reads the script that a launcher starts: the first `.py`
// word after words[from], or a `--app-main=X.py`.
func (r *runReader) launcher(words []Word, from int) {
	for i := from; i < len(words); i++ {
		if strings.HasSuffix(words[i].Text, ".py") && !strings.HasPrefix(words[i].Text, "-") {
			r.script(words, i, HowLauncher)
			return
		}
	}
	r.appMain(words, from)
}

// appMain reads a wrapper's `--app-main=X.py`.
func (r *runReader) appMain(words []Word, from int) {
	for i := from; i < len(words); i++ {
		if v, ok := strings.CutPrefix(words[i].Text, "--app-main="); ok && strings.HasSuffix(v, ".py") {
			sp := words[i].Span
			sp.Start = sp.End - len(v)
			r.scriptAt(words, v, sp, HowLauncher) // Args stay nil
			return
		}
	}
}

// script reads words[i] as the script run; false when it is not one of
// the project's (`/usr/lib/x.py`, not a .py file).
func (r *runReader) script(words []Word, i int, how How) bool {
	w := words[i].Text
	if strings.Contains(w, schema.PlaceholderSourcePath) {
		sp := document.Scalar(document.Deref(document.ValueOf(r.step.Body, schema.XSourcePath)))
		if sp == "" {
			return true
		}
		w = strings.ReplaceAll(w, schema.PlaceholderSourcePath, sp)
		how = HowSourcePath
	}
	if !r.scriptAt(words, w, words[i].Span, how) {
		return false
	}
	r.out[len(r.out)-1].Args = words[i+1:]
	return true
}

// scriptAt records the script written as w at sp.
func (r *runReader) scriptAt(words []Word, w string, sp document.Span, how How) bool {
	if !strings.HasSuffix(w, ".py") || strings.ContainsAny(w, "{}$*?") {
		return false
	}
	var rel string
	switch {
	case w == repoRoot || strings.HasPrefix(w, repoRoot+"/"):
		rel = path.Clean(strings.TrimPrefix(w, repoRoot+"/"))
	case path.IsAbs(w) || strings.HasPrefix(w, "~"):
		return false
	case r.cwd == unknownDir:
		return false
	default:
		rel = path.Join(r.cwd, w)
	}
	if rel == ".." || strings.HasPrefix(rel, "../") {
		return false
	}
	run := Run{How: how, Ref: rel, Span: sp, Rel: rel}
	if r.dir != "" {
		r.looksFor(rel)
		run.Path, _ = inTree(r.dir, rel)
	}
	r.add(words, run)
	return true
}

// add records run, run by the simple command of words.
func (r *runReader) add(words []Word, run Run) {
	run.Command = document.Span{Start: words[0].Span.Start, End: words[len(words)-1].Span.End}
	run.Words = words
	for _, w := range words {
		if strings.Contains(w.Text, schema.PlaceholderParameters) || strings.Contains(w.Text, schema.PlaceholderParams) {
			run.PassesParameters = true
		}
		for _, p := range model.Placeholders(w.Text) {
			run.ParameterRefs = append(run.ParameterRefs, p.Name)
		}
	}
	r.out = append(r.out, run)
}

// absDir returns dir made absolute, or "" when it cannot be.
func absDir(dir string) string {
	if dir == "" {
		return ""
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	return abs
}
