package diagnostics

import (
	"fmt"
	"slices"

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
	{kind: model.KindPipeline, item: outputEdges, cross: true},
}

// The rules are run by one runner (runRules) in three modes, which
// differ only in how an item rule's findings on one item are reused and
// kept (a ruleMode):
//   - over a whole document (Diagnose), the findings an earlier version
//     kept with an item's tree are reused while what the model answered
//     the rule still holds (itemCache);
//   - item by item (DiagnoseItems), each item's rules that look no other
//     item up run as soon as the item is read, on a model of that item
//     alone (alone), and the run over the whole model reuses them
//     (streamed), loading the hollow items the other rules need.

// ruleMode is how runRules reuses and keeps an item rule's findings.
type ruleMode interface {
	// alone reports a model of one item: only the item rules that look
	// no other item up are run.
	alone() bool
	// reuse adds to c the findings of rules[r] on e made earlier, when
	// they still hold, and reports whether it did.
	reuse(c *checker, r int, e *model.Symbol) bool
	// keeps reports whether the findings of rules[r] on e are to be
	// made through a view of the model that records what it answered,
	// and given to keep.
	keeps(r int, e *model.Symbol) bool
	keep(c *checker, r int, e *model.Symbol, f *ruleFindings)
}

// runRules runs every rule over m, in order: each global rule over the
// whole model, each item rule over every item of its kind that the
// official loader keeps.
func (c *checker) runRules(m *model.Model, mode ruleMode) {
	for i, r := range rules {
		if c.ctx.Err() != nil {
			return
		}
		if r.global != nil {
			if !mode.alone() {
				r.global(c, m)
			}
			continue
		}
		if r.cross && mode.alone() {
			continue
		}
		for _, e := range m.KeptAsIs(r.kind) {
			if c.ctx.Err() != nil {
				return
			}
			c.runItem(m, mode, i, e)
		}
	}
}

// runItem runs rules[r] on the item e, as its mode says.
func (c *checker) runItem(m *model.Model, mode ruleMode, r int, e *model.Symbol) {
	if mode.reuse(c, r, e) {
		return
	}
	view, w := m, e
	if e.IsHollow() {
		w = m.Whole(e)
		view = m.With(w)
	}
	if !mode.keeps(r, e) {
		rules[r].item(c, view, w)
		return
	}
	sub := &checker{m: c.m, ctx: c.ctx}
	deps := &model.Deps{}
	rules[r].item(sub, view.Tracking(deps), w)
	c.out = append(c.out, sub.out...)
	if c.ctx.Err() == nil {
		mode.keep(c, r, e, &ruleFindings{diags: sub.out, deps: deps, lines: sub.lines})
	}
}

// ruleFindings are an item rule's findings on one item and what the
// model answered the rule.
type ruleFindings struct {
	diags []Diagnostic
	deps  *model.Deps
	// lines reports a message that names a line.
	lines bool
}

// itemCache is the mode of a whole document's rules: an item rule's
// findings are kept with the item's tree, offsets relative to the item,
// and reused in a later version while the item starts on the same line
// (when a message names one) and the model answers the same.
type itemCache struct {
	p     *document.Parsed
	m     *model.Model
	items map[any]*document.Item // by tree node; nil when p keeps nothing
}

func newItemCache(p *document.Parsed, m *model.Model) *itemCache {
	k := &itemCache{p: p, m: m}
	if p.Memoizes() {
		k.items = make(map[any]*document.Item, len(p.Items))
		for _, it := range p.Items {
			k.items[it.Node] = it
		}
	}
	return k
}

// ruleKey stores the findings of rules[i] on an item.
type ruleKey int

// keptFindings are the findings kept with an item: offsets relative to
// its start; line is its first line when a message names a line, else -1.
type keptFindings struct {
	diags []Diagnostic
	deps  *model.Deps
	line  int
}

func (k *itemCache) alone() bool { return false }

func (k *itemCache) keeps(_ int, e *model.Symbol) bool { return k.items[e.Node] != nil }

func (k *itemCache) reuse(c *checker, r int, e *model.Symbol) bool {
	it := k.items[e.Node]
	if it == nil {
		return false
	}
	v, ok := k.p.Recall(it, ruleKey(r))
	if !ok {
		return false
	}
	f := v.(*keptFindings)
	if (f.line >= 0 && f.line != c.m.LineOf(it.Start)) || !k.m.Holds(f.deps) {
		return false
	}
	c.stats.RulesReused++
	c.addShifted(f.diags, it.Start)
	return true
}

func (k *itemCache) keep(c *checker, r int, e *model.Symbol, f *ruleFindings) {
	c.stats.RulesMade++
	it := k.items[e.Node]
	kf := &keptFindings{deps: f.deps, line: -1, diags: make([]Diagnostic, 0, len(f.diags))}
	if f.lines {
		kf.line = c.m.LineOf(it.Start)
	}
	for _, d := range f.diags {
		if d.Start < it.Start || d.End > it.End {
			return // a finding outside the item: not the item's alone
		}
		kf.diags = append(kf.diags, d.Moved(-it.Start))
	}
	k.p.Remember(it, ruleKey(r), kf)
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
		taken := func(n string) bool { return slices.Contains(m.Names(e.Kind), n) }
		c.fixed(c.m.NodeSpan(e.NameNode), Warning, CodeDuplicateName,
			fmt.Sprintf("duplicate %s name %q (also on line %d): this %s replaces the earlier one", e.Key.Name, e.Name, line, e.Key.Name),
			c.renameFix(e.Name, prev.NameNode, taken))
	}
}
