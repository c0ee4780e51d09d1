package schema

import (
	"strings"
	"testing"
)

// TestConstructKeyCounts pins the number of keys of each construct to the
// official format's, so that a key cannot go missing unnoticed.
func TestConstructKeyCounts(t *testing.T) {
	tests := []struct {
		obj  *Obj
		keys int
	}{
		{Step, 21}, {Parameter, 15}, {Input, 7}, {Output, 2}, {EnvVar, 4}, {Mount, 5}, {Widget, 2},
		{StepResources, 3}, {EndpointResources, 4},
		{Pipeline, 5}, {ExecutionNode, 8}, {TaskNode, 9}, {DeploymentNode, 7}, {Override, 8},
		{NodeAction, 3}, {Edge, 3}, {PipelineParameter, 6},
		{Task, 15}, {VariantParameter, 3}, {VariantRules, 13},
		{Deployment, 2}, {DeploymentDefaults, 3},
		{OverrideParameter, 15}, {OverrideInput, 7},
	}
	for _, tc := range tests {
		if got := len(tc.obj.Keys); got != tc.keys {
			t.Errorf("%s has %d keys, want %d", tc.obj.Name, got, tc.keys)
		}
	}
}

// TestConstructsDocumented checks that every key of every construct
// reachable from the root has documentation and an example, and that
// every enum value says what it means.
func TestConstructsDocumented(t *testing.T) {
	seen := map[*Obj]bool{}
	var walkType func(where string, ty *Type)
	var walkObj func(o *Obj)
	walkType = func(where string, ty *Type) {
		if ty == nil {
			return
		}
		for _, v := range ty.Enum {
			if v.Doc == "" {
				t.Errorf("%s: value %q has no doc", where, v.Name)
			}
		}
		checkAliases(t, where, ty)
		walkType(where, ty.Items)
		for _, o := range ty.Options {
			walkType(where, o)
		}
		if ty.Object != nil {
			walkObj(ty.Object)
		}
	}
	walkObj = func(o *Obj) {
		if seen[o] {
			return
		}
		seen[o] = true
		for _, c := range o.Choices {
			walkObj(c)
		}
		for _, k := range o.Keys {
			where := o.Name + "." + k.Name
			if k.Doc == "" {
				t.Errorf("%s has no doc", where)
			}
			if k.Example == "" && o != Item {
				t.Errorf("%s has no example", where)
			}
			walkType(where, k.Type)
		}
	}
	walkType("root", Root)
	if !seen[Step] || !seen[Override] || !seen[VariantRules] || !seen[DeploymentDefaults] {
		t.Error("walk did not reach the constructs")
	}
}

// checkAliases reports an alias of ty that is not in lower case, is a
// value itself (so never looked up), or means no value of ty.
func checkAliases(t *testing.T, where string, ty *Type) {
	t.Helper()
	for w, vals := range ty.Aliases {
		switch {
		case strings.ToLower(w) != w:
			t.Errorf("%s: alias %q is not in lower case", where, w)
		case ty.EnumValue(w) != nil:
			t.Errorf("%s: alias %q is a value", where, w)
		case len(ty.Alias(w)) != len(vals):
			t.Errorf("%s: alias %q means %q, not all of them values", where, w, vals)
		}
	}
}

// TestListItemsHaveSnippets checks that list items that are constructs
// can be inserted whole by completion.
func TestListItemsHaveSnippets(t *testing.T) {
	for _, o := range []*Obj{Parameter, Input, Output, EnvVar, Mount, Node, NodeAction, Edge, PipelineParameter, VariantParameter, EndpointFile, Toleration} {
		if o.Snippet == "" {
			t.Errorf("%s has no snippet", o.Name)
		}
	}
	for _, o := range []*Obj{Parameter, Input, Output, EnvVar, Node, PipelineParameter, VariantParameter, Step, Pipeline, Task, Deployment} {
		if o.Label != "name" {
			t.Errorf("%s is not labelled by name", o.Name)
		}
	}
}
