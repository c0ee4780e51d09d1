package diagnostics

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/schema"
)

// taskRule checks a task blueprint: its stop condition, type and
// on-child-error, keys that its type ignores, and its step.
func taskRule(c *checker, m *model.Model, e *model.Symbol) {
	owner := fmt.Sprintf("task %q", e.Name)
	c.stopCondition(e.Body, owner)
	typ := c.taskEnum(e.Body, schema.XType, schema.TaskTypes, "-", "_", owner)
	c.taskEnum(e.Body, schema.XOnChildError, schema.TaskOnChildError, "_", "-", owner)
	kind := typ
	if typ == "" {
		typ = schema.TaskGridSearch
		kind = typ + ", the default type"
	}
	if typ != schema.TaskManualSearch && hasParameterSets(e.Body) {
		c.at(c.m.NodeSpan(document.KeyOf(e.Body, schema.XParameterSets)), Warning, CodeManualSearchOnly,
			fmt.Sprintf("parameter-sets are read only by manual_search tasks, and %s is %s; remove them or set type: manual_search", owner, kind))
	}
	if typ != schema.TaskBayesianTPE {
		for _, key := range schema.BayesianOnlyKeys {
			if !isNull(document.ValueOf(e.Body, key)) {
				c.at(c.m.NodeSpan(document.KeyOf(e.Body, key)), Warning, CodeBayesianOnly,
					fmt.Sprintf("%s is read only by bayesian_tpe tasks, and %s is %s; remove it or set type: bayesian_tpe", key, owner, kind))
			}
		}
	}
	if sv := document.ValueOf(e.Body, schema.XStep); isString(sv) && unresolvedOf(m, e).has(sv, model.KindStep, "") {
		c.unknownRef(sv, Information, CodeUnknownStep, fmt.Sprintf("%s runs step %q, which this file does not define", owner, sv.Value), m.Names(model.KindStep))
	}
}

// taskEnum checks a task value that the parser reads case-insensitively
// with `from` read as `to`, returning the value in its normal form ("" when
// absent or not valid). The parser fails on any other value.
func (c *checker) taskEnum(body *yaml.Node, key string, values []schema.Value, from, to, owner string) string {
	v := document.ValueOf(body, key)
	if !truthy(v) || !isString(v) {
		return ""
	}
	norm := strings.ReplaceAll(strings.ToLower(v.Value), from, to)
	var names []string
	for _, val := range values {
		names = append(names, val.Name)
		if val.Name == norm {
			return norm
		}
	}
	c.withFix(v, Error, CodeInvalidValue, fmt.Sprintf("%q is not a valid %s of %s; use one of %s", v.Value, key, owner, strings.Join(names, ", ")),
		norm, names, func(s string) string { return s })
	return "invalid"
}

// hasParameterSets reports whether a task has a non-empty parameter set.
func hasParameterSets(body *yaml.Node) bool {
	for _, ps := range listify(document.ValueOf(body, schema.XParameterSets)) {
		if ps.Kind == yaml.MappingNode && len(ps.Content) > 0 {
			return true
		}
	}
	return false
}
