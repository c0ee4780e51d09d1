// Package scriptgen makes the inputs of the tests of the script checks'
// reuse: a project of Python scripts, a valohai.yaml whose steps run them,
// and random edits of both — of the YAML (a step's command pointed at
// another script, defaults and names changed, lines inserted above steps,
// steps added, removed and renamed, the text broken and repaired) and of
// the scripts on disk (rewritten, removed, created).
package scriptgen

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

// Scripts are the project's scripts, by path relative to its directory.
// Each is compared with the steps differently: argparse with parse_args,
// valohai.prepare() with a step name, parse_known_args with a required
// option, a module, a package's __main__ naming another step that the
// edits seldom write (final).
var Scripts = map[string]string{
	"a.py": `import argparse
p = argparse.ArgumentParser()
p.add_argument("--lr", type=float, default=0.1)
p.add_argument("--epochs", type=int, default=3)
args = p.parse_args()
`,
	"b.py": `import valohai
valohai.prepare(step="train", default_parameters={"lr": 0.2, "epochs": 5}, default_inputs={"data": "s3://b/x"})
lr = valohai.parameters("lr").value
batch = valohai.parameters("batch").value
data = valohai.inputs("data").path()
`,
	"c.py": `import argparse
p = argparse.ArgumentParser()
p.add_argument("--data-dir", required=True)
p.add_argument("--verbose", action="store_true")
p.add_argument("--seed", type=int, default=1)
args, rest = p.parse_known_args()
`,
	"pkg/__init__.py": "",
	"pkg/mod.py": `import argparse
p = argparse.ArgumentParser()
p.add_argument("--x", type=int, default=2)
args = p.parse_args()
`,
	"pkg/run/__init__.py": "",
	"pkg/run/__main__.py": `import valohai
valohai.prepare(step="final", default_parameters={"lr": 0.1})
`,
}

// Variants are other contents of the scripts, and of scripts that are
// missing at first, that the disk edits write.
var Variants = map[string][]string{
	"a.py": {
		Scripts["a.py"] + "p.add_argument(\"--batch\", type=int, default=8)\n",
		strings.Replace(Scripts["a.py"], "default=0.1", "default=0.5", 1),
	},
	"b.py":       {strings.Replace(Scripts["b.py"], `step="train"`, `step="prep"`, 1)},
	"c.py":       {strings.Replace(Scripts["c.py"], "required=True", "default=\"/d\"", 1)},
	"missing.py": {Scripts["a.py"]},
	"pkg/gone.py": {`import argparse
p = argparse.ArgumentParser()
p.add_argument("--y", required=True)
args = p.parse_args()
`},
}

// Write writes the scripts into dir.
func Write(dir string) error {
	for rel, text := range Scripts {
		if err := write(dir, rel, text); err != nil {
			return err
		}
	}
	return nil
}

func write(dir, rel, text string) error {
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("write script: %w", err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		return fmt.Errorf("write script: %w", err)
	}
	return nil
}

var (
	names    = []string{"train", "eval", "prep", "s1", "s2", "s3", "final"}
	commands = []string{
		"python a.py {parameters}",
		"python b.py",
		"python c.py --data-dir /d {parameters}",
		"python -m pkg.mod {parameters}",
		"python -m pkg.run",
		"python missing.py {parameters}",
		"python -m pkg.gone {parameters}",
		"cd pkg && python mod.py {parameters}",
		"pip install x && python a.py --lr {parameter:lr}",
	}
	params = []string{
		"      - name: lr\n        type: float\n        default: %s\n",
		"      - name: epochs\n        type: integer\n        default: %s\n",
		"      - name: batch\n        type: string\n        default: \"%s\"\n",
		"      - name: verbose\n        type: flag\n        default: true\n",
		"      - name: x\n        type: integer\n        optional: true\n",
	}
	values = []string{"0.1", "0.2", "3", "5", "1"}
)

// Gen makes random edits.
type Gen struct {
	rng *rand.Rand
	// broken is the text before a break, put back by the next edit.
	broken string
	// aliased counts down the edits until the step with an alias is
	// removed.
	aliased int
}

