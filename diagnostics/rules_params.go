package diagnostics

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/pyvalue"
	"github.com/valohai-ls/valohai-ls/schema"
)

// stepParameters checks each parameter of a step that the parser keeps:
// keys that have no effect for its type, flags with multiple values, and
// a default that does not fit.
func (c *checker) stepParameters(e *model.Symbol, owner string) {
	for _, p := range kept(e, model.KindParameter) {
		c.parameter(p, owner)
	}
}

// parameterType returns a parameter's type, or "" when it is not valid
// or written misspelt (`tyep: float`: the finding on the key is enough).
func parameterType(p *yaml.Node) string {
	v := document.ValueOf(p, schema.XType)
	if v == nil {
		if misspelt(p, schema.Parameter, schema.XType) {
			return ""
		}
		return schema.ParamString
	}
	t := text(v)
	if schema.Parameter.Key(schema.XType).Type.EnumValue(t) == nil {
		return ""
	}
	return t
}

func (c *checker) parameter(p named, owner string) {
	typ := parameterType(p.node)
	if typ == "" {
		return
	}
	who := fmt.Sprintf("parameter %q of %s", p.name, owner)
	c.flagMultiple(p.node, typ, who)
	if typ == schema.ParamFlag {
		if truthy(document.ValueOf(p.node, schema.XOptional)) {
			c.at(c.m.NodeSpan(document.KeyOf(p.node, schema.XOptional)), Warning, CodeIneffectiveKey,
				fmt.Sprintf("optional has no effect on flag %s: flags are always optional", who))
		}
		if truthy(document.ValueOf(p.node, schema.XPassAs)) && (truthy(document.ValueOf(p.node, schema.XPassTrueAs)) || truthy(document.ValueOf(p.node, schema.XPassFalseAs))) {
			c.at(c.m.NodeSpan(document.KeyOf(p.node, schema.XPassAs)), Warning, CodeIneffectiveKey,
				fmt.Sprintf("pass-as of %s is not used because pass-true-as or pass-false-as is set; remove it", who))
		}
	} else {
		for _, key := range []string{schema.XPassTrueAs, schema.XPassFalseAs} {
			if truthy(document.ValueOf(p.node, key)) {
				c.at(c.m.NodeSpan(document.KeyOf(p.node, key)), Warning, CodeIneffectiveKey,
					fmt.Sprintf("%s has no effect on %s, which is not a flag; use pass-as", key, who))
			}
		}
	}
	c.parameterRange(p.node, typ, who)
	c.parameterDefault(p.node, typ, who)
}

// parameterRange points out a min above max, and a min or max on a
// parameter that is not a number, where it is ignored.
func (c *checker) parameterRange(p *yaml.Node, typ, who string) {
	lo, hi := document.Deref(document.ValueOf(p, schema.XMin)), document.Deref(document.ValueOf(p, schema.XMax))
	if typ != schema.ParamInteger && typ != schema.ParamFloat {
		for _, key := range []string{schema.XMin, schema.XMax} {
			if has(p, key) {
				c.at(c.m.NodeSpan(document.KeyOf(p, key)), Information, CodeIneffectiveKey,
					fmt.Sprintf("%s has no effect on %s, which is a %s parameter", key, who, typ))
			}
		}
		return
	}
	if lo == nil || hi == nil || lo.Kind != yaml.ScalarNode || hi.Kind != yaml.ScalarNode {
		return
	}
	if cmp, ok := pyvalue.Compare(pyvalue.Of(lo), pyvalue.Of(hi)); ok && cmp > 0 {
		c.at(c.m.NodeSpan(lo), Information, CodeEmptyRange,
			fmt.Sprintf("min %s of %s is greater than its max %s, so no value is accepted", lo.Value, who, hi.Value))
	}
}

// flagMultiple reports a flag with multiple values, which the parser refuses.
func (c *checker) flagMultiple(p *yaml.Node, typ, who string) {
	v := document.ValueOf(p, schema.XMultiple)
	if typ != schema.ParamFlag || !isString(v) {
		return
	}
	if m := strings.ToLower(v.Value); m == schema.MultipleRepeat || m == schema.MultipleSeparate {
		c.at(c.m.NodeSpan(v), Error, CodeFlagMultiple,
			fmt.Sprintf("flag %s cannot take multiple values; remove `multiple` or change the type", who))
	}
}

// parameterDefault checks a default against the parameter's type, range
// and choices the way the official validator does: a false-like default
// is not checked, and a list default is checked item by item.
func (c *checker) parameterDefault(p *yaml.Node, typ, who string) {
	def := document.Deref(document.ValueOf(p, schema.XDefault))
	if isNull(def) {
		return
	}
	multiple := isString(document.ValueOf(p, schema.XMultiple)) && strings.ToLower(text(document.ValueOf(p, schema.XMultiple))) != schema.MultipleNone && text(document.ValueOf(p, schema.XMultiple)) != ""
	items := []*yaml.Node{def}
	if def.Kind == yaml.SequenceNode {
		items = listify(def)
	}
	if !multiple && !pyvalue.Of(def).Truthy() || multiple && len(items) == 0 {
		return
	}
	lim := limitsOf(p, typ)
	for _, it := range items {
		v := pyvalue.Of(it)
		for _, problem := range lim.problems(v, typ) {
			sp := c.m.NodeSpan(it)
			d := Diagnostic{Start: sp.Start, End: sp.End, Severity: Warning, Code: CodeInvalidDefault,
				Message: fmt.Sprintf("default of %s %s", who, problem)}
			if q, ok := quoted(it); ok && typ == schema.ParamString && v.Kind != pyvalue.Str {
				// Quoting keeps the text written; where no type is
				// written, giving one is the other way.
				d.Suggestions, d.Fix = []string{q}, &Fix{Choice: !lim.typeWritten}
			}
			c.add(d)
		}
	}
}

