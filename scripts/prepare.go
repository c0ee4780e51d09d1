package scripts

import (
	"fmt"

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
	c.prepareParameters(st, rn, p.DefaultParameters, at)
	c.prepareInputs(st, rn, p.DefaultInputs, at)
}

// unreadable reports a prepare() dict that is not a literal. A dict not
// passed is empty, as in valohai-utils.
func (c *checker) unreadable(rn run, d *python.Dict, key, at string) bool {
	if d != nil && !d.Literal {
		c.add(rn.Span, diagnostics.Hint, diagnostics.CodeScriptUnreadable,
			fmt.Sprintf("%s of valohai.prepare() in %s is not a literal dict, so valohai-ls cannot compare it with the step", key, at))
		return true
	}
	return false
}

// prepareParameters compares default_parameters with the step's parameters.
func (c *checker) prepareParameters(st *model.Symbol, rn run, d *python.Dict, at string) {
	if c.unreadable(rn, d, "default_parameters", at) {
		return
	}
	order, params := named(st, schema.XParameters)
	inScript := map[string]bool{}
	for _, e := range entries(d) {
		inScript[e.Key] = true
		p, ok := params[e.Key]
		if !ok {
			c.undeclared(st, rn, e.Key, fmt.Sprintf("%s declares parameter %q in valohai.prepare(), but step %q does not have it", where(rn, e.Pos), e.Key, st.Name))
			continue
		}
		if want := valueType(e.Value); want != "" {
			c.typeDiffers(p, e.Key, want, fmt.Sprintf("valohai.prepare() in %s", where(rn, e.Pos)))
		}
		c.defaultDiffers(p, e.Key, e.Value, fmt.Sprintf("valohai.prepare() in %s", where(rn, e.Pos)))
	}
	for _, name := range order {
		if !inScript[name] {
			c.add(c.nameSpan(params[name]), diagnostics.Information, diagnostics.CodeScriptUnusedParameter,
				fmt.Sprintf("parameter %q of step %q is not in valohai.prepare() of %s", name, st.Name, at))
		}
	}
}

// prepareInputs compares default_inputs with the step's inputs.
func (c *checker) prepareInputs(st *model.Symbol, rn run, d *python.Dict, at string) {
	if c.unreadable(rn, d, "default_inputs", at) {
		return
	}
	order, inputs := named(st, schema.XInputs)
	inScript := map[string]bool{}
	for _, e := range entries(d) {
		inScript[e.Key] = true
		if _, ok := inputs[e.Key]; !ok {
			c.undeclaredInput(st, rn, e.Key, fmt.Sprintf("%s declares input %q in valohai.prepare(), but step %q does not have it", where(rn, e.Pos), e.Key, st.Name))
		}
	}
	for _, name := range order {
		if !inScript[name] {
			c.add(c.nameSpan(inputs[name]), diagnostics.Information, diagnostics.CodeScriptUnusedInput,
				fmt.Sprintf("input %q of step %q is not in valohai.prepare() of %s", name, st.Name, at))
		}
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
