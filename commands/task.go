package commands

import (
	"fmt"
	"math/big"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/pyvalue"
	"github.com/valohai-ls/valohai-ls/schema"
)

// Plan is what a task blueprint creates: how many executions, and the
// parameter values they run with where those are known before the task
// starts. What valohai-ls cannot count exactly it does not count: Why
// then says why.
type Plan struct {
	// Type is the task's type as Valohai reads it, "" when it is none.
	Type string
	// Min and Max bound the number of executions (equal when it is
	// exact); both nil when it is not known.
	Min, Max *big.Int
	// How says how the number is counted; Why, when it is not known, why.
	How, Why string
	// Varied are the task's variant parameters.
	Varied []Variant
	// Sets are the parameter sets of a manual search.
	Sets []Combo
	// Combos are a few of the executions' parameter values, when every
	// value is known before the task starts.
	Combos []Combo
	// Same reports that every execution runs with the values of the one
	// combination in Combos.
	Same bool
}

// Variant is one variant parameter of a task.
type Variant struct {
	Name, Style string
	// Min and Max bound its number of values (nil: not known, and Why
	// says why).
	Min, Max *big.Int
	Why      string
	// Values are its values, when they are known before the task starts.
	Values []pyvalue.Value
}

// Combo is one execution's parameter values, in the order written.
type Combo struct {
	Names  []string
	Values []pyvalue.Value
}

// Map returns c's values by name.
func (c Combo) Map() map[string]pyvalue.Value {
	m := make(map[string]pyvalue.Value, len(c.Names))
	for i, n := range c.Names {
		m[n] = c.Values[i]
	}
	return m
}

// String is c as name=value pairs.
func (c Combo) String() string {
	parts := make([]string, len(c.Names))
	for i, n := range c.Names {
		s, ok := c.Values[i].Str()
		if !ok {
			s = c.Values[i].DescribeRepr()
		}
		parts[i] = n + "=" + s
	}
	return strings.Join(parts, ", ")
}

// maxCombos is how many combinations a plan lists.
const maxCombos = 3

// taskTypes are the task types valohai-yaml knows.
var taskTypes = []string{schema.TaskGridSearch, schema.TaskRandomSearch, schema.TaskBayesianTPE, schema.TaskManualSearch, schema.TaskDistributed}

// TaskPlan returns what the task blueprint task (a task item of x)
// creates.
func TaskPlan(task *model.Symbol) *Plan {
	p := &Plan{}
	if task == nil || task.Body == nil {
		return p.unknown("the task is not readable")
	}
	if task.Broken {
		return p.unknown("the task has a YAML syntax error")
	}
	body := task.Body
	typ, err := taskType(pyvalue.Of(document.ValueOf(body, schema.XType)))
	if err != "" {
		return p.unknown(err)
	}
	p.Type = typ
	if why := p.readVariants(body); why != "" {
		return p.unknown(why)
	}
	sets, why := parameterSets(document.ValueOf(body, schema.XParameterSets))
	if why != "" {
		return p.unknown(why)
	}
	p.Sets = sets
	switch typ {
	case schema.TaskGridSearch:
		return p.grid(body)
	case schema.TaskManualSearch:
		return p.manual()
	}
	return p.counted(body)
}

// unknown marks the number of executions as not known.
func (p *Plan) unknown(why string) *Plan {
	p.Min, p.Max, p.Why = nil, nil, why
	return p
}

// exact sets the number of executions.
func (p *Plan) exact(n *big.Int, how string) *Plan {
	p.Min, p.Max, p.How = n, n, how
	return p
}

// Known reports whether the number of executions is known (exactly or
// within bounds).
func (p *Plan) Known() bool { return p.Min != nil && p.Max != nil }

// Title says how many executions the task creates, for a code lens.
func (p *Plan) Title() string {
	switch {
	case !p.Known():
		return "executions: not known"
	case p.Min.Cmp(p.Max) != 0:
		return fmt.Sprintf("creates %s or %s executions", p.Min, p.Max)
	case p.Min.IsInt64() && p.Min.Int64() == 1:
		return "creates 1 execution"
	}
	return fmt.Sprintf("creates %s executions", p.Min)
}

