package diagnostics

import (
	"fmt"

	"github.com/valohai-ls/valohai-ls/model"
)

// rule is a semantic check over the whole file.
type rule func(c *checker, m *model.Model)

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

func (c *checker) runRules(m *model.Model) {
	for _, r := range rules {
		if c.ctx.Err() != nil {
			return
		}
		r(c, m)
	}
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
