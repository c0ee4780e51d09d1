package mutation

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/check"
	"github.com/valohai-ls/valohai-ls/codeaction"
	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/corpus"
	"github.com/valohai-ls/valohai-ls/project"
)

// source is a clean corpus file to make mistakes in.
type source struct {
	path    string
	text    string
	scripts bool            // a step/script pair: the scripts are read
	options map[string]bool // the argparse options of its scripts
}

// sources returns the clean real-world files (those the official
// validator passes) and the step/script pairs.
func sources(t *testing.T) []source {
	dir := corpus.Dir(t)
	data, err := os.ReadFile(filepath.Join(dir, "verdicts.json"))
	if err != nil {
		t.Skipf("no corpus in %s (set VALOHAI_CORPUS): %v", dir, err)
	}
	var verdicts map[string]struct {
		YAMLOK   bool  `json:"yaml_ok"`
		Errors   []any `json:"errors"`
		Warnings []any `json:"warnings"`
	}
	if err := json.Unmarshal(data, &verdicts); err != nil {
		t.Fatal(err)
	}
	var clean []string
	for p, v := range verdicts {
		if strings.HasPrefix(p, "real-world/") && v.YAMLOK && len(v.Errors) == 0 && len(v.Warnings) == 0 {
			clean = append(clean, p)
		}
	}
	sort.Strings(clean)
	rand.New(rand.NewSource(26)).Shuffle(len(clean), func(i, j int) { clean[i], clean[j] = clean[j], clean[i] })
	var out []source
	for _, p := range clean[:min(60, len(clean))] {
		text, err := os.ReadFile(filepath.Join(dir, p))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, source{path: filepath.Join(dir, p), text: string(text)})
	}
	pairs, _ := filepath.Glob(filepath.Join(dir, "python-pairs", "*", "oracle.json"))
	sort.Strings(pairs)
	for _, o := range pairs {
		text, err := os.ReadFile(filepath.Join(filepath.Dir(o), "valohai.yaml"))
		if err != nil {
			continue
		}
		out = append(out, source{path: filepath.Join(filepath.Dir(o), "valohai.yaml"), text: string(text), scripts: true, options: argparseOptions(t, o)})
	}
	return out
}

// argparseOptions reads the options of every script in a pair's oracle.
func argparseOptions(t *testing.T, path string) map[string]bool {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var o struct {
		Argparse map[string]struct {
			Arguments []struct {
				Options []string `json:"options"`
			} `json:"arguments"`
		} `json:"argparse"`
	}
	if err := json.Unmarshal(data, &o); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	out := map[string]bool{}
	for _, f := range o.Argparse {
		for _, a := range f.Arguments {
			for _, op := range a.Options {
				out[op] = true
			}
		}
	}
	return out
}

// lineNumbers are left out of the messages compared: a removed line moves
// the lines other findings name.
var lineNumbers = regexp.MustCompile(`line \d+`)

func key(d diagnostics.Diagnostic) string {
	return d.Code + "\x00" + lineNumbers.ReplaceAllString(d.Message, "line N")
}

// checked is a text's findings.
type checked struct {
	doc   *document.Document
	diags []diagnostics.Diagnostic
}

func (s source) check(text string) checked {
	r := check.Checker{NoScripts: !s.scripts}.Text(context.Background(), s.path, []byte(text))
	return checked{doc: r.Doc, diags: r.Diagnostics}
}

// bag counts findings by code and message.
func bag(ds []diagnostics.Diagnostic) map[string]int {
	out := map[string]int{}
	for _, d := range ds {
		out[key(d)]++
	}
	return out
}

func sameBag(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, n := range a {
		if b[k] != n {
			return false
		}
	}
	return true
}

// outcome is what the findings of a mutant say of its mistake.
type outcome struct {
	at, fixed bool
	// away reports a new finding away from the mistake that names no
	// name the mistake changed; broken, one that does (see measure).
	away, broken  bool
	awayFinding   string // the first finding away from the mistake
	brokenFinding string
}