// taskType reads a task's type as valohai-yaml's TaskType.cast does:
// none is a grid search, others lower-cased with `-` read as `_`.
func taskType(v pyvalue.Value) (string, string) {
	if !v.Truthy() {
		return schema.TaskGridSearch, ""
	}
	s, ok := v.Str()
	if !ok {
		return "", "the task's type is not readable"
	}
	t := strings.ReplaceAll(strings.ToLower(s), "-", "_")
	for _, k := range taskTypes {
		if t == k {
			return t, ""
		}
	}
	return "", fmt.Sprintf("%s is not a task type", v.DescribeRepr())
}

// readVariants reads the task's variant parameters; a reason is returned
// when they are not readable.
func (p *Plan) readVariants(body *yaml.Node) string {
	seen := map[string]bool{}
	for _, e := range model.Elements(document.ValueOf(body, schema.XParameters)) {
		if e == nil || e.Kind != yaml.MappingNode {
			return "a task parameter is not a mapping"
		}
		name := document.Scalar(document.Deref(document.ValueOf(e, schema.XName)))
		if name == "" {
			return "a task parameter has no name"
		}
		if seen[name] {
			return fmt.Sprintf("parameter %q is varied twice", name)
		}
		seen[name] = true
		v := readVariant(name, e)
		if v.Style == "" {
			return v.Why
		}
		p.Varied = append(p.Varied, v)
	}
	return ""
}

// parameterSets reads a task's parameter-sets as valohai-yaml keeps
// them: the mappings that are not empty.
func parameterSets(n *yaml.Node) ([]Combo, string) {
	n = document.Deref(n)
	if n == nil || n.Kind == yaml.ScalarNode && pyvalue.Of(n).IsNone() {
		return nil, ""
	}
	if n.Kind != yaml.SequenceNode {
		return nil, "the parameter-sets are not a list"
	}
	var out []Combo
	for _, e := range model.Elements(n) {
		if e == nil || e.Kind != yaml.MappingNode {
			return nil, "a parameter set is not a mapping"
		}
		var c Combo
		for _, p := range document.Pairs(e) {
			k := p.Key
			if k.Kind != yaml.ScalarNode || k.Value == "" {
				return nil, "a parameter set names a parameter that is not text"
			}
			c.Names = append(c.Names, k.Value)
			c.Values = append(c.Values, pyvalue.Of(p.Value))
		}
		if len(c.Names) > 0 {
			out = append(out, c)
		}
	}
	return out, ""
}

// grid counts a grid search: every combination of the variant
// parameters' values.
func (p *Plan) grid(body *yaml.Node) *Plan {
	if len(p.Sets) > 0 {
		return p.unknown("a grid search with parameter-sets: Valohai reads the sets in a manual search")
	}
	if len(p.Varied) == 0 {
		return p.unknown("no parameter varies")
	}
	lo, hi := big.NewInt(1), big.NewInt(1)
	factors := make([]string, 0, len(p.Varied))
	for _, v := range p.Varied {
		if v.Min == nil {
			return p.unknown(fmt.Sprintf("the values of %q: %s", v.Name, v.Why))
		}
		lo.Mul(lo, v.Min)
		hi.Mul(hi, v.Max)
		factors = append(factors, v.count())
	}
	if n, set := executionCount(body); set && (n == nil || lo.Cmp(hi) != 0 || lo.Cmp(n) != 0) {
		return p.unknown(fmt.Sprintf("the grid has %s combinations, and %s says otherwise", rangeText(lo, hi), schema.XExecutionCount))
	}
	p.Min, p.Max = lo, hi
	p.How = "every combination: " + strings.Join(factors, " × ")
	p.Combos = gridCombos(p.Varied)
	return p
}

// manual counts a manual search: its parameter sets.
func (p *Plan) manual() *Plan {
	if len(p.Sets) == 0 {
		return p.unknown("a manual search runs its parameter-sets, and it has none")
	}
	if len(p.Varied) > 0 {
		return p.unknown("a manual search with variant parameters beside its parameter-sets")
	}
	p.Combos = p.Sets[:min(len(p.Sets), maxCombos)]
	n := len(p.Sets)
	return p.exact(big.NewInt(int64(n)), plural(n, "parameter set"))
}

