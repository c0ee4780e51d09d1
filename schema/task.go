package schema

// TaskKind is the top-level `task` item.
var TaskKind = &Key{
	Name:    "task",
	Type:    &Type{Kind: Object, Object: Task},
	Doc:     "A task blueprint: a reusable parameter sweep or optimisation over a step.",
	Example: "- task:\n    name: sweep\n    step: train\n    type: grid_search\n    parameters: []",
}

// TaskTypes are the kinds of task. The parser ignores case and reads `-`
// as `_`.
var TaskTypes = []Value{
	{"grid_search", "Every combination of the parameters' values (the default)."},
	{"random_search", "Parameter values drawn at random, `execution-count` times."},
	{"bayesian_tpe", "Bayesian optimisation (Tree-structured Parzen Estimator) towards `optimization-target-metric`."},
	{"manual_search", "Exactly the combinations listed in `parameter-sets`."},
	{"distributed", "Several executions that run at the same time and work together as one distributed job."},
}

// TaskOnChildError are the values of a task's `on-child-error`. The parser
// ignores case and reads `_` as `-`.
var TaskOnChildError = []Value{
	{"continue-and-complete", "Other executions go on, and the task completes."},
	{"continue-and-error", "Other executions go on, and the task ends as failed."},
	{"stop-all-and-error", "All executions are stopped, and the task fails."},
}

// Task is the task blueprint construct.
var Task = &Obj{
	Name:  "task",
	Label: "name",
	Doc:   "A reusable task: many executions of a step whose parameters vary by a search strategy.",
	Keys: []*Key{
		{Name: "name", Type: str, Required: true, Doc: "Name of the blueprint; task nodes refer to it with `task:`.", Example: "name: lr-sweep"},
		{Name: "step", Type: &Type{Kind: String, Ref: RefStep}, Required: true, Doc: "Step whose executions the task runs.", Example: "step: train"},
		{
			Name: "type", Type: &Type{Kind: String, Enum: TaskTypes, EnumOpen: true}, Default: "grid_search",
			Doc:     "Search strategy of the task. Case does not matter, and `-` may be written for `_`.",
			Example: "type: random_search",
		},
		{
			Name: "parameters", Type: listOf(VariantParameter), Default: "[]",
			Doc:     "How each varied parameter takes its values. A task needs this or `parameter-sets` (`parameters: []` is enough).",
			Example: "parameters:\n  - name: learning-rate\n    style: logspace\n    rules: {start: -5, end: -1, count: 5}",
		},
		{
			Name: "parameter-sets", Type: &Type{Kind: List, Items: &Type{Kind: Object, Object: &Obj{Name: "parameter set", Open: true, KeyRef: RefStepParam}}}, Default: "[]",
			Doc:     "Explicit parameter combinations, each a mapping of parameter names to values. Used by `manual_search` tasks.",
			Example: "parameter-sets:\n  - learning-rate: 0.1\n    epochs: 5",
		},
		{Name: "description", Type: str, Doc: "Help text for the task.", Example: "description: Learning-rate sweep"},
		{Name: "execution-count", Type: integer, Doc: "Total number of executions to create (random and Bayesian search).", Example: "execution-count: 20"},
		{Name: "execution-batch-size", Type: integer, Doc: "Number of executions created in each batch.", Example: "execution-batch-size: 4"},
		{Name: "maximum-queued-executions", Type: integer, Doc: "Most executions that may wait in the queue at once.", Example: "maximum-queued-executions: 10"},
		{
			Name: "optimization-target-metric", Type: str,
			Doc:     "Metadata key that Bayesian optimisation tries to bring to `optimization-target-value`. Bayesian tasks only.",
			Example: "optimization-target-metric: loss",
		},
		{Name: "optimization-target-value", Type: number, Doc: "Value the optimised metric should reach. Bayesian tasks only.", Example: "optimization-target-value: 0"},
		{Name: "engine", Type: str, Doc: "Optimisation engine, for example `optuna`. Bayesian tasks only.", Example: "engine: optuna"},
		{
			Name: "on-child-error", Type: &Type{Kind: String, Enum: TaskOnChildError, EnumOpen: true},
			Doc:     "What the task does when one of its executions fails.",
			Example: "on-child-error: continue-and-complete",
		},
		{
			Name: "reuse-children", Type: boolean, Default: "false",
			Doc:     "Whether earlier successful executions with identical settings may be reused instead of run again.",
			Example: "reuse-children: true",
		},
		{
			Name: "stop-condition", Type: exprType,
			Doc:     "Expression over the executions' metadata; the task stops as soon as it is true.",
			Example: "stop-condition: metadata.accuracy > 0.95",
		},
	},
	AnyOf:   []string{"parameters", "parameter-sets"},
	Snippet: "name: ${1:sweep}\nstep: ${2:train}\ntype: ${3|grid_search,random_search,bayesian_tpe,manual_search,distributed|}\nparameters: []",
}