// measure checks one mutant of s, whose clean findings are base and
// whose clean text defines the names names. A new finding is at the
// mistake when it overlaps the mutated lines (or the lines next to
// them). One away from them is what the mistake really broke when it
// names a name that the mutant defines a different number of times
// than the clean file (a step the mistake renamed, defined twice or took
// the name of; a parameter, input or node whose key or list it
// misspelt): a node's step or an edge's end naming it, a script reading
// it. Any other finding away from the mistake is counted as away.
func measure(s source, base, names map[string]int, mu Mutant) outcome {
	c := s.check(mu.Text)
	changed := changedNames(names, definedNames(c.doc.URI, mu.Text))
	left := map[string]int{}
	for k, n := range base {
		left[k] = n
	}
	var o outcome
	near := map[int]bool{}
	m := c.doc.Mapper()
	for i, d := range c.diags {
		if k := clean(left, key(d), changed); k != "" {
			left[k]--
			continue
		}
		first, last := m.LineOf(d.Start), m.LineOf(max(d.End-1, d.Start))
		if last >= mu.From-1 && first <= mu.To+1 {
			o.at = true
			near[i] = true
			continue
		}
		msg := fmt.Sprintf("line %d %s: %s", first+1, d.Code, d.Message)
		if slices.ContainsFunc(changed, func(n string) bool { return mentions(d.Message, n) }) {
			if !o.broken {
				o.brokenFinding = msg
			}
			o.broken = true
			continue
		}
		if !o.away {
			o.awayFinding = msg
		}
		o.away = true
	}
	if !o.at {
		return o
	}
	opts := codeaction.Options{}
	if s.scripts {
		opts = codeaction.Options{Dir: filepath.Dir(s.path), Scripts: project.NewReader()}
	}
	tried := 0
	// check drops each item's tree once its findings are made: the fixes
	// are asked of the text parsed again, as the server has it.
	doc := document.New(c.doc.URI, 1, mu.Text)
	for _, a := range codeaction.Actions(doc, 0, len(mu.Text), c.diags, opts) {
		if a.Kind != codeaction.QuickFix || !near[a.Diag] || tried >= 8 {
			continue
		}
		tried++
		edits := append([]codeaction.Edit(nil), a.Edits...)
		sort.SliceStable(edits, func(i, j int) bool { return edits[i].Start < edits[j].Start })
		fixed := s.check(codeaction.Apply(mu.Text, edits))
		if len(fixed.doc.Parsed().Errors) == 0 && sameBag(bag(fixed.diags), base) {
			o.fixed = true
			break
		}
	}
	return o
}

// clean returns the key of the clean file's finding that k is, "" when
// none: k itself, or k with a name the mistake changed written for
// another or for none (a finding of a step whose name was misspelt or
// renamed, that names the step: `step ""`).
func clean(left map[string]int, k string, changed []string) string {
	if left[k] > 0 {
		return k
	}
	for _, to := range append([]string{""}, changed...) {
		if !strings.Contains(k, `"`+to+`"`) {
			continue
		}
		for _, from := range changed {
			if was := strings.ReplaceAll(k, `"`+to+`"`, `"`+from+`"`); from != to && left[was] > 0 {
				return was
			}
		}
	}
	return ""
}

// tally counts the outcomes of one kind.
type tally struct {
	n, at, fixed, away, broken int
	misses, unfixed            []string
	aways, brokens             []string
}

func pct(a, n int) float64 {
	if n == 0 {
		return 100
	}
	return 100 * float64(a) / float64(n)
}

// floors are the rates, in percent, below which the sample fails: at the
// mistake and quick fix. Raise them as the checks get better.
var floors = map[Kind][2]float64{
	MisspeltKey: {95, 95}, Indentation: {95, 75}, MissingKey: {95, 40}, WrongType: {95, 90},
	WrongEnum: {95, 90}, RenamedStep: {95, 90}, RenamedEdge: {95, 90}, MisspeltOutput: {95, 75}, PluralSocket: {95, 90}, DuplicateName: {95, 50},
	Tab: {95, 85}, NoSpace: {95, 85}, UnclosedQuote: {95, 85}, YAML11: {95, 65}, ScriptParameter: {90, 75},
}

// unfixedShown is how many mistakes found but not fixed, and how many
// with a finding away from them, are listed per kind
// (VALOHAI_MUTATION_UNFIXED sets it; none by default).
var unfixedShown, _ = strconv.Atoi(os.Getenv("VALOHAI_MUTATION_UNFIXED"))

