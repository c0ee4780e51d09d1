package scripts

import (
	"fmt"
	"strconv"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/python"
	"github.com/valohai-ls/valohai-ls/pyvalue"
	"github.com/valohai-ls/valohai-ls/schema"
)

// typeDiffers reports a parameter that the script types differently
// from the type the step writes (a step without one is left alone: the
// missing type is reported by the default's own check when it matters).
func (c *checker) typeDiffers(p *yaml.Node, name, want, at string) {
	t := document.ValueOf(p, schema.XType)
	got := paramType(p)
	if t == nil || got == want || got == schema.ParamFloat && want == schema.ParamInteger {
		return
	}
	sp := c.m.NodeSpan(t)
	c.add(sp, diagnostics.Information, diagnostics.CodeScriptTypeMismatch,
		fmt.Sprintf("parameter %q is %s here, but %s reads it as %s", name, article(got), at, article(want)))
}

func article(t string) string {
	if t == schema.ParamInteger {
		return "an integer"
	}
	return "a " + t
}

// defaultDiffers reports, as a hint, a default that differs from the
// script's: the step's is the one used.
func (c *checker) defaultDiffers(p *yaml.Node, name string, v python.Value, at string) {
	def := document.Deref(document.ValueOf(p, schema.XDefault))
	if def == nil || v.Kind == python.Expr || v.Kind == python.None {
		return
	}
	y := pyvalue.Of(def)
	if y.Kind == pyvalue.None || same(y, v) {
		return
	}
	c.add(c.m.NodeSpan(def), diagnostics.Hint, diagnostics.CodeScriptDefaultDiffers,
		fmt.Sprintf("default of parameter %q is %s here and %s in %s; this one is used when the step runs", name, showYAML(y, def.Value), show(v), at))
}

// same reports whether a YAML value and a Python literal are the same
// default (a string and a one-item list holding it are).
func same(y pyvalue.Value, v python.Value) bool {
	switch {
	case y.Kind == pyvalue.List && (v.Kind == python.List || v.Kind == python.Tuple):
		if len(y.Items) != len(v.Items) {
			return false
		}
		for i := range y.Items {
			if !same(y.Items[i], v.Items[i]) {
				return false
			}
		}
		return true
	case y.Kind == pyvalue.List && len(y.Items) == 1:
		return same(y.Items[0], v)
	case (v.Kind == python.List || v.Kind == python.Tuple) && len(v.Items) == 1:
		return same(y, v.Items[0])
	case v.Kind == python.Bool || v.Kind == python.Int || v.Kind == python.Float:
		// Python compares booleans and numbers by value: False == 0.
		n := v.Num
		if v.Kind == python.Bool {
			n = 0
			if v.Bool {
				n = 1
			}
		}
		f, ok := y.Float64()
		return ok && f == n
	case v.Kind == python.String:
		if y.Kind == pyvalue.Str {
			return y.Text == v.Text
		}
		// A number written as text in the script: "0.01" and 0.01.
		f, err := strconv.ParseFloat(v.Text, 64)
		n, ok := y.Float64()
		return err == nil && ok && n == f
	}
	return false
}

// showYAML writes a YAML default for a message: text quoted.
func showYAML(y pyvalue.Value, written string) string {
	if y.Kind == pyvalue.Str {
		return strconv.Quote(y.Text)
	}
	return written
}

// show writes a Python literal for a message.
func show(v python.Value) string {
	switch v.Kind {
	case python.String:
		return strconv.Quote(v.Text)
	case python.Bool:
		if v.Bool {
			return "True"
		}
		return "False"
	case python.Int, python.Float, python.Expr:
		return v.Text
	}
	return "a " + map[python.Kind]string{python.List: "list", python.Tuple: "tuple", python.DictV: "dict", python.Set: "set"}[v.Kind]
}

// undeclared reports, once per name and step, a parameter the script has
// and the step does not.
func (c *checker) undeclared(st *model.Symbol, rn run, name, msg string) {
	c.once("p:"+name, rn.Span, diagnostics.CodeScriptUndeclaredParameter, msg)
}

// undeclaredInput is undeclared for inputs.
func (c *checker) undeclaredInput(st *model.Symbol, rn run, name, msg string) {
	c.once("i:"+name, rn.Span, diagnostics.CodeScriptUndeclaredInput, msg)
}

func (c *checker) once(key string, sp document.Span, code, msg string) {
	if c.reported == nil {
		c.reported = map[string]bool{}
	}
	if c.reported[key] {
		return
	}
	c.reported[key] = true
	c.add(sp, diagnostics.Information, code, msg)
}

// uses reports the names the script reads with valohai.parameters() and
// valohai.inputs() that the step does not declare.
func (c *checker) uses(st *model.Symbol, rn run) {
	_, params := named(st, schema.XParameters)
	_, inputs := named(st, schema.XInputs)
	for _, u := range rn.file.Parameters {
		if _, ok := params[u.Name]; !ok && !unsure(st, schema.XParameters) {
			c.undeclared(st, rn, u.Name, fmt.Sprintf("%s reads valohai.parameters(%q), but step %q does not have that parameter", where(rn, u.Pos), u.Name, st.Name))
		}
	}
	for _, u := range rn.file.Inputs {
		if _, ok := inputs[u.Name]; !ok && !unsure(st, schema.XInputs) {
			c.undeclaredInput(st, rn, u.Name, fmt.Sprintf("%s reads valohai.inputs(%q), but step %q does not have that input", where(rn, u.Pos), u.Name, st.Name))
		}
	}
}