// New returns a generator seeded with seed.
func New(seed int64) *Gen { return &Gen{rng: rand.New(rand.NewSource(seed))} }

// Step writes a random step.
func (g *Gen) Step() string {
	var b strings.Builder
	fmt.Fprintf(&b, "- step:\n    name: %s\n    image: python:3.12\n    command: %s\n", pick(g.rng, names), pick(g.rng, commands))
	if g.rng.Intn(4) > 0 {
		b.WriteString("    parameters:\n")
		for i, p := range params {
			if g.rng.Intn(2) == 0 || i == 0 {
				if strings.Contains(p, "%s") {
					p = fmt.Sprintf(p, pick(g.rng, values))
				}
				b.WriteString(p)
			}
		}
	}
	if g.rng.Intn(3) == 0 {
		b.WriteString("    inputs:\n      - name: data\n")
	}
	return b.String()
}

// Base returns a text of n random steps.
func (g *Gen) Base(n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(g.Step())
	}
	return b.String()
}

var (
	commandLine = regexp.MustCompile(`(?m)^    command: .*$`)
	defaultLine = regexp.MustCompile(`(?m)^        default: [0-9.]+$`)
	nameLine    = regexp.MustCompile(`(?m)^    name: .*$`)
	paramName   = regexp.MustCompile(`(?m)^      - name: \w+$`)
	stepLine    = regexp.MustCompile(`(?m)^- step:$`)
	paramsLine  = regexp.MustCompile(`(?m)^    parameters:$`)
)

// Next returns an edit of text: what the edit is, and the text it gives.
func (g *Gen) Next(text string) (string, string) {
	if g.broken != "" {
		t := g.broken
		g.broken = ""
		return "repair", t
	}
	if g.aliased > 0 {
		g.aliased--
		if g.aliased == 0 {
			if t, ok := g.removeWith(text, "*ps"); ok {
				return "unalias", t
			}
		}
	}
	for {
		switch g.rng.Intn(13) {
		case 0, 1:
			if t, ok := g.replace(text, commandLine, "    command: "+pick(g.rng, commands)); ok {
				return "command", t
			}
		case 2:
			if t, ok := g.replace(text, defaultLine, "        default: "+pick(g.rng, values)); ok {
				return "default", t
			}
		case 3:
			if t, ok := g.replace(text, nameLine, "    name: "+pick(g.rng, names)); ok {
				return "rename", t
			}
		case 4:
			if t, ok := g.replace(text, paramName, "      - name: "+pick(g.rng, []string{"lr", "epochs", "batch", "x", "seed", "data-dir"})); ok {
				return "parameter", t
			}
		case 5:
			// Lines above a step: a comment or a blank line, or a
			// line of the step before.
			add := pick(g.rng, []string{"# a note\n", "\n", "    description: moved\n"})
			if strings.HasPrefix(add, " ") {
				// A line of the step before: never above the first.
				if t, ok := g.inside(text, add); ok {
					return "insert", t
				}
				continue
			}
			return "insert", g.atStep(text, add)
		case 6:
			return "add", g.atStep(text, g.Step())
		case 7:
			if t, ok := g.remove(text); ok {
				return "remove", t
			}
		case 8:
			g.broken = text
			return "break", g.atStep(text, "    command: [unclosed\n")
		case 11:
			// An anchor on a step's parameters, which an aliased
			// step reads: edits of the first change the second.
			if !strings.Contains(text, "&ps") {
				if t, ok := g.replace(text, paramsLine, "    parameters: &ps"); ok {
					return "anchor", t
				}
			}
		case 12:
			if strings.Contains(text, "&ps") && !strings.Contains(text, "*ps") {
				g.aliased = 6
				return "alias", g.atEnd(text, "- step:\n    name: aliased\n    image: python:3.12\n    command: python a.py {parameters}\n    parameters: *ps\n")
			}
		case 10:
			// A quoted command that goes on at the first column, as
			// the last key of the step before.
			t, ok := g.inside(text, "    command: \"python c.py\n# --data-dir /x {parameters}\"\n")
			if ok {
				return "quoted", t
			}
		case 9:
			if t, ok := g.replace(text, commandLine, "    command:\n      - cd pkg\n      - "+pick(g.rng, commands)); ok {
				return "command-list", t
			}
		}
	}
}

