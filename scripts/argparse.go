package scripts

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/project"
	"github.com/valohai-ls/valohai-ls/python"
	"github.com/valohai-ls/valohai-ls/pyvalue"
	"github.com/valohai-ls/valohai-ls/schema"
)

// options are a script's argparse options.
type options struct {
	args  []python.Argument
	by    map[string]int // option string → index in args
	whole bool           // every option was read, none can absorb the others
}

func readOptions(sc *python.Script) options {
	o := options{args: sc.Arguments, by: map[string]int{}, whole: true}
	for i, a := range sc.Arguments {
		if len(a.Options) == 0 {
			o.whole = false
		}
		for _, opt := range a.Options {
			o.by[opt] = i
		}
		if len(a.Options) > 0 && !strings.HasPrefix(a.Options[0], "-") && a.Nargs != nil &&
			(a.Nargs.Text == "..." || strings.Contains(a.Nargs.Text, "REMAINDER")) {
			o.whole = false
		}
	}
	return o
}

// find returns the argument that option opt reaches: its own, or the one
// long option it abbreviates (argparse's allow_abbrev), else -1.
func (o options) find(opt string) int {
	if i, ok := o.by[opt]; ok {
		return i
	}
	if !strings.HasPrefix(opt, "--") {
		return -1
	}
	found := -1
	for s, i := range o.by {
		if strings.HasPrefix(s, opt) && strings.HasPrefix(s, "--") {
			if found >= 0 && found != i {
				return -1 // ambiguous: argparse refuses it, but not as unknown
			}
			found = i
		}
	}
	return found
}

// argparse compares the step's parameters with the script's options.
func (c *checker) argparse(st *model.Symbol, rn run) {
	sc := rn.file
	if len(sc.Arguments) == 0 || rn.Args == nil {
		return // no options, or a wrapper's arguments
	}
	o := readOptions(sc)
	strict := sc.ParseArgs > 0 && sc.ParseKnownArgs == 0
	order, params := named(st, schema.XParameters)
	passes, refs := scriptArgs(rn.Args)
	used := map[int]bool{}
	// claimed are the options a misspelt parameter's finding names as
	// the one it meant: that finding already says the option is not
	// passed, so the script's side does not say it again.
	claimed := map[int]bool{}
	for _, name := range order {
		p := params[name]
		if !passes && !refs[name] {
			continue
		}
		opt, alone := passOption(p, name)
		if !strings.HasPrefix(opt, "-") {
			continue // passed as a positional value
		}
		i := o.find(opt)
		if !passed(p) {
			// Passed only when given a value: it declares its option,
			// and is checked no further.
			if i >= 0 {
				used[i] = true
			}
			continue
		}
		if i < 0 {
			if meant := c.unknownOption(st, rn, o, p, name, opt, strict && o.whole, sc.ParseKnownArgs > 0); meant >= 0 {
				claimed[meant] = true
			}
			continue
		}
		used[i] = true
		a := o.args[i]
		at := where(rn, a.Pos)
		if paramType(p) == schema.ParamFlag && alone && expectsValue(a) {
			c.add(c.nameSpan(p), diagnostics.Warning, diagnostics.CodeScriptFlagValue,
				fmt.Sprintf("flag %q is passed as %s alone, but %s expects a value after it, so the run stops; set pass-true-as: %s=true", name, opt, at, opt))
		}
		c.optionType(p, name, opt, a, at)
		if a.HasDefault {
			c.defaultDiffers(p, name, a.Default, at)
		}
	}
	for i := range claimed {
		used[i] = true
	}
	if unsure(st, schema.XParameters) {
		return // an option not matched may be the parameter whose name is not text
	}
	c.requiredOptions(st, rn, o, used)
	if passes {
		c.undeclaredOptions(st, rn, o, used)
	}
}

// scriptArgs reads what a script's arguments pass: all parameters
// (`{parameters}`), and the names of `{parameter:NAME}` placeholders.
func scriptArgs(args []project.Word) (all bool, names map[string]bool) {
	names = map[string]bool{}
	for _, w := range args {
		if strings.Contains(w.Text, schema.PlaceholderParameters) || strings.Contains(w.Text, schema.PlaceholderParams) {
			all = true
		}
		for _, p := range model.Placeholders(w.Text) {
			names[p.Name] = true
		}
	}
	return all, names
}

// unknownOption reports a parameter whose option the script does not have.
// It returns the argument its did-you-mean names, -1 when it names none
// or reports nothing.
func (c *checker) unknownOption(st *model.Symbol, rn run, o options, p *yaml.Node, name, opt string, stops, known bool) int {
	if !stops && !known {
		return -1
	}
	close := CloseOption(rn.file, opt)
	meant := -1
	if close != "" {
		meant = o.find(close)
	}
	var msg string
	if stops {
		msg = fmt.Sprintf("%s has no option %s (parameter %q), and it parses its arguments with parse_args: the run stops with \"unrecognized arguments\"", base(rn), opt, name)
	} else {
		msg = fmt.Sprintf("%s has no option %s (parameter %q of step %q); parse_known_args ignores it", base(rn), opt, name, st.Name)
	}
	if close != "" {
		msg += fmt.Sprintf("; did you mean %s?", close)
		if meant >= 0 && o.args[meant].Required {
			msg += fmt.Sprintf(" (%s requires it)", where(rn, o.args[meant].Pos))
		}
	}
	if stops {
		c.add(c.nameSpan(p), diagnostics.Warning, diagnostics.CodeScriptUnknownOption, msg)
	} else {
		c.add(c.nameSpan(p), diagnostics.Information, diagnostics.CodeScriptUnusedParameter, msg)
	}
	return meant
}