// quoted returns a plain scalar written in double quotes, when quoting
// needs no escapes.
func quoted(n *yaml.Node) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Style != 0 || n.Value == "" || strings.ContainsAny(n.Value, "\\\"\n") {
		return "", false
	}
	return `"` + n.Value + `"`, true
}

// limits are a parameter's min, max and choices, as Python values.
type limits struct {
	min, max *pyvalue.Value
	choices  []pyvalue.Value
	// typeWritten is whether the parameter has a type: key (the messages
	// name the default type, string, when it has not).
	typeWritten bool
}

func limitsOf(p *yaml.Node, typ string) limits {
	l := limits{typeWritten: document.ValueOf(p, schema.XType) != nil}
	if v := document.Deref(document.ValueOf(p, schema.XMin)); v != nil && v.Kind == yaml.ScalarNode {
		pv := pyvalue.Of(v)
		l.min = &pv
	}
	if v := document.Deref(document.ValueOf(p, schema.XMax)); v != nil && v.Kind == yaml.ScalarNode {
		pv := pyvalue.Of(v)
		l.max = &pv
	}
	if typ == schema.ParamFlag {
		l.choices = []pyvalue.Value{pyvalue.NewBool(true), pyvalue.NewBool(false)}
		return l
	}
	if ch := document.Deref(document.ValueOf(p, schema.XChoices)); ch != nil && ch.Kind == yaml.SequenceNode {
		for _, e := range ch.Content {
			l.choices = append(l.choices, pyvalue.Of(e))
		}
	}
	return l
}

// problems lists what is wrong with one default value.
func (l limits) problems(v pyvalue.Value, typ string) []string {
	var out []string
	switch {
	case typ == schema.ParamString && v.Kind != pyvalue.Str:
		return []string{l.notText(v)}
	case typ == schema.ParamInteger && !v.IntOK():
		out = append(out, emptyOr(v, "is "+v.DescribeWritten()+", not an integer"))
	case typ == schema.ParamFloat && !v.FloatOK():
		out = append(out, emptyOr(v, "is "+v.DescribeWritten()+", not a number"))
	}
	if c, ok := compare(v, l.min); ok && c < 0 {
		out = append(out, fmt.Sprintf("is %s, less than its min %s", v.Text, l.min.Text))
	}
	if c, ok := compare(v, l.max); ok && c > 0 {
		out = append(out, fmt.Sprintf("is %s, greater than its max %s", v.Text, l.max.Text))
	}
	if len(l.choices) > 0 && !l.allows(v) {
		out = append(out, fmt.Sprintf("is %s, which is not one of its choices", v.DescribeWritten()))
	}
	return out
}

// notText explains a default that is not text on a string parameter, and
// what to write instead.
func (l limits) notText(v pyvalue.Value) string {
	fix := "write it in quotes"
	switch v.Kind {
	case pyvalue.Int, pyvalue.Float, pyvalue.Date:
		if utf8.RuneCountInString(v.Text) <= MaxQuoted { // a longer one is shown once, cut
			fix = fmt.Sprintf("write %q in quotes", v.Text)
		}
	}
	if better := map[pyvalue.Kind]string{pyvalue.Int: "integer", pyvalue.Float: "float", pyvalue.Bool: "flag"}[v.Kind]; better != "" && readsAsWritten(v) {
		if l.typeWritten {
			fix += ", or change the type to " + better
		} else {
			fix += ", or add type: " + better
		}
	}
	if !l.typeWritten {
		return fmt.Sprintf("is %s, but with no type written the parameter is a string; %s", v.DescribeWritten(), fix)
	}
	return fmt.Sprintf("is %s, but the parameter's type is string; %s", v.DescribeWritten(), fix)
}

// readsAsWritten reports whether a number's value is the one its text
// says in decimal, so that typing the parameter keeps what was meant:
// not so for 0777 (511), 1:30 (90) or 0x1F (31), which only quotes keep.
func readsAsWritten(v pyvalue.Value) bool {
	t := strings.ReplaceAll(v.Text, "_", "")
	switch v.Kind {
	case pyvalue.Int:
		digits := strings.TrimLeft(t, "+-")
		n, err := strconv.ParseInt(t, 10, 64)
		return err == nil && v.Int != nil && v.Int.IsInt64() && v.Int.Int64() == n && (len(digits) == 1 || digits[0] != '0')
	case pyvalue.Float:
		f, err := strconv.ParseFloat(t, 64)
		return err == nil && f == v.Float
	}
	return true
}

func emptyOr(v pyvalue.Value, msg string) string {
	if v.Kind == pyvalue.Str && v.Text == "" {
		return "has an empty item"
	}
	return msg
}

// compare orders a default and a limit as Python does; ok is false when
// there is no limit or either is no number.
func compare(v pyvalue.Value, limit *pyvalue.Value) (int, bool) {
	if limit == nil {
		return 0, false
	}
	return pyvalue.Compare(v, *limit)
}

func (l limits) allows(v pyvalue.Value) bool {
	for _, ch := range l.choices {
		if pyvalue.Equal(v, ch) {
			return true
		}
	}
	return false
}
