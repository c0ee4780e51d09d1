package scripts

import (
	"fmt"
	"strings"

	"github.com/valohai-ls/valohai-ls/pytext"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/python"
	"github.com/valohai-ls/valohai-ls/schema"
)

// flagValue is a value that a flag's pass-true-as or pass-false-as puts
// on the command line after its option: `--debug=1` passes "1".
type flagValue struct {
	key, text, form string
	node            *yaml.Node
}

// flagValues returns the values that the templates of flag p pass after
// opt, and true when each template it has is the option and one value
// (`--debug=1`, `--debug 1`); false when a template is the option alone,
// another form, or holds a placeholder.
func flagValues(p *yaml.Node, opt string) ([]flagValue, bool) {
	var out []flagValue
	for _, key := range []string{schema.XPassTrueAs, schema.XPassFalseAs} {
		n := document.Deref(document.ValueOf(p, key))
		if n == nil {
			continue
		}
		form := document.Scalar(n)
		fields := strings.Fields(form)
		if strings.ContainsAny(form, "{}") || len(fields) == 0 {
			return nil, false
		}
		var v string
		switch o, val, eq := strings.Cut(fields[0], "="); {
		case eq && o == opt && len(fields) == 1:
			v = val
		case !eq && o == opt && len(fields) == 2:
			v = fields[1]
		default:
			return nil, false
		}
		out = append(out, flagValue{key: key, text: v, form: form, node: n})
	}
	return out, len(out) > 0
}

// fits reports whether argparse's type turns text into a value without
// an error; known is false for a type that cannot be told.
func fits(text, typ string) (ok, known bool) {
	switch typ {
	case schema.ParamInteger:
		return pytext.IntOK(text), true
	case schema.ParamFloat:
		return pytext.FloatOK(text), true
	case schema.ParamString:
		return true, true
	}
	return false, false
}

// optionType compares the type of parameter p, passed as opt, with the
// type of the option a that receives it.
func (c *checker) optionType(p *yaml.Node, name, opt string, a python.Argument, at string) {
	if paramType(p) == schema.ParamFlag && c.flagPassedAsValues(p, name, opt, a, at) {
		return
	}
	if want := argType(a); want != "" {
		c.typeDiffers(p, name, want, at)
	}
}

// flagPassedAsValues compares what a flag's templates pass with the type
// of the option a receives; it returns false when the templates are not
// values, for the usual comparison of types.
func (c *checker) flagPassedAsValues(p *yaml.Node, name, opt string, a python.Argument, at string) bool {
	vals, ok := flagValues(p, opt)
	if !ok {
		return false
	}
	if a.Type == "bool" && a.Action == "" {
		for _, v := range vals {
			if v.key == schema.XPassFalseAs && v.text != "" {
				c.add(c.m.NodeSpan(v.node), diagnostics.Information, diagnostics.CodeScriptTypeMismatch,
					fmt.Sprintf("flag %q passes %s when false, but %s reads it with type=bool, which makes any text but \"\" True: the flag cannot be turned off", name, v.form, at))
			}
		}
		return true
	}
	want := argType(a)
	for _, v := range vals {
		if ok, known := fits(v.text, want); known && !ok {
			c.add(c.m.NodeSpan(v.node), diagnostics.Information, diagnostics.CodeScriptTypeMismatch,
				fmt.Sprintf("flag %q passes %s, but %s reads it as %s", name, v.form, at, article(want)))
		}
	}
	return true
}
