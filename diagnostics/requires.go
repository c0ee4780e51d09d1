package diagnostics

import (
	"fmt"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/schema"
)

// requirements reports a mapping of o that lacks a key another key's
// value makes required (a toleration with operator Equal and no key).
// The finding is on that value, which is what the official oneOf refuses;
// its fixes add the key, or change the value to the one that needs no
// key. A value outside the key's enum is reported by the enum check only.
func (c *checker) requirements(n *yaml.Node, o *schema.Obj, owner string, seen map[string]*yaml.Node) {
	for _, r := range o.Requires {
		if _, ok := seen[r.Key]; ok {
			continue
		}
		v := document.ValueOf(n, r.Unless)
		if v == nil || v.Kind != yaml.ScalarNode {
			continue
		}
		if r.Excused(v.Value, true) || !knownValue(o.Key(r.Unless), v.Value) {
			continue
		}
		key := o.Key(r.Key)
		if key == nil {
			continue
		}
		// Adding the key and changing the value are two ways to fix it,
		// of which the user chooses: the other value means something
		// else (Exists tolerates every key), so it is never applied
		// unasked, and not offered when a key it excludes is written.
		fix := c.mappingFix(n)
		fix.Add, fix.Choice = []*schema.Key{key}, true
		var sugg []string
		if !hasAny(n, r.Excludes) {
			sugg = r.Values
		}
		msg := fmt.Sprintf("%s with %s %s needs a %s: %s", owner, r.Unless, v.Value, r.Key, r.Why)
		sp := c.m.NodeSpan(v)
		c.add(Diagnostic{Start: sp.Start, End: sp.End, Severity: Error, Code: CodeMissingKey, Message: msg, Fix: fix, Suggestions: sugg})
	}
}

// knownValue reports whether v is one of the enum values of k's type (any
// value when the type has no enum).
func knownValue(k *schema.Key, v string) bool {
	if k == nil || k.Type == nil || len(k.Type.Enum) == 0 {
		return true
	}
	return k.Type.EnumValue(v) != nil
}

// hasAny reports whether mapping n has one of keys.
func hasAny(n *yaml.Node, keys []string) bool {
	for _, k := range keys {
		if has(n, k) {
			return true
		}
	}
	return false
}
