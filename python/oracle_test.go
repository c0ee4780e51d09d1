package python

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/internal/corpus"
)

// oracleExceptions lists the differences from the oracle that remain, as
// "pair/file:field" (field as reported by the comparison), with why.
// A listed difference that no longer occurs fails the test too, so the
// table stays exact.
var oracleExceptions = map[string]string{}

type oracleFile struct {
	Prepare map[string]struct {
		Parse      map[string]any `json:"parse"`
		ParseError *string        `json:"parse_error"`
	} `json:"prepare"`
	Argparse      map[string]map[string]any `json:"argparse"`
	ArgparseOther map[string]map[string]any `json:"argparse_other"`
	Usage         map[string]struct {
		Parameters []string `json:"valohai_parameters"`
		Inputs     []string `json:"valohai_inputs"`
	} `json:"usage"`
}

// jsonValue is a Value as the oracle writes it (json.dumps of the
// Python value; tuples become lists).
func jsonValue(v Value) any {
	switch v.Kind {
	case None:
		return nil
	case Bool:
		return v.Bool
	case Int, Float:
		return v.Num
	case String:
		return v.Text
	case List, Tuple, Set:
		out := []any{}
		for _, it := range v.Items {
			out = append(out, jsonValue(it))
		}
		return out
	case DictV:
		out := map[string]any{}
		for k := 0; k+1 < len(v.Items); k += 2 {
			out[jsonKey(v.Items[k])] = jsonValue(v.Items[k+1])
		}
		return out
	}
	return map[string]any{"__expr__": v.Text}
}

func jsonKey(v Value) string {
	b, _ := json.Marshal(jsonValue(v))
	if v.Kind == String {
		return v.Text
	}
	return string(b)
}

func canon(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "!" + err.Error()
	}
	var back any
	_ = json.Unmarshal(b, &back)
	b, _ = json.Marshal(back)
	return string(b)
}

type oracleRun struct {
	t                     *testing.T
	diffs                 map[string]string
	pairs, files, compars int
	calls                 int
	prepares, parseErrors int // prepare entries; those with parse_error
	argparseFiles         int
}

func (o *oracleRun) compare(key string, want, got any) {
	o.compars++
	w, g := canon(want), canon(got)
	if w != g {
		o.diffs[key] = "want " + w + "\n\t got " + g
	}
}

func TestOracle(t *testing.T) {
	dir := filepath.Join(corpus.Dir(t), "python-pairs")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Skipf("no python-pairs corpus at %s: %v", dir, err)
	}
	run := &oracleRun{t: t, diffs: map[string]string{}}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		pairDir := filepath.Join(dir, e.Name())
		raw, err := os.ReadFile(filepath.Join(pairDir, "oracle.json"))
		if err != nil {
			continue
		}
		var o oracleFile
		if err := json.Unmarshal(raw, &o); err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		run.pairs++
		cache := map[string]*Script{}
		read := func(file string) *Script {
			if s, ok := cache[file]; ok {
				return s
			}
			src, err := os.ReadFile(filepath.Join(pairDir, file))
			if err != nil {
				t.Fatalf("%s/%s: %v", e.Name(), file, err)
			}
			s := Read(src)
			cache[file] = s
			run.files++
			return s
		}
		for file, p := range o.Prepare {
			run.prepares++
			if p.ParseError != nil {
				run.parseErrors++
			}
			run.comparePrepare(e.Name()+"/"+file, read(file), p.Parse, p.ParseError)
		}
		for _, sec := range []map[string]map[string]any{o.Argparse, o.ArgparseOther} {
			for file, a := range sec {
				if _, bad := a["syntax_error"]; bad {
					continue
				}
				run.argparseFiles++
				run.compareArgparse(e.Name()+"/"+file, read(file), a)
			}
		}
		for file, u := range o.Usage {
			s := read(file)
			run.compare(e.Name()+"/"+file+":valohai_parameters", sortedSet(u.Parameters), sortedSet(useNames(s.Parameters)))
			run.compare(e.Name()+"/"+file+":valohai_inputs", sortedSet(u.Inputs), sortedSet(useNames(s.Inputs)))
		}
	}
	if run.pairs == 0 {
		t.Skipf("no pairs in %s", dir)
	}
	keys := make([]string, 0, len(run.diffs))
	for k := range run.diffs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	excepted := 0
	for _, k := range keys {
		if why, ok := oracleExceptions[k]; ok {
			excepted++
			t.Logf("known difference %s (%s)", k, why)
			continue
		}
		t.Errorf("%s:\n\t%s", k, run.diffs[k])
	}
	for k := range oracleExceptions {
		if _, ok := run.diffs[k]; !ok {
			t.Errorf("exception %s no longer differs; remove it from the table", k)
		}
	}
	t.Logf("%d pairs, %d files read; %d prepare parses (%d parse_error), %d argparse files with %d listed add_argument calls; "+
		"%d comparisons, %d equal, %d listed exceptions",
		run.pairs, run.files, run.prepares, run.parseErrors, run.argparseFiles, run.calls,
		run.compars, run.compars-len(run.diffs), excepted)
}

