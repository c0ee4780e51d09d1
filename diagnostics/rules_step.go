package diagnostics

import (
	"fmt"
	"math"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/diagnostics/duration"
	"github.com/valohai-ls/valohai-ls/diagnostics/expr"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/schema"
)

// stepRule checks a step: its environment, stop condition, durations,
// parameters and the names its lists define.
func stepRule(c *checker, m *model.Model, e *model.Symbol) {
	owner := fmt.Sprintf("step %q", e.Name)
	c.presetNeedsEnvironment(e.Body, owner, "the step")
	c.stopCondition(e.Body, owner)
	for _, key := range []string{schema.XTimeLimit, schema.XNoOutputTimeout} {
		c.duration(e.Body, key, owner)
	}
	c.stepParameters(e, owner)
	c.duplicateItems(e.Body, owner)
	c.placeholders(unresolvedOf(m, e), document.ValueOf(e.Body, schema.XCommand), e, owner)
	c.commandLines(document.ValueOf(e.Body, schema.XCommand), e, owner)
}

// presetNeedsEnvironment reports a runtime-config-preset given without an
// environment in the same mapping.
func (c *checker) presetNeedsEnvironment(body *yaml.Node, owner, where string) {
	if !truthy(document.ValueOf(body, schema.XRuntimeConfigPreset)) || truthy(document.ValueOf(body, schema.XEnvironment)) {
		return
	}
	c.at(c.m.NodeSpan(document.KeyOf(body, schema.XRuntimeConfigPreset)), Error, CodeMissingEnvironment,
		fmt.Sprintf("%s sets runtime-config-preset without an environment; add `environment:` to %s", owner, where))
}

// stopCondition checks the expression of a step's or task's stop-condition.
func (c *checker) stopCondition(body *yaml.Node, owner string) {
	v := document.ValueOf(body, schema.XStopCondition)
	if !isString(v) {
		return
	}
	if err := expr.Check(v.Value); err != nil {
		c.at(c.m.NodeSpan(v), Error, CodeInvalidExpression,
			fmt.Sprintf("stop-condition of %s is not a valid expression: %s", owner, exprMessage(v.Value, err)))
	}
}

// exprMessage adds where in a longer expression the problem is.
func exprMessage(text string, err *expr.Error) string {
	if len(text) <= 12 || err.Pos <= 0 {
		return err.Msg
	}
	return fmt.Sprintf("%s (at character %d)", err.Msg, len([]rune(text[:min(err.Pos, len(text))]))+1)
}

// duration checks a time-limit or timeout: seconds, or unit text.
func (c *checker) duration(body *yaml.Node, key, owner string) {
	v := document.Deref(document.ValueOf(body, key))
	if v == nil || v.Kind != yaml.ScalarNode {
		return
	}
	switch document.Resolve11(v) {
	case document.String:
		if _, err := duration.Parse(v.Value); err != nil {
			c.at(c.m.NodeSpan(v), Error, CodeInvalidDuration, fmt.Sprintf("%s of %s is not a duration: %v", key, owner, err))
		}
	case document.Float:
		// A float with no fraction passes the schema as an integer, but
		// the parser accepts only true integers.
		if f, ok := number11(v); ok && f == math.Trunc(f) {
			c.at(c.m.NodeSpan(v), Error, CodeInvalidDuration,
				fmt.Sprintf("%s of %s must be a whole number of seconds without a decimal point, or text such as `%gs`", key, owner, f))
		}
	}
}

// duplicateItems reports names defined twice in a step's lists; the
// parser keeps the last silently.
func (c *checker) duplicateItems(body *yaml.Node, owner string) {
	for _, key := range []string{schema.XParameters, schema.XInputs, schema.XEnvVars} {
		seen := map[string]*yaml.Node{}
		items := mappings(document.ValueOf(body, key))
		taken := func(n string) bool {
			for _, it := range items {
				if s, ok := scalarText(document.ValueOf(it, schema.XName)); ok && s == n {
					return true
				}
			}
			return false
		}
		for _, it := range items {
			v := document.ValueOf(it, schema.XName)
			name, ok := scalarText(v)
			if !ok {
				continue
			}
			if prev, dup := seen[name]; dup {
				c.lines = true // the message says where the other one is
				c.fixed(c.m.NodeSpan(v), Information, CodeDuplicateItem,
					fmt.Sprintf("%s defines %q twice in %s (also on line %d); this one replaces the other", owner, name, key, c.m.LineOf(c.m.NodeStart(prev))+1),
					c.renameFix(name, prev, taken))
			}
			seen[name] = v
		}
	}
}
