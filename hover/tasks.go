package hover

import (
	"fmt"
	"strings"

	"github.com/valohai-ls/valohai-ls/commands"
	"github.com/valohai-ls/valohai-ls/model"
)

// onTask reports whether off is on task's kind key or its name.
func onTask(x *model.Model, task *model.Symbol, off int) bool {
	if task.Named && model.Contains(task.NameSpan, off) {
		return true
	}
	return task.KeyNode != nil && model.Contains(x.Mapper().NodeSpan(task.KeyNode), off)
}

// taskRuns says what the task creates: how many executions, the values
// its parameters take, a few of its combinations and the commands of the
// first one.
func taskRuns(x *model.Model, task *model.Symbol) string {
	p := commands.TaskPlan(task)
	var b strings.Builder
	if !p.Known() {
		fmt.Fprintf(&b, "**Executions**: not known here: %s.", p.Why)
		return b.String()
	}
	fmt.Fprintf(&b, "**%s**", capitalize(p.Title()))
	fmt.Fprintf(&b, " (%s: %s).", p.TypeName(), p.How)
	if len(p.Varied) > 0 {
		b.WriteString("\n\nParameters:\n")
		for _, v := range p.Varied {
			fmt.Fprintf(&b, "\n- %s", v.Describe())
		}
	}
	if len(p.Combos) == 0 {
		return b.String()
	}
	c := p.Combos[0]
	switch {
	case p.Same && len(c.Names) == 0:
		b.WriteString("\n\nEvery execution runs, with the step's defaults:")
	case p.Same:
		fmt.Fprintf(&b, "\n\nEvery execution runs with `%s`:", c)
	default:
		b.WriteString("\n\nThe first combinations:\n")
		for _, c := range p.Combos {
			fmt.Fprintf(&b, "\n- `%s`", c)
		}
		fmt.Fprintf(&b, "\n\nThe execution with `%s` runs:", c)
	}
	lines, err := p.Commands(x, task)
	switch {
	case err != nil:
		fmt.Fprintf(&b, " not shown: %s.", err)
	case lines != nil:
		b.WriteString("\n\n" + shellBlock(lines))
	}
	return b.String()
}

// capitalize upper-cases the first letter of an ASCII text.
func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
