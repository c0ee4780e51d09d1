package stepsync

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/python"
)

// oracle is the part of a pair's oracle.json these tests read.
type oracle struct {
	Prepare map[string]struct {
		GeneratedStep        json.RawMessage `json:"generated_step"`
		GenerateError        string          `json:"generate_error"`
		MergedStep           json.RawMessage `json:"merged_step"`
		MergedStepExisted    bool            `json:"merged_step_existed_in_yaml"`
		MergedStepEqualsYAML bool            `json:"merged_step_equals_yaml_step"`
		MergeError           string          `json:"merge_error"`
	} `json:"prepare"`
}

func readOracle(t *testing.T, pair string) oracle {
	raw, err := os.ReadFile(filepath.Join(pair, "oracle.json"))
	if err != nil {
		t.Fatal(err)
	}
	var o oracle
	if err := json.Unmarshal(raw, &o); err != nil {
		t.Fatal(err)
	}
	return o
}

// asData turns a value into plain JSON data (numbers as float64).
func asData(t *testing.T, v any) any {
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// stepOf returns the step called name of a valohai.yaml, as data and as
// its mapping node.
func stepOf(t *testing.T, text, name string) (any, *yaml.Node) {
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(text), &root); err != nil {
		t.Fatalf("%v in:\n%s", err, text)
	}
	for _, it := range root.Content[0].Content {
		if len(it.Content) < 2 || it.Content[0].Value != "step" {
			continue
		}
		body := it.Content[1]
		for i := 0; i+1 < len(body.Content); i += 2 {
			if body.Content[i].Value == "name" && body.Content[i+1].Value == name {
				var v any
				if err := body.Decode(&v); err != nil {
					t.Fatal(err)
				}
				return asData(t, v), body
			}
		}
	}
	t.Fatalf("no step %q in:\n%s", name, text)
	return nil, nil
}

// keyOrder checks that a new step writes its keys in valohai-yaml's order,
// and a parameter's or input's name first, the rest alphabetical.
func keyOrder(body *yaml.Node) error {
	rank := map[string]int{"name": 0, "image": 1, "command": 2, "source-path": 3, "parameters": 4, "inputs": 5, "environment": 6}
	last := -1
	for i := 0; i < len(body.Content); i += 2 {
		k := body.Content[i].Value
		if rank[k] <= last {
			return fmt.Errorf("step key %s out of order", k)
		}
		last = rank[k]
		if k != "parameters" && k != "inputs" {
			continue
		}
		for _, it := range body.Content[i+1].Content {
			var keys []string
			for j := 0; j < len(it.Content); j += 2 {
				keys = append(keys, it.Content[j].Value)
			}
			if len(keys) == 0 || keys[0] != "name" || !sort.StringsAreSorted(keys[1:]) {
				return fmt.Errorf("%s item keys %v out of order", k, keys)
			}
		}
	}
	return nil
}

// TestNewStepPairs writes a new step from every script of the pairs with
// a readable prepare() and compares it, as data, with valohai-utils'
// generated_step; scripts valohai-utils cannot read must be refused too.
func TestNewStepPairs(t *testing.T) {
	dir := pairsDir(t)
	pairs, _ := filepath.Glob(filepath.Join(dir, "*", "oracle.json"))
	matched, refused := 0, 0
	for _, op := range pairs {
		pair := filepath.Dir(op)
		o := readOracle(t, pair)
		for rel, pr := range o.Prepare {
			src, err := os.ReadFile(filepath.Join(pair, filepath.FromSlash(rel)))
			if err != nil {
				t.Fatal(err)
			}
			sc := python.Read(src)
			name := filepath.Base(pair) + "/" + rel
			if pr.GeneratedStep == nil {
				if err := Readable(sc); err == nil {
					t.Errorf("%s: valohai-utils fails (%s), valohai-ls reads it", name, pr.GenerateError)
				} else {
					refused++
				}
				continue
			}
			text, _, err := AddScript("", rel, sc)
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			var want map[string]any
			if err := json.Unmarshal(pr.GeneratedStep, &want); err != nil {
				t.Fatal(err)
			}
			got, body := stepOf(t, text, want["name"].(string))
			if !reflect.DeepEqual(got, asData(t, want)) {
				g, _ := json.Marshal(got)
				t.Errorf("%s: generated step differs:\n got %s\nwant %s", name, g, pr.GeneratedStep)
				continue
			}
			if err := keyOrder(body); err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			matched++
		}
	}
	t.Logf("generated_step matched on %d scripts; %d scripts refused as valohai-utils refuses them", matched, refused)
	if matched == 0 {
		t.Error("no generated step compared")
	}
}
