package stepsync

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/python"
)

// mergedReasons says why the step valohai-ls writes for an existing step
// may differ from merged_step (what `vh yaml step` writes); a difference of
// another kind fails the test.
var mergedReasons = map[string]string{
	"kept-item":    "a parameter or input only the YAML has is kept (vh yaml step drops it)",
	"kept-key":     "a key the YAML wrote is kept (vh yaml step drops multiple-separator without multiple, and an input's default when prepare() gives only local paths)",
	"order":        "the YAML's order of parameters and inputs is kept; new ones come after them",
	"implicit-key": "valohai-yaml writes the defaults it fills in (optional: false); the YAML left them implicit and the sync writes keys only for what it adds or updates, so an existing flag does not get the pass-true-as/pass-false-as valohai-utils writes for a new one",
	"step-value":   "image, command and the step's other keys are the YAML's: the sync changes only parameters and inputs",
	"value":        "a value the YAML wrote is kept where vh yaml step replaces it: optional (an input whose prepare() default holds only local paths keeps the YAML's default and optional; vh drops the default and makes it optional)",
}

// keyPaths lists the key paths of a YAML node: items of parameters and
// inputs by name, others by index.
func keyPaths(n *yaml.Node, prefix string, out map[string]bool) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			p := prefix + "/" + n.Content[i].Value
			out[p] = true
			keyPaths(n.Content[i+1], p, out)
		}
	case yaml.SequenceNode:
		for i, it := range n.Content {
			id := fmt.Sprint(i)
			if it.Kind == yaml.MappingNode {
				for j := 0; j+1 < len(it.Content); j += 2 {
					if it.Content[j].Value == "name" {
						id = it.Content[j+1].Value
					}
				}
			}
			keyPaths(it, prefix+"["+id+"]", out)
		}
	}
}

// differences classifies how got (our step) differs from want
// (merged_step), as kind → examples.
func differences(got, want map[string]any) map[string][]string {
	out := map[string][]string{}
	add := func(kind, what string) { out[kind] = append(out[kind], what) }
	for k := range union(got, want) {
		g, w := got[k], want[k]
		if k != "parameters" && k != "inputs" {
			if !reflect.DeepEqual(g, w) {
				add("step-value", k)
			}
			continue
		}
		gl, _ := g.([]any)
		wl, _ := w.([]any)
		gi, wi := byName(gl), byName(wl)
		var gOrder, wOrder []string
		for _, it := range gl {
			if n := it.(map[string]any)["name"].(string); wi[n] != nil {
				gOrder = append(gOrder, n)
			}
		}
		for _, it := range wl {
			n := it.(map[string]any)["name"].(string)
			if gi[n] == nil {
				add("missing-item", k+"/"+n)
				continue
			}
			wOrder = append(wOrder, n)
		}
		if !reflect.DeepEqual(gOrder, wOrder) {
			add("order", k)
		}
		for n, gItem := range gi {
			wItem := wi[n]
			if wItem == nil {
				add("kept-item", k+"/"+n)
				continue
			}
			for f := range union(gItem, wItem) {
				gv, gok := gItem[f]
				wv, wok := wItem[f]
				switch {
				case gok && !wok:
					add("kept-key", k+"/"+n+"/"+f)
				case !gok && wok:
					add("implicit-key", k+"/"+n+"/"+f)
				case !sameValue(gv, wv):
					add("value", fmt.Sprintf("%s/%s/%s: %v vs %v", k, n, f, gv, wv))
				}
			}
		}
	}
	return out
}

// sameValue compares values as valohai-yaml does after parsing: a string
// and a one-item list holding it are the same default.
func sameValue(a, b any) bool {
	if reflect.DeepEqual(a, b) {
		return true
	}
	if l, ok := b.([]any); ok && len(l) == 1 {
		return reflect.DeepEqual(a, l[0])
	}
	if l, ok := a.([]any); ok && len(l) == 1 {
		return reflect.DeepEqual(l[0], b)
	}
	return false
}

func union(a, b map[string]any) map[string]bool {
	out := map[string]bool{}
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}

func byName(l []any) map[string]map[string]any {
	out := map[string]map[string]any{}
	for _, it := range l {
		m, ok := it.(map[string]any)
		if !ok {
			continue
		}
		if n, ok := m["name"].(string); ok {
			out[n] = m
		}
	}
	return out
}

