package project

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/corpus"
	"github.com/valohai-ls/valohai-ls/model"
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
		x := model.Of(document.New("file://"+pair+"/valohai.yaml", 1, string(text)))
		all := x.All(model.KindStep)
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

// TestStepScripts reads the ways a step runs scripts, in a tree of files.
func TestStepScripts(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"train.py", "src/main.py", "pkg/tool/__main__.py", "pkg/mod.py", "launch.py"} {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x = 1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		command string
		want    []string // how:rel:present:passes
	}{
		{`python train.py {parameters}`, []string{"python:train.py:true:true"}},
		{`/usr/bin/python3.11 -u -W ignore ./train.py`, []string{"python:train.py:true:false"}},
		{`cd src && python main.py {params}`, []string{"python:src/main.py:true:true"}},
		{`python -m pkg.tool --x {parameter:lr}`, []string{"python -m:pkg/tool/__main__.py:true:false"}},
		{`python -m pkg.mod`, []string{"python -m:pkg/mod.py:true:false"}},
		{`python -m pip install .`, nil},
		{`torchrun --nproc-per-node=4 launch.py {parameters}`, []string{"other:launch.py:true:true"}},
		{`accelerate launch --num_processes 2 launch.py`, []string{"other:launch.py:true:false"}},
		{`nohup python train.py & python missing.py`, []string{"python:train.py:true:false", "python:missing.py:false:false"}},
		{`cd /tmp; python train.py`, nil},
		{`python /valohai/repository/src/main.py`, []string{"python:src/main.py:true:false"}},
		{`python -c "import x"`, nil},
	}
	for _, tt := range tests {
		text := "- step:\n    name: s\n    image: x\n    command: " + tt.command + "\n"
		x := model.Of(document.New("file:///p/valohai.yaml", 1, text))
		var got []string
		for _, r := range StepScripts(x, x.Lookup(model.KindStep, "s"), Options{Dir: dir}) {
			got = append(got, fmt.Sprintf("%s:%s:%v:%v", r.How, r.Rel, r.Present(), r.PassesParameters))
			if text[r.Span.Start:r.Span.End] == "" {
				t.Errorf("%q: empty span", tt.command)
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.command, got, tt.want)
		}
	}
}