// replace replaces one random match of re in text with s.
func (g *Gen) replace(text string, re *regexp.Regexp, s string) (string, bool) {
	ms := re.FindAllStringIndex(text, -1)
	if len(ms) == 0 {
		return text, false
	}
	m := ms[g.rng.Intn(len(ms))]
	return text[:m[0]] + s + text[m[1]:], true
}

// atEnd appends s to text.
func (g *Gen) atEnd(text, s string) string {
	if text != "" && !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	return text + s
}

// atStep inserts s before a random step, or at the end.
func (g *Gen) atStep(text, s string) string {
	ms := stepLine.FindAllStringIndex(text, -1)
	i := g.rng.Intn(len(ms) + 1)
	if i == len(ms) {
		return g.atEnd(text, s)
	}
	return text[:ms[i][0]] + s + text[ms[i][0]:]
}

// inside inserts s before a random step but the first, or at the end.
func (g *Gen) inside(text, s string) (string, bool) {
	ms := stepLine.FindAllStringIndex(text, -1)
	if len(ms) == 0 {
		return text, false
	}
	i := 1 + g.rng.Intn(len(ms))
	if i == len(ms) {
		return g.atEnd(text, s), true
	}
	return text[:ms[i][0]] + s + text[ms[i][0]:], true
}

// removeWith deletes the step whose text holds s.
func (g *Gen) removeWith(text, s string) (string, bool) {
	i := strings.Index(text, s)
	if i < 0 {
		return text, false
	}
	ms := stepLine.FindAllStringIndex(text, -1)
	for k := len(ms) - 1; k >= 0; k-- {
		if ms[k][0] < i {
			end := len(text)
			if k+1 < len(ms) {
				end = ms[k+1][0]
			}
			return text[:ms[k][0]] + text[end:], true
		}
	}
	return text, false
}

// remove deletes a random step, leaving at least two.
func (g *Gen) remove(text string) (string, bool) {
	ms := stepLine.FindAllStringIndex(text, -1)
	if len(ms) <= 2 {
		return text, false
	}
	i := g.rng.Intn(len(ms))
	end := len(text)
	if i+1 < len(ms) {
		end = ms[i+1][0]
	}
	return text[:ms[i][0]] + text[end:], true
}

// Disk changes a script of dir: writes one of its variants, puts its first
// content back, or removes it. It returns the file changed.
func (g *Gen) Disk(dir string) (string, error) {
	rels := make([]string, 0, len(Variants))
	for rel := range Variants {
		rels = append(rels, rel)
	}
	sort.Strings(rels)
	rel := pick(g.rng, rels)
	p := filepath.Join(dir, filepath.FromSlash(rel))
	switch g.rng.Intn(3) {
	case 0:
		if err := os.Remove(p); err != nil && !os.IsNotExist(err) {
			return p, fmt.Errorf("remove script: %w", err)
		}
		return p, nil
	case 1:
		if orig, ok := Scripts[rel]; ok {
			return p, write(dir, rel, orig)
		}
	}
	return p, write(dir, rel, pick(g.rng, Variants[rel]))
}

func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.Intn(len(xs))] }

// RewriteUnseen changes the script a.py of the project in dir, --lr
// becoming --lx, and leaves its size and modification time as they were:
// a change that a stat does not show.
func RewriteUnseen(dir string) (path string, err error) {
	path = filepath.Join(dir, "a.py")
	st, err := os.Stat(path)
	if err != nil {
		return path, err
	}
	if err := os.WriteFile(path, []byte(strings.Replace(Scripts["a.py"], "--lr", "--lx", 1)), 0o644); err != nil {
		return path, err
	}
	return path, os.Chtimes(path, time.Time{}, st.ModTime())
}
