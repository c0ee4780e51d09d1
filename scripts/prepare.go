package scripts

import (
	"fmt"
	"strings"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/python"
	"github.com/valohai-ls/valohai-ls/schema"
)

// prepare compares the step with the script's valohai.prepare() call.
func (c *checker) prepare(st *model.Symbol, rn run) {
	p := rn.file.Prepare
	if p == nil {
		return
	}
	at := where(rn, p.Pos)
	if p.Step.Set && p.Step.Literal && p.Step.Value != st.Name && !c.hasStep(p.Step.Value) {
		c.add(rn.Span, diagnostics.Information, diagnostics.CodeScriptUnknownStep,
			fmt.Sprintf("%s calls valohai.prepare(step=%q), but valohai.yaml has no step %q; step %q runs the script", at, p.Step.Value, p.Step.Value, st.Name))
	}
	params, pkey := p.ParameterDict()
	inputs, ikey := p.InputDict()
	var unread []string
	for _, k := range []struct {
		d   *python.Dict
		key string
	}{{params, pkey}, {inputs, ikey}} {
		if k.d != nil && !k.d.Literal {
			unread = append(unread, k.key)
		}
	}
	if len(unread) > 0 {
		c.add(rn.Span, diagnostics.Hint, diagnostics.CodeScriptUnreadable,
			fmt.Sprintf("%s of valohai.prepare() in %s %s not a dict literal nor a name bound to one earlier in the module, so valohai-ls cannot compare %s with step %q",
				strings.Join(unread, " and "), at, isAre(len(unread)), them(len(unread)), st.Name))
	}
	if params == nil || params.Literal {
		c.prepareParameters(st, rn, params, at)
	}
	if inputs == nil || inputs.Literal {
		c.prepareInputs(st, rn, inputs, at)
	}
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

func them(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// prepareParameters compares the parameters prepare() declares with the
// step's parameters.
func (c *checker) prepareParameters(st *model.Symbol, rn run, d *python.Dict, at string) {
	order, params := named(st, schema.XParameters)
	inScript := map[string]bool{}
	var missing []python.Entry
	for _, e := range entries(d) {
		inScript[e.Key] = true
		p, ok := params[e.Key]
		if !ok {
			missing = append(missing, e)
			continue
		}
		if want := valueType(e.Value); want != "" {
			c.typeDiffers(p, e.Key, want, fmt.Sprintf("valohai.prepare() in %s", where(rn, e.Pos)))
		}
		c.defaultDiffers(p, e.Key, e.Value, fmt.Sprintf("valohai.prepare() in %s", where(rn, e.Pos)))
	}
	if !unsure(st, schema.XParameters) {
		c.undeclaredEntries(st, rn, missing, "p:", "parameter", diagnostics.CodeScriptUndeclaredParameter, at)
	}
	for _, name := range order {
		if !inScript[name] {
			c.add(c.nameSpan(params[name]), diagnostics.Information, diagnostics.CodeScriptUnusedParameter,
				fmt.Sprintf("parameter %q of step %q is not in valohai.prepare() of %s", name, st.Name, at))
		}
	}
}

// prepareInputs compares the inputs prepare() declares with the step's
// inputs.
func (c *checker) prepareInputs(st *model.Symbol, rn run, d *python.Dict, at string) {
	order, inputs := named(st, schema.XInputs)
	inScript := map[string]bool{}
	var missing []python.Entry
	for _, e := range entries(d) {
		inScript[e.Key] = true
		if _, ok := inputs[e.Key]; !ok {
			missing = append(missing, e)
		}
	}
	if !unsure(st, schema.XInputs) {
		c.undeclaredEntries(st, rn, missing, "i:", "input", diagnostics.CodeScriptUndeclaredInput, at)
	}
	for _, name := range order {
		if !inScript[name] {
			c.add(c.nameSpan(inputs[name]), diagnostics.Information, diagnostics.CodeScriptUnusedInput,
				fmt.Sprintf("input %q of step %q is not in valohai.prepare() of %s", name, st.Name, at))
		}
	}
}

// undeclaredEntries reports, in one finding on the script's place in the
// command, the entries of prepare() the step lacks (as the argparse
// options are), each name once per step.
func (c *checker) undeclaredEntries(st *model.Symbol, rn run, missing []python.Entry, prefix, what, code, at string) {
	if c.reported == nil {
		c.reported = map[string]bool{}
	}
	var names []string
	var first python.Entry
	for _, e := range missing {
		if c.reported[prefix+e.Key] {
			continue
		}
		c.reported[prefix+e.Key] = true
		if len(names) == 0 {
			first = e
		}
		names = append(names, e.Key)
	}
	switch {
	case len(names) == 1:
		c.add(rn.Span, diagnostics.Information, code,
			fmt.Sprintf("%s declares %s %q in valohai.prepare(), but step %q does not have it", where(rn, first.Pos), what, first.Key, st.Name))
	case len(names) > 1:
		shown := names
		if len(shown) > 3 {
			shown = append(shown[:3:3], fmt.Sprintf("%d more", len(names)-3))
		}
		c.add(rn.Span, diagnostics.Information, code,
			fmt.Sprintf("valohai.prepare() in %s declares %d %ss (%s) that step %q does not have", at, len(names), what, strings.Join(shown, ", "), st.Name))
	}
}

// entries are the entries of a dict that may not be passed.
func entries(d *python.Dict) []python.Entry {
	if d == nil {
		return nil
	}
	return d.Entries
}

// valueType is the parameter type valohai-utils gives a default.
func valueType(v python.Value) string {
	switch v.Kind {
	case python.Bool:
		return schema.ParamFlag
	case python.Int:
		return schema.ParamInteger
	case python.Float:
		return schema.ParamFloat
	case python.String:
		return schema.ParamString
	}
	return ""
}