func useNames(us []Use) []string {
	out := []string{}
	for _, u := range us {
		out = append(out, u.Name)
	}
	return out
}

func sortedSet(s []string) []string {
	m := map[string]bool{}
	out := []string{}
	for _, x := range s {
		if !m[x] {
			m[x] = true
			out = append(out, x)
		}
	}
	sort.Strings(out)
	return out
}

// comparePrepare compares valohai-utils' parse. When it raised an error
// (parse_error), the reader must report the call with a keyword that
// cannot be read, which is where valohai-utils stops.
func (o *oracleRun) comparePrepare(key string, s *Script, parse map[string]any, parseErr *string) {
	if parseErr != nil {
		got := "no call"
		if s.Prepare != nil {
			got = "call with every keyword readable"
			if len(s.Prepare.Unreadable) > 0 {
				got = "unreadable"
			}
		}
		o.compare(key+":parse_error", "unreadable", got)
		return
	}
	p := s.Prepare
	if parse["step"] == nil {
		got := "no call"
		if p != nil {
			got = "call"
		}
		o.compare(key+":step", "no call", got)
		return
	}
	if p == nil {
		o.compare(key+":step", parse["step"], nil)
		return
	}
	str := func(s Str, dflt any) any {
		if !s.Set {
			return dflt
		}
		if !s.Literal {
			return map[string]any{"__unread__": true}
		}
		return s.Value
	}
	dict := func(d *Dict) any {
		if d == nil {
			return map[string]any{}
		}
		if !d.Literal {
			return map[string]any{"__unread__": true}
		}
		out := map[string]any{}
		for _, e := range d.Entries {
			out[e.Key] = jsonValue(e.Value)
		}
		return out
	}
	o.compare(key+":step", parse["step"], str(p.Step, "default"))
	o.compare(key+":image", parse["image"], str(p.Image, nil))
	o.compare(key+":environment", parse["environment"], str(p.Environment, nil))
	o.compare(key+":upload_store", parse["upload_store"], str(p.UploadStore, nil))
	o.compare(key+":default_parameters", parse["default_parameters"], dict(p.DefaultParameters))
	o.compare(key+":default_inputs", parse["default_inputs"], dict(p.DefaultInputs))
	multifile := false
	if p.Multifile != nil {
		multifile = truthy(*p.Multifile)
	}
	o.compare(key+":multifile", parse["multifile"], multifile)
	o.compare(key+":unreadable", 0, len(p.Unreadable))
}

func truthy(v Value) bool {
	switch v.Kind {
	case None:
		return false
	case Bool:
		return v.Bool
	case Int, Float:
		return v.Num != 0
	case String:
		return v.Text != ""
	case List, Tuple, Set, DictV:
		return len(v.Items) > 0
	}
	return true
}

func (o *oracleRun) compareArgparse(key string, s *Script, want map[string]any) {
	o.compare(key+":parse_args_calls", want["parse_args_calls"], s.ParseArgs)
	o.compare(key+":parse_known_args_calls", want["parse_known_args_calls"], s.ParseKnownArgs)
	o.compare(key+":parses_with", want["parses_with"], s.ParsesWith())
	wantArgs, _ := want["arguments"].([]any)
	var got []map[string]any
	for _, a := range s.Arguments {
		if a.HasLong() {
			got = append(got, argumentJSON(a))
		}
	}
	o.compare(key+":arguments.count", len(wantArgs), len(got))
	for i := 0; i < len(wantArgs) && i < len(got); i++ {
		o.calls++
		w, _ := wantArgs[i].(map[string]any)
		name := strings.Join(toStrings(w["options"]), ",")
		o.compare(key+":"+name, w, got[i])
	}
}

func toStrings(v any) []string {
	l, _ := v.([]any)
	var out []string
	for _, x := range l {
		s, _ := x.(string)
		out = append(out, s)
	}
	return out
}

// argumentJSON writes an Argument as the oracle does.
func argumentJSON(a Argument) map[string]any {
	m := map[string]any{
		"options":        a.Options,
		"first_is_long":  a.FirstIsLong(),
		"line":           a.Line,
		"dest":           nil,
		"effective_dest": a.EffectiveDest(),
		"type":           nil,
		"has_default":    a.HasDefault,
		"default":        nil,
		"action":         nil,
		"required":       nil,
		"choices":        nil,
	}
	if a.Dest.Literal {
		m["dest"] = a.Dest.Value
	}
	if a.Type != "" {
		m["type"] = a.Type
	}
	if a.HasDefault {
		if a.Default.Kind == Expr {
			m["default_expr"] = a.Default.Text
		} else {
			m["default"] = jsonValue(a.Default)
		}
	}
	if a.Action != "" {
		m["action"] = a.Action
	} else if a.ActionExpr != "" {
		m["action"] = a.ActionExpr
	}
	if a.RequiredValue != nil {
		m["required"] = jsonValue(*a.RequiredValue)
	}
	if a.Choices != nil {
		if a.Choices.Kind == Expr {
			m["choices_expr"] = a.Choices.Text
		} else {
			m["choices"] = jsonValue(*a.Choices)
		}
	}
	if a.Nargs != nil {
		m["nargs"] = jsonValue(*a.Nargs)
	}
	return m
}