// counted counts a task whose executions are set by execution-count
// (random search, Bayesian optimisation, a distributed task).
func (p *Plan) counted(body *yaml.Node) *Plan {
	if len(p.Sets) > 0 {
		return p.unknown(fmt.Sprintf("a %s with parameter-sets: Valohai reads the sets in a manual search", typeName(p.Type)))
	}
	n, set := executionCount(body)
	switch {
	case !set:
		return p.unknown(fmt.Sprintf("a %s runs %s executions, and it has no %[2]s", typeName(p.Type), schema.XExecutionCount))
	case n == nil:
		return p.unknown("the " + schema.XExecutionCount + " is not a whole number above 0")
	}
	p.exact(n, schema.XExecutionCount)
	if c, ok := fixedValues(p.Varied); ok {
		p.Combos, p.Same = []Combo{c}, true
	}
	return p
}

// executionCount reads a task's execution-count: set reports that one is
// written, n is nil when it is not a whole number above 0.
func executionCount(body *yaml.Node) (n *big.Int, set bool) {
	v := pyvalue.Of(document.ValueOf(body, schema.XExecutionCount))
	if v.IsNone() {
		return nil, false
	}
	if i, ok := positive(v); ok {
		return i, true
	}
	return nil, true
}

// fixedValues returns the values of parameters that every execution runs
// with: when each variant parameter is of the single style.
func fixedValues(varied []Variant) (Combo, bool) {
	var c Combo
	for _, v := range varied {
		if v.Style != schema.StyleSingle || len(v.Values) != 1 {
			return Combo{}, false
		}
		c.Names = append(c.Names, v.Name)
		c.Values = append(c.Values, v.Values[0])
	}
	return c, true
}

// gridCombos lists the first few combinations of the variants' values
// (the last parameter changing fastest), when all are known.
func gridCombos(varied []Variant) []Combo {
	idx := make([]int, len(varied))
	for _, v := range varied {
		if v.Values == nil {
			return nil
		}
	}
	var out []Combo
	for len(out) < maxCombos {
		c := Combo{}
		for i, v := range varied {
			c.Names = append(c.Names, v.Name)
			c.Values = append(c.Values, v.Values[idx[i]])
		}
		out = append(out, c)
		i := len(idx) - 1
		for ; i >= 0; i-- {
			if idx[i]++; idx[i] < len(varied[i].Values) {
				break
			}
			idx[i] = 0
		}
		if i < 0 {
			break
		}
	}
	return out
}

// typeName is a task type in words.
func typeName(t string) string {
	switch t {
	case schema.TaskRandomSearch:
		return "random search"
	case schema.TaskBayesianTPE:
		return "Bayesian optimisation"
	case schema.TaskDistributed:
		return "distributed task"
	case schema.TaskManualSearch:
		return "manual search"
	}
	return "grid search"
}

// TypeName is the plan's task type in words.
func (p *Plan) TypeName() string { return typeName(p.Type) }

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// rangeText is lo, or "lo or hi".
func rangeText(lo, hi *big.Int) string {
	if lo.Cmp(hi) == 0 {
		return lo.String()
	}
	return lo.String() + " or " + hi.String()
}

// Commands builds the commands of the plan's first combination: the
// step's defaults replaced by the combination's values. what names the
// combination; an error says why the commands are not shown.
func (p *Plan) Commands(x *model.Model, task *model.Symbol) (lines []string, err error) {
	if len(p.Combos) == 0 {
		return nil, nil
	}
	st := x.StepOf(task)
	if !st.Checkable() {
		return nil, unsupported("", "the task's step is not in this file")
	}
	spec, err := Step(x, x.Whole(st.Step))
	if err != nil {
		return nil, err
	}
	c := p.Combos[0]
	if err := spec.Check(c.Map(), c.Names); err != nil {
		return nil, &Error{Kind: Unbuildable, Msg: err.Error()}
	}
	return spec.Build(spec.WithDefaults(c.Map()))
}
