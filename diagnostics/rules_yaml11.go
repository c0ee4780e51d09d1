package diagnostics

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/schema"
)

// The YAML 1.1 rules point out unquoted values that YAML 1.1, which the
// platform's parser uses, reads as something other than the text written:
// `yes`/`no`/`on`/`off` become booleans, dates become dates, `1:30` is 90
// and `010` is 8. Only places that accept any value are checked; where a
// string is required the schema check already reports them.

// yaml11Step checks a step's parameter choices, and the defaults of its
// text parameters that YAML 1.1 reads as false (`off`, `no`): those that
// it reads as true are invalid defaults, reported with the types.
func yaml11Step(c *checker, _ *model.Model, e *model.Symbol) {
	for _, p := range children(e, model.KindParameter) {
		for _, ch := range listify(document.ValueOf(p, schema.XChoices)) {
			c.yaml11Trap(ch, "choice")
		}
		if t := text(document.ValueOf(p, schema.XType)); t != "" && t != schema.ParamString {
			continue
		}
		for _, d := range listify(document.ValueOf(p, schema.XDefault)) {
			if document.Resolve11(d) == document.Bool && !document.Bool11(d.Value) {
				c.yaml11Trap(d, "default")
			}
		}
	}
}

// yaml11Pipeline checks a pipeline's parameter defaults.
func yaml11Pipeline(c *checker, _ *model.Model, e *model.Symbol) {
	for _, p := range children(e, model.KindPipelineParameter) {
		for _, d := range listify(document.ValueOf(p, schema.XDefault)) {
			c.yaml11Trap(d, "default")
		}
	}
}

// yaml11Task checks a task's parameter sets and rule items (a task's
// parameters are not children in the model: they are read here).
func yaml11Task(c *checker, _ *model.Model, e *model.Symbol) {
	for _, set := range mappings(document.ValueOf(e.Body, schema.XParameterSets)) {
		for i := 1; i < len(set.Content); i += 2 {
			for _, v := range listify(set.Content[i]) {
				c.yaml11Trap(v, "value")
			}
		}
	}
	for _, p := range mappings(document.ValueOf(e.Body, schema.XParameters)) {
		for _, it := range listify(document.ValueOf(document.ValueOf(p, schema.XRules), schema.XItems)) {
			c.yaml11Trap(it, "item")
		}
	}
}

// yaml11Trap reports n when it is an unquoted value that YAML 1.1 reads
// differently from how it looks.
func (c *checker) yaml11Trap(n *yaml.Node, what string) {
	if n == nil || n.Kind != yaml.ScalarNode || n.Style != 0 {
		return
	}
	meaning := ""
	switch document.Resolve11(n) {
	case document.Bool:
		if l := strings.ToLower(n.Value); l != "true" && l != "false" {
			meaning = fmt.Sprintf("the boolean %v", document.Bool11(n.Value))
		}
	case document.Timestamp:
		meaning = "a date, not text"
	case document.Int, document.Float:
		if v, ok := number11(n); ok && (strings.Contains(n.Value, ":") || octalLooking(n.Value)) {
			meaning = fmt.Sprintf("the number %g", v)
		}
	}
	if meaning == "" {
		return
	}
	c.at(c.m.NodeSpan(n), Information, CodeYAML11,
		fmt.Sprintf("the %s %s is read as %s (YAML 1.1); write \"%s\" in quotes to keep it as written", what, n.Value, meaning, n.Value),
		`"`+n.Value+`"`)
}

// octalLooking reports a YAML 1.1 octal integer such as 010.
func octalLooking(s string) bool {
	s = strings.TrimLeft(s, "+-")
	return len(s) > 1 && s[0] == '0' && !strings.ContainsAny(s, ".xXbBeE")
}
