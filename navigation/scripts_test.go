package navigation

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/corpus"
)

// oracleScript is a script of `yaml_steps[].scripts` in a pair's oracle.
type oracleScript struct {
	How              string   `json:"how"`
	Ref              string   `json:"ref"`
	Path             string   `json:"path"`
	Present          bool     `json:"present"`
	PassesParameters bool     `json:"passes_parameters"`
	ParameterRefs    []string `json:"parameter_refs"`
}

type oracleSteps struct {
	YAMLSteps []struct {
		Name    string         `json:"name"`
		Scripts []oracleScript `json:"scripts"`
	} `json:"yaml_steps"`
}

// TestStepScriptsMatchTheOracle finds the scripts of every step of every
// python pair as the pair's oracle lists them.
func TestStepScriptsMatchTheOracle(t *testing.T) {
	dir := filepath.Join(corpus.Dir(t), "python-pairs")
	pairs, _ := filepath.Glob(filepath.Join(dir, "*", "oracle.json"))
	if len(pairs) == 0 {
		t.Skipf("no python pairs under %s", dir)
	}
	steps, scripts := 0, 0
	for _, o := range pairs {
		pair := filepath.Dir(o)
		var want oracleSteps
		data, err := os.ReadFile(o)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatal(err)
		}
		text, err := os.ReadFile(filepath.Join(pair, "valohai.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		x := Build(document.New("file://"+pair+"/valohai.yaml", 1, string(text)))
		all := x.All(KindStep)
		if len(all) != len(want.YAMLSteps) {
			t.Errorf("%s: %d steps, oracle has %d", filepath.Base(pair), len(all), len(want.YAMLSteps))
			continue
		}
		for i, st := range all {
			got := []oracleScript{}
			for _, r := range StepScripts(x, st, Options{Dir: pair}) {
				refs := r.ParameterRefs
				if refs == nil {
					refs = []string{}
				}
				got = append(got, oracleScript{How: string(r.How), Ref: r.Ref, Path: r.Rel, Present: r.Present(), PassesParameters: r.PassesParameters, ParameterRefs: refs})
			}
			w := want.YAMLSteps[i].Scripts
			if w == nil {
				w = []oracleScript{}
			}
			for j := range w {
				if w[j].ParameterRefs == nil {
					w[j].ParameterRefs = []string{}
				}
			}
			if !reflect.DeepEqual(got, w) {
				t.Errorf("%s step %q:\n got %+v\nwant %+v", filepath.Base(pair), st.Name, got, w)
			}
			steps++
			scripts += len(w)
		}
	}
	t.Logf("%d pairs, %d steps, %d scripts", len(pairs), steps, scripts)
}
