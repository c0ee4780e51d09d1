package diagnostics

import (
	"fmt"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
)

// rule is a semantic check: over the whole file (global), or over each
// top-level item of a kind that the official loader keeps (item). An item
// rule reads other items only through the model it is given, so its
// findings are kept with the item's tree and reused while the item and
// what the model answered it stay the same.
type rule struct {
	global func(c *checker, m *model.Model)
	kind   model.Kind
	item   func(c *checker, m *model.Model, e *model.Symbol)
	// cross reports an item rule that looks other items up.
	cross bool
}

// rules are run in order after the schema checks, whatever the schema
// found, so that every problem is reported at once.
var rules = []rule{
	{global: duplicateNames},
	{kind: model.KindDeployment, item: deploymentRule},
	{kind: model.KindPipeline, item: pipelineRule, cross: true},
	{global: pipelineCollisions},
	{kind: model.KindStep, item: stepRule},
	{kind: model.KindTask, item: taskRule, cross: true},
	{kind: model.KindStep, item: yaml11Step},
	{kind: model.KindPipeline, item: yaml11Pipeline},
	{kind: model.KindTask, item: yaml11Task},
	{kind: model.KindStep, item: buildStep},
	{kind: model.KindPipeline, item: buildNodes, cross: true},
}

func (c *checker) runRules(m *model.Model, p *document.Parsed) {
	var items map[any]*document.Item
	if p.Memoizes() {
		items = make(map[any]*document.Item, len(p.Items))
		for _, it := range p.Items {
			items[it.Node] = it
		}
	}
	for i, r := range rules {
		if r.global != nil {
			if c.ctx.Err() != nil {
				return
			}
			r.global(c, m)
			continue
		}
		for _, e := range m.Kept(r.kind) {
			if c.ctx.Err() != nil {
				return
			}
			if it := items[e.Node]; it != nil {
				c.cachedRule(p, it, ruleKey(i), m, e)
			} else {
				r.item(c, m, e)
			}
		}
	}
}

// ruleKey stores the findings of rules[i] on an item.
type ruleKey int

// ruleFindings are an item rule's findings on one item, offsets relative
// to the item's start, and what the model answered the rule.
type ruleFindings struct {
	diags []Diagnostic
	deps  *model.Deps
	// line is the item's first line when a message names a line, else -1.
	line int
}

// cachedRule runs rules[key] on the item e written as it, reusing its
// findings of an earlier version when they still hold.
func (c *checker) cachedRule(p *document.Parsed, it *document.Item, key ruleKey, m *model.Model, e *model.Symbol) {
	line := c.m.LineOf(it.Start)
	if v, ok := p.Recall(it, key); ok {
		f := v.(*ruleFindings)
		if (f.line < 0 || f.line == line) && m.Holds(f.deps) {
			c.stats.RulesReused++
			c.addShifted(f.diags, it.Start)
			return
		}
	}
	c.stats.RulesMade++
	sub := &checker{m: c.m, ctx: c.ctx}
	deps := &model.Deps{}
	rules[key].item(sub, m.Tracking(deps), e)
	c.out = append(c.out, sub.out...)
	if c.ctx.Err() != nil {
		return
	}
	f := &ruleFindings{deps: deps, line: -1, diags: make([]Diagnostic, 0, len(sub.out))}
	if sub.lines {
		f.line = line
	}
	for _, d := range sub.out {
		if d.Start < it.Start || d.End > it.End {
			return // a finding outside the item: not the item's alone
		}
		f.diags = append(f.diags, d.moved(-it.Start))
	}
	p.Remember(it, key, f)
}

// duplicateNames warns about two items of the same kind with the same name:
// the later one replaces the earlier.
func duplicateNames(c *checker, m *model.Model) {
	dups := m.Duplicates()
	for _, e := range m.Items {
		prev, ok := dups[e]
		if !ok {
			continue
		}
		line := c.m.LineOf(c.m.NodeStart(prev.NameNode)) + 1
		c.at(c.m.NodeSpan(e.NameNode), Warning, CodeDuplicateName,
			fmt.Sprintf("duplicate %s name %q (also on line %d): this %s replaces the earlier one", e.Key.Name, e.Name, line, e.Key.Name))
	}
}