// VariantParameter is an item of a task's `parameters`.
var VariantParameter = &Obj{
	Name:  "task parameter",
	Label: "name",
	Doc:   "How one step parameter varies across the task's executions.",
	Keys: []*Key{
		{Name: "name", Type: &Type{Kind: String, Ref: RefStepParam}, Required: true, Doc: "Step parameter to vary.", Example: "name: learning-rate"},
		{
			Name: "style", Type: &Type{Kind: String, Enum: []Value{
				{"single", "One value: `rules.value`."},
				{"multiple", "The values listed in `rules.items`."},
				{"linear", "Values from `rules.start` to `rules.end` in steps of `rules.step`."},
				{"logspace", "`rules.count` values spaced evenly on a log scale, `rules.base` to the powers `rules.start`…`rules.end`."},
				{"random", "`rules.count` values drawn from `rules.min`…`rules.max` with `rules.distribution`."},
			}, Aliases: styleAliases}, Required: true,
			Doc:     "How the values are generated.",
			Example: "style: linear",
		},
		{
			Name: "rules", Type: &Type{Kind: Object, Object: VariantRules}, Required: true,
			Doc:     "Settings of the style.",
			Example: "rules:\n  start: 1\n  end: 10\n  step: 1",
		},
	},
	Snippet: "name: ${1:learning-rate}\nstyle: ${2|multiple,linear,logspace,random,single|}\nrules:\n  ${3:items: [0.1, 0.01]}",
}

// VariantRules is a task parameter's `rules`.
var VariantRules = &Obj{
	Name: "task parameter rules",
	Doc:  "Settings of a task parameter's style; each style reads its own keys.",
	Keys: []*Key{
		{Name: "value", Type: number, Doc: "The value (`single`).", Example: "value: 0.1"},
		{
			Name: "items", Type: &Type{Kind: List, Name: "list of numbers, strings or booleans", Items: &Type{Kind: OneOf, Name: "number, string or boolean", Options: []*Type{number, str, boolean}}},
			Doc: "The values (`multiple`).", Example: "items: [0.1, 0.01, 0.001]",
		},
		{Name: "start", Type: number, Doc: "First value (`linear`), or first exponent (`logspace`).", Example: "start: 1"},
		{Name: "end", Type: number, Doc: "Last value (`linear`), or last exponent (`logspace`).", Example: "end: 10"},
		{Name: "step", Type: number, Doc: "Increment between values (`linear`).", Example: "step: 1"},
		{Name: "count", Type: number, Doc: "Number of values (`logspace`, `random`).", Example: "count: 5"},
		{Name: "base", Type: number, Doc: "Base of the logarithm (`logspace`).", Example: "base: 10"},
		{Name: "min", Type: number, Doc: "Lower bound (`random`).", Example: "min: 0"},
		{Name: "max", Type: number, Doc: "Upper bound (`random`).", Example: "max: 1"},
		{Name: "distribution", Type: str, Doc: "Distribution to draw from (`random`), for example `uniform`.", Example: "distribution: uniform"},
		{Name: "seed", Type: number, Doc: "Seed of the random generator (`random`).", Example: "seed: 42"},
		{Name: "integerify", Type: boolean, Doc: "Round the generated values to whole numbers.", Example: "integerify: true"},
		{Name: "numberify", Type: boolean, Doc: "Turn the generated values into numbers.", Example: "numberify: true"},
	},
}

// Keys of a task and of its variant parameters that the preview of its
// executions reads.
const (
	XExecutionCount = "execution-count" // a task's number of executions
	XStyle          = "style"           // how a variant parameter's values are made
	XRuleValue      = "value"           // a single style's value
	XRuleStart      = "start"           // a linear or logspace range's start
	XRuleEnd        = "end"             // a linear or logspace range's end
	XRuleStep       = "step"            // a linear range's increment
	XRuleCount      = "count"           // a logspace or random style's number of values
)

// Task types the preview of a task's executions tells apart (with
// TaskGridSearch, TaskManualSearch and TaskBayesianTPE).
const (
	TaskRandomSearch = "random_search"
	TaskDistributed  = "distributed"
)

// Variant parameter styles.
const (
	StyleSingle   = "single"
	StyleMultiple = "multiple"
	StyleLinear   = "linear"
	StyleLogspace = "logspace"
	StyleRandom   = "random"
)
