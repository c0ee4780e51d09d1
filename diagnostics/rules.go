package diagnostics

import (
	"fmt"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/schema"
)

// entry is one top-level item as the semantic rules see it.
type entry struct {
	kind    *schema.Key
	kindKey *yaml.Node // the kind key, e.g. `endpoint`
	body    *yaml.Node // the kind's mapping (nil when it is not a mapping)
	name    string     // the item's label value, "" when absent
	nameKey *yaml.Node // the label's value node
}

// model is the file as the semantic rules see it.
type model struct {
	entries []*entry
}

// rule is a semantic check over the whole file.
type rule func(c *checker, m *model)

// rules are run in order after the schema checks, whatever the schema
// found, so that every problem is reported at once.
var rules = []rule{
	duplicateNames,
	deploymentRules,
	pipelineRules,
	stepRules,
	taskRules,
	yaml11Rules,
}

func (c *checker) runRules(p *document.Parsed) {
	m := buildModel(p)
	for _, r := range rules {
		if c.ctx.Err() != nil {
			return
		}
		r(c, m)
	}
}

func buildModel(p *document.Parsed) *model {
	m := &model{}
	for _, it := range p.Items {
		n := document.Deref(it.Node)
		if n.Kind != yaml.MappingNode {
			continue
		}
		if kk, key := itemKind(n); kk != nil {
			e := &entry{kind: kk, kindKey: key}
			if body := document.Deref(document.ValueOf(n, key.Value)); body.Kind == yaml.MappingNode {
				e.body = body
				if obj := kk.Type.Object; obj != nil && obj.Label != "" {
					if v := document.ValueOf(body, obj.Label); v != nil && v.Kind == yaml.ScalarNode {
						e.name, e.nameKey = v.Value, v
					}
				}
			}
			m.entries = append(m.entries, e)
		}
	}
	return m
}

// duplicateNames warns about two items of the same kind with the same name:
// the later one replaces the earlier.
func duplicateNames(c *checker, m *model) {
	first := map[string]*entry{}
	for _, e := range m.entries {
		if e.nameKey == nil || e.name == "" {
			continue
		}
		id := e.kind.Name + "\x00" + e.name
		prev, ok := first[id]
		if !ok {
			first[id] = e
			continue
		}
		line := c.m.LineOf(c.m.NodeStart(prev.nameKey)) + 1
		c.at(c.m.NodeSpan(e.nameKey), Warning, CodeDuplicateName,
			fmt.Sprintf("duplicate %s name %q (also on line %d): this %s replaces the earlier one", e.kind.Name, e.name, line, e.kind.Name))
	}
}