// TestMutation makes single mistakes in clean corpus files and measures,
// by kind, how many are reported at the mistake, how many have a quick
// fix that repairs the file without losing another finding, and how many
// are reported away from it. `make test` runs a seeded sample;
// VALOHAI_MUTATION=full (make mutation) runs every mistake.
func TestMutation(t *testing.T) {
	full := os.Getenv("VALOHAI_MUTATION") == "full"
	seed := int64(1)
	if s, err := strconv.ParseInt(os.Getenv("VALOHAI_MUTATION_SEED"), 10, 64); err == nil {
		seed = s
	}
	type job struct {
		s           source
		base, names map[string]int
		mu          Mutant
	}
	var jobs []job
	for i, s := range sources(t) {
		c := s.check(s.text)
		base, names := bag(c.diags), definedNames(c.doc.URI, s.text)
		for _, mu := range Generate(s.text, seed+int64(i)) {
			if mu.Kind == ScriptParameter && (!s.scripts || !s.options["--"+mu.Name]) {
				continue
			}
			jobs = append(jobs, job{s, base, names, mu})
		}
	}
	if !full {
		rng := rand.New(rand.NewSource(seed))
		rng.Shuffle(len(jobs), func(i, j int) { jobs[i], jobs[j] = jobs[j], jobs[i] })
		per := map[Kind]int{}
		kept := jobs[:0]
		for _, j := range jobs {
			if per[j.mu.Kind] < 20 {
				per[j.mu.Kind]++
				kept = append(kept, j)
			}
		}
		jobs = kept
	}
	tallies := map[Kind]*tally{}
	all := &tally{}
	for _, j := range jobs {
		o := measure(j.s, j.base, j.names, j.mu)
		tl := tallies[j.mu.Kind]
		if tl == nil {
			tl = &tally{}
			tallies[j.mu.Kind] = tl
		}
		for _, x := range []*tally{tl, all} {
			x.n++
			if o.at {
				x.at++
			}
			if o.fixed {
				x.fixed++
			}
			if o.away {
				x.away++
			}
			if o.broken {
				x.broken++
			}
		}
		where := fmt.Sprintf("%s:%d %s", filepath.Base(j.s.path), j.mu.From+1, j.mu.What)
		if !o.at && len(tl.misses) < 5 {
			tl.misses = append(tl.misses, where)
		}
		if o.at && !o.fixed && len(tl.unfixed) < unfixedShown {
			tl.unfixed = append(tl.unfixed, where)
		}
		if o.away && len(tl.aways) < unfixedShown {
			tl.aways = append(tl.aways, where+" → "+o.awayFinding)
		}
		if o.broken && len(tl.brokens) < unfixedShown {
			tl.brokens = append(tl.brokens, where+" → "+o.brokenFinding)
		}
	}
	if all.n == 0 {
		t.Fatal("no mutants made")
	}
	var b strings.Builder
	// broken: a finding away from the mistake about a name it changed.
	fmt.Fprintf(&b, "%-21s %5s %8s %8s %8s %8s\n", "kind", "n", "at", "fix", "away", "broken")
	for _, k := range Kinds {
		tl := tallies[k]
		if tl == nil {
			continue
		}
		fmt.Fprintf(&b, "%-21s %5d %7.1f%% %7.1f%% %7.1f%% %7.1f%%\n", k, tl.n, pct(tl.at, tl.n), pct(tl.fixed, tl.n), pct(tl.away, tl.n), pct(tl.broken, tl.n))
		for _, ms := range tl.misses {
			fmt.Fprintf(&b, "    missed: %s\n", ms)
		}
		for _, ms := range tl.unfixed {
			fmt.Fprintf(&b, "    no fix: %s\n", ms)
		}
		for _, ms := range tl.aways {
			fmt.Fprintf(&b, "    away: %s\n", ms)
		}
		for _, ms := range tl.brokens {
			fmt.Fprintf(&b, "    broken: %s\n", ms)
		}
		if f, ok := floors[k]; ok && !full {
			if pct(tl.at, tl.n) < f[0] || pct(tl.fixed, tl.n) < f[1] {
				t.Errorf("%s: %.1f%% at the mistake and %.1f%% fixed, below the floor of %.0f%% and %.0f%%", k, pct(tl.at, tl.n), pct(tl.fixed, tl.n), f[0], f[1])
			}
		}
	}
	fmt.Fprintf(&b, "%-21s %5d %7.1f%% %7.1f%% %7.1f%% %7.1f%%\n", "all", all.n, pct(all.at, all.n), pct(all.fixed, all.n), pct(all.away, all.n), pct(all.broken, all.n))
	t.Log("\n" + b.String())
}
