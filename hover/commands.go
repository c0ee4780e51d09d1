package hover

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/valohai-ls/valohai-ls/commands"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/schema"
)

// builtKey stores a version's built commands on the document.
type builtKey struct{}

// builtCache holds the commands built for the steps and nodes of one
// version, each built on first hover.
type builtCache struct {
	mu sync.Mutex
	m  map[*model.Symbol]string
}

// runsDoc returns what will run, for a hover at off: on a step's
// `command` (its key or any of its lines), the step's commands with the
// defaults; on a pipeline node's name or `step`, the node's commands with
// its override merged; on a task's key or name, the executions it
// creates. ok is false elsewhere.
func runsDoc(doc *document.Document, x *model.Model, off int) (md string, ok bool) {
	it := itemAt(x, off)
	if it == nil || it.Broken || it.Body == nil {
		return "", false
	}
	switch it.Kind {
	case model.KindStep:
		if !onCommand(x, it, off) {
			return "", false
		}
		return cached(doc, it, func() string { return stepRuns(x, it) }), true
	case model.KindTask:
		if onTask(x, it, off) {
			return cached(doc, it, func() string { return taskRuns(x, it) }), true
		}
	case model.KindPipeline:
		for _, n := range it.Children {
			if n.Kind == model.KindNode && onNode(x, n, off) {
				return cached(doc, n, func() string { return nodeRuns(x, n) }), true
			}
		}
	}
	return "", false
}

// cached returns the text built for s in this version, building it once.
func cached(doc *document.Document, s *model.Symbol, build func() string) string {
	c := doc.Derived(builtKey{}, func() any { return &builtCache{m: map[*model.Symbol]string{}} }).(*builtCache)
	c.mu.Lock()
	md, ok := c.m[s]
	c.mu.Unlock()
	if ok {
		return md
	}
	md = build()
	c.mu.Lock()
	c.m[s] = md
	c.mu.Unlock()
	return md
}

// itemAt returns the top-level item whose range holds off.
func itemAt(x *model.Model, off int) *model.Symbol {
	i := sort.Search(len(x.Items), func(i int) bool { return x.Items[i].Range.Start > off }) - 1
	if i < 0 || !model.Contains(x.Items[i].Range, off) {
		return nil
	}
	return x.Items[i]
}

// onCommand reports whether off is on step's `command` key or one of its
// lines.
func onCommand(x *model.Model, step *model.Symbol, off int) bool {
	m := x.Mapper()
	k := document.KeyOf(step.Body, schema.XCommand)
	if k == nil {
		return false
	}
	if model.Contains(m.NodeSpan(k), off) {
		return true
	}
	for _, c := range model.Commands(m, step.Body, schema.XCommand) {
		if model.Contains(c.Span(0, len(c.Text)), off) {
			return true
		}
	}
	return false
}

// onNode reports whether off is on node's name or the value of its `step`.
func onNode(x *model.Model, n *model.Symbol, off int) bool {
	if n.Named && model.Contains(n.NameSpan, off) {
		return true
	}
	v := document.Deref(document.ValueOf(n.Body, schema.XStep))
	return v != nil && model.Contains(x.Mapper().NodeSpan(v), off)
}

// stepRuns says what the step runs with its defaults.
func stepRuns(x *model.Model, step *model.Symbol) string {
	spec, err := commands.Step(x, step)
	if err == nil {
		var lines []string
		if lines, err = spec.Build(spec.Defaults()); err == nil {
			return "**Runs**, with the defaults:\n\n" + shellBlock(lines)
		}
	}
	return cannotBuild(err)
}

// nodeRuns says what the node runs: its step with its override merged,
// with the defaults.
func nodeRuns(x *model.Model, n *model.Symbol) string {
	st := x.StepOf(n)
	if st.Status == model.StepElsewhere {
		return fmt.Sprintf("Runs step `%s` of its pinned commit, which this file does not hold.", st.Name)
	}
	if !st.Checkable() {
		return ""
	}
	spec, err := commands.Node(x, n)
	if err == nil {
		var lines []string
		if lines, err = spec.Build(spec.Defaults()); err == nil {
			what := "**Runs** step `" + st.Name + "`"
			if document.ValueOf(n.Body, schema.XOverride) != nil {
				what += " with this node's override"
			}
			return what + ", with the defaults:\n\n" + shellBlock(lines)
		}
	}
	return cannotBuild(err)
}

// cannotBuild says why the commands cannot be shown: nothing when
// valohai-ls cannot tell exactly.
func cannotBuild(err error) string {
	var e *commands.Error
	if errors.As(err, &e) && e.Kind == commands.Unbuildable {
		return "Valohai cannot build this command: " + e.Msg + "."
	}
	return ""
}

// shellBlock is lines in a fenced shell code block.
func shellBlock(lines []string) string {
	text := strings.Join(lines, "\n")
	fence := "```"
	for strings.Contains(text, fence) {
		fence += "`"
	}
	return fence + "shell\n" + text + "\n" + fence
}