// requiredOptions reports required options that the step never passes.
func (c *checker) requiredOptions(st *model.Symbol, rn run, o options, used map[int]bool) {
	for i, a := range o.args {
		if !a.Required || used[i] || !a.HasLong() || written(rn, a) {
			continue
		}
		c.add(rn.Span, diagnostics.Warning, diagnostics.CodeScriptRequiredOption,
			fmt.Sprintf("%s requires %s, which step %q never passes: the run stops; add a parameter %q or write %s in the command", where(rn, a.Pos), longest(a), st.Name, a.EffectiveDest(), longest(a)))
	}
}

// undeclaredOptions reports, once per script, the options the step does
// not declare as parameters nor write in its command.
func (c *checker) undeclaredOptions(st *model.Symbol, rn run, o options, used map[int]bool) {
	var missing []string
	seen := map[string]bool{}
	for i := range used {
		// A file with two parsers may define an option twice.
		for _, opt := range o.args[i].Options {
			seen[opt] = true
		}
	}
	for i, a := range o.args {
		if used[i] || a.Required || !a.HasLong() || written(rn, a) || seen[longest(a)] {
			continue
		}
		seen[longest(a)] = true
		missing = append(missing, longest(a))
	}
	if len(missing) == 0 {
		return
	}
	msg := fmt.Sprintf("%s accepts option %s, which step %q lacks as a parameter; it keeps its default", base(rn), missing[0], st.Name)
	if len(missing) > 1 {
		shown := missing
		if len(shown) > 3 {
			shown = append(shown[:3:3], fmt.Sprintf("%d more", len(missing)-3))
		}
		msg = fmt.Sprintf("%s accepts %d options (%s) that step %q lacks as parameters; they keep their defaults",
			base(rn), len(missing), strings.Join(shown, ", "), st.Name)
	}
	c.add(rn.Span, diagnostics.Information, diagnostics.CodeScriptUndeclaredParameter, msg)
}

// longest is an argument's `--` option.
func longest(a python.Argument) string {
	for _, o := range a.Options {
		if strings.HasPrefix(o, "--") {
			return o
		}
	}
	return a.Options[0]
}

// written reports whether the command writes one of the argument's
// options itself.
func written(rn run, a python.Argument) bool {
	for _, w := range rn.Args {
		for _, opt := range a.Options {
			if w.Text == opt || strings.HasPrefix(w.Text, opt+"=") {
				return true
			}
		}
	}
	return false
}

// passed reports whether Valohai passes the parameter when the user
// gives no value: it has a default, or must be given one.
func passed(p *yaml.Node) bool {
	def := document.Deref(document.ValueOf(p, schema.XDefault))
	hasDefault := def != nil && pyvalue.Of(def).Kind != pyvalue.None
	if paramType(p) == schema.ParamFlag {
		return hasDefault && pyvalue.Of(def).Truthy() || document.ValueOf(p, schema.XPassFalseAs) != nil
	}
	optional := pyvalue.Of(document.ValueOf(p, schema.XOptional)).Truthy()
	return hasDefault || !optional
}

// passOption returns the option a parameter is passed as (the first word
// of its pass-as, pass-true-as for a flag, else --NAME) and whether that
// word is all that is passed.
func passOption(p *yaml.Node, name string) (string, bool) {
	key := schema.XPassAs
	if paramType(p) == schema.ParamFlag && (document.ValueOf(p, schema.XPassTrueAs) != nil || document.ValueOf(p, schema.XPassFalseAs) != nil ||
		document.ValueOf(p, schema.XPassAs) == nil) {
		// A flag's pass-as is used only without pass-true-as and
		// pass-false-as.
		key = schema.XPassTrueAs
	}
	form := document.Scalar(document.Deref(document.ValueOf(p, key)))
	if form == "" {
		if key == schema.XPassTrueAs {
			return "--" + name, true
		}
		return "--" + name, false
	}
	fields := strings.Fields(form)
	opt, _, hasValue := strings.Cut(fields[0], "=")
	return opt, !hasValue && len(fields) == 1
}

// paramType is a step parameter's type, string when none is written.
func paramType(p *yaml.Node) string {
	if t := document.Scalar(document.Deref(document.ValueOf(p, schema.XType))); t != "" {
		return t
	}
	return schema.ParamString
}

// expectsValue reports whether an option takes a value after it.
func expectsValue(a python.Argument) bool {
	switch a.Action {
	case "", "store", "append", "extend":
	default:
		return false
	}
	if a.Nargs != nil && (a.Nargs.Text == "?" || a.Nargs.Text == "*" || a.Nargs.Text == "0") {
		return false
	}
	return true
}

// argType is the parameter type an argparse option corresponds to, "" when
// it cannot be told.
func argType(a python.Argument) string {
	switch a.Action {
	case "store_true", "store_false":
		return schema.ParamFlag
	case "", "store":
	default:
		return ""
	}
	switch t := a.Type; {
	case t == "int":
		return schema.ParamInteger
	case t == "float":
		return schema.ParamFloat
	case t == "str" || t == "" && a.Nargs == nil:
		return schema.ParamString
	case strings.Contains(strings.ToLower(t), "bool"):
		return schema.ParamFlag
	}
	return ""
}