// TestExistingStepPairs runs `valohai-ls step`'s logic on every script of
// the pairs whose prepare() names a step valohai.yaml has: the text
// outside the step is unchanged byte for byte, every key the step had is
// kept, check finds no new error or warning, every parameter and input of
// merged_step is there, and each other
// difference from merged_step is of a kind mergedReasons explains.
func TestExistingStepPairs(t *testing.T) {
	dir := pairsDir(t)
	pairs, _ := filepath.Glob(filepath.Join(dir, "*", "oracle.json"))
	steps, same := 0, 0
	kinds := map[string]int{}
	for _, op := range pairs {
		pair := filepath.Dir(op)
		o := readOracle(t, pair)
		raw, err := os.ReadFile(filepath.Join(pair, "valohai.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		text := string(raw)
		for rel, pr := range o.Prepare {
			if !pr.MergedStepExisted || pr.MergedStep == nil {
				continue
			}
			name := filepath.Base(pair) + "/" + rel
			src, err := os.ReadFile(filepath.Join(pair, filepath.FromSlash(rel)))
			if err != nil {
				t.Fatal(err)
			}
			sc := python.Read(src)
			out, refused, err := AddScript(text, rel, sc)
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			if len(refused) > 0 {
				t.Logf("%s: left out: %s", name, strings.Join(refused, "; "))
			}
			steps++
			uri := "file://" + filepath.Join(pair, "valohai.yaml")
			was := problems(document.New(uri, 1, text))
			for k, c := range problems(document.New(uri, 2, out)) {
				if c > was[k] {
					t.Errorf("%s: new finding: %s", name, k)
				}
			}
			var want map[string]any
			if err := json.Unmarshal(pr.MergedStep, &want); err != nil {
				t.Fatal(err)
			}
			_, oldBody := stepOf(t, text, want["name"].(string))
			after, newBody := stepOf(t, out, want["name"].(string))
			// Only the step's lines change.
			start, end := lineRange(text, oldBody)
			p, s := commonPrefix(text, out), commonSuffix(text, out)
			if p < start || len(text)-s > end {
				t.Errorf("%s: text outside the step changed (changed %d-%d, step %d-%d)", name, p, len(text)-s, start, end)
			}
			had, has := map[string]bool{}, map[string]bool{}
			keyPaths(oldBody, "", had)
			keyPaths(newBody, "", has)
			for k := range had {
				if !has[k] {
					t.Errorf("%s: key %s lost", name, k)
				}
			}
			diffs := differences(after.(map[string]any), asData(t, want).(map[string]any))
			if len(diffs) == 0 {
				same++
			}
			for kind, what := range diffs {
				kinds[kind]++
				if mergedReasons[kind] == "" {
					t.Errorf("%s: differs from merged_step (%s): %s", name, kind, strings.Join(what, "; "))
				}
			}
		}
	}
	var ks []string
	for k := range kinds {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	var b strings.Builder
	for _, k := range ks {
		fmt.Fprintf(&b, "\n  %s: %d steps (%s)", k, kinds[k], mergedReasons[k])
	}
	t.Logf("%d existing steps synced, %d equal to merged_step as data; differences:%s", steps, same, b.String())
	if steps == 0 {
		t.Error("no existing step compared")
	}
}

// lineRange is the span of the lines of a node in text.
func lineRange(text string, n *yaml.Node) (int, int) {
	lines := strings.SplitAfter(text, "\n")
	first := n.Line - 1
	// The step ends where the next line at its indentation or less begins.
	last := first
	for l := first + 1; l < len(lines); l++ {
		s := strings.TrimRight(lines[l], "\r\n")
		t := strings.TrimLeft(s, " ")
		if t == "" || t[0] == '#' {
			continue
		}
		if len(s)-len(t) < n.Column-1 {
			break
		}
		last = l
	}
	start := 0
	for l := 0; l < first; l++ {
		start += len(lines[l])
	}
	end := start
	for l := first; l <= last; l++ {
		end += len(lines[l])
	}
	return start, end
}

func commonPrefix(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return i
}

func commonSuffix(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	return i
}
