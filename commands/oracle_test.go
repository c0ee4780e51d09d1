package commands

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/corpus"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/pyvalue"
)

// oracleFile is what valohai-yaml builds for one corpus file.
type oracleFile struct {
	Error string       `json:"error"`
	Steps []oracleStep `json:"steps"`
	Nodes []oracleNode `json:"nodes"`
}

type oracleStep struct {
	Step         string                     `json:"step"`
	Defaults     map[string]json.RawMessage `json:"defaults"`
	Values0      map[string]json.RawMessage `json:"values_0"`
	Values1      map[string]json.RawMessage `json:"values_1"`
	WithDefaults []string                   `json:"with_defaults"`
	WithValues0  []string                   `json:"with_values_0"`
	WithValues1  []string                   `json:"with_values_1"`
}

type oracleNode struct {
	Pipeline     string   `json:"pipeline"`
	Node         string   `json:"node"`
	Step         string   `json:"step"`
	WithDefaults []string `json:"with_defaults"`
	Error        string   `json:"error"`
}

// exception is a deliberate difference from the oracle.
type exception struct {
	File, Step, Pipeline, Node, Reason string
}

func readExceptions(t *testing.T) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "oracle-exceptions.json"))
	if err != nil {
		t.Fatal(err)
	}
	var list struct {
		NotCompared string `json:"not_compared"`
		Exceptions  []exception
	}
	if err := json.Unmarshal(data, &list); err != nil {
		t.Fatal(err)
	}
	if list.NotCompared == "" {
		t.Fatal("the exceptions do not say why file-level errors are not compared")
	}
	out := map[string]string{}
	for _, e := range list.Exceptions {
		if e.Reason == "" {
			t.Fatalf("exception %+v has no reason", e)
		}
		out[e.File+"|"+e.Step+"|"+e.Pipeline+"|"+e.Node] = e.Reason
	}
	return out
}

func jsonValues(t *testing.T, raw map[string]json.RawMessage) map[string]pyvalue.Value {
	t.Helper()
	out := map[string]pyvalue.Value{}
	for k, r := range raw {
		d := json.NewDecoder(bytes.NewReader(r))
		d.UseNumber()
		var x any
		if err := d.Decode(&x); err != nil {
			t.Fatal(err)
		}
		out[k] = pyvalue.FromJSON(x)
	}
	return out
}

// TestOracle builds every step (with its defaults and two sets of
// values) and every pipeline node of the corpus and compares them with
// what valohai-yaml 0.57 builds (commands-oracle.json).
func TestOracle(t *testing.T) {
	dir := corpus.Dir(t)
	data, err := os.ReadFile(filepath.Join(dir, "commands-oracle.json"))
	if err != nil {
		t.Skipf("no oracle: %v", err)
	}
	var oracle map[string]oracleFile
	if err := json.Unmarshal(data, &oracle); err != nil {
		t.Fatal(err)
	}
	exceptions := readExceptions(t)
	used := map[string]bool{}
	files := make([]string, 0, len(oracle))
	for f := range oracle {
		files = append(files, f)
	}
	sort.Strings(files)
	var pass, total int
	check := func(key string, ok bool, fail func()) {
		total++
		if reason, exc := exceptions[key]; exc {
			used[key] = true
			if ok {
				t.Errorf("%s: listed as an exception (%s) but equal", key, reason)
			}
			return
		}
		if ok {
			pass++
			return
		}
		fail()
	}
	for _, f := range files {
		of := oracle[f]
		text, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		if of.Error != "" {
			// valohai-yaml does not load the file: nothing to compare.
			continue
		}
		x := model.Of(document.New("file:///"+f, 1, string(text)))
		for _, os := range of.Steps {
			key := f + "|" + os.Step + "||"
			spec, err := Step(x, x.Lookup(model.KindStep, os.Step))
			if err != nil {
				check(key, false, func() { t.Errorf("%s: %v", key, err) })
				continue
			}
			defaults := spec.Defaults()
			got, err := spec.Build(defaults)
			check(key+"defaults", err == nil && reflect.DeepEqual(got, os.WithDefaults), func() {
				t.Errorf("%s with defaults: got %q (%v)\nwant %q", key, got, err, os.WithDefaults)
			})
			want := jsonValues(t, os.Defaults)
			check(key+"default values", sameValues(defaults, want), func() {
				t.Errorf("%s: defaults %v, want %v", key, defaults, want)
			})
			for i, c := range []struct {
				values map[string]json.RawMessage
				want   []string
			}{{os.Values0, os.WithValues0}, {os.Values1, os.WithValues1}} {
				got, err := spec.Build(spec.WithDefaults(jsonValues(t, c.values)))
				check(key+"values"+string(rune('0'+i)), err == nil && reflect.DeepEqual(got, c.want), func() {
					t.Errorf("%s values_%d: got %q (%v)\nwant %q", key, i, got, err, c.want)
				})
			}
		}
		for _, on := range of.Nodes {
			key := f + "||" + on.Pipeline + "|" + on.Node
			pl := x.Lookup(model.KindPipeline, on.Pipeline)
			node := model.Child(pl, model.KindNode, on.Node)
			spec, err := Node(x, node)
			var got []string
			if err == nil {
				got, err = spec.Build(spec.Defaults())
			}
			if on.Error != "" {
				check(key, err != nil, func() { t.Errorf("%s: got %q, want the error %s", key, got, on.Error) })
				continue
			}
			check(key, err == nil && reflect.DeepEqual(got, on.WithDefaults), func() {
				t.Errorf("%s: got %q (%v)\nwant %q", key, got, err, on.WithDefaults)
			})
		}
	}
	for key := range exceptions {
		if !used[key] {
			t.Errorf("exception %s matches no oracle entry", key)
		}
	}
	t.Logf("%d of %d oracle comparisons equal, %d listed exceptions", pass, total, len(used))
}

// sameValues compares two sets of values by their Python repr.
func sameValues(a, b map[string]pyvalue.Value) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		w, ok := b[k]
		if !ok {
			return false
		}
		if v.Kind == pyvalue.Date && w.Kind == pyvalue.Str {
			// JSON holds a date as its str().
			if s, ok := v.Str(); !ok || s != w.Text {
				return false
			}
			continue
		}
		rv, _ := v.Repr()
		rw, _ := w.Repr()
		if rv != rw || v.Kind != w.Kind {
			return false
		}
	}
	return true
}
