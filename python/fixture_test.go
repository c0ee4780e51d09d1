package python

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestModernFixture reads testdata/modern.py, which uses match, walrus,
// annotations, decorators, async, type aliases and parameters, and
// Python 3.12's f-strings with nested same-kind quotes.
func TestModernFixture(t *testing.T) {
	src, err := os.ReadFile("testdata/modern.py")
	if err != nil {
		t.Fatal(err)
	}
	s := Read(src)
	lineOfText := func(text string) int {
		i := strings.Index(string(src), text)
		if i < 0 {
			t.Fatalf("%q not in the fixture", text)
		}
		return strings.Count(string(src[:i]), "\n") + 1
	}

	if got, want := prepareJSON(s.Prepare), canon(map[string]any{
		"step": "train-model", "image": "python:3.12", "environment": nil, "upload_store": nil,
		"default_parameters": map[string]any{"epochs": 10, "learning_rate": 0.001, "layers": []any{64, 32}, "tag": "run-one"},
		"default_inputs":     map[string]any{"dataset": "s3://bucket/data.csv"},
		"multifile":          false,
	}); got != want {
		t.Errorf("prepare:\n got %s\nwant %s", got, want)
	}
	if s.Prepare != nil && s.Prepare.Pos.Line != lineOfText("valohai.prepare(") {
		t.Errorf("prepare line %d", s.Prepare.Pos.Line)
	}

	type arg struct {
		Options          string
		Line             int
		Dest, Type       string
		Default          string
		Action, Required string
		Choices, Nargs   string
		FirstIsLong      bool
	}
	show := func(v *Value) string {
		if v == nil {
			return ""
		}
		return canon(jsonValue(*v))
	}
	var got []arg
	for _, a := range s.Arguments {
		d := ""
		if a.HasDefault {
			d = show(&a.Default)
		}
		got = append(got, arg{strings.Join(a.Options, " "), a.Line, a.EffectiveDest(), a.Type, d,
			a.Action, show(a.RequiredValue), show(a.Choices), show(a.Nargs), a.FirstIsLong()})
	}
	want := []arg{
		{Options: "--epochs", Line: lineOfText(`"--epochs"`), Dest: "epochs", Type: "int",
			Default: `{"__expr__":"DEFAULTS['epochs']"}`, FirstIsLong: true},
		{Options: "-l --learning-rate", Line: lineOfText(`"-l", "--learning-rate"`) - 1, Dest: "lr", Type: "float",
			Default: "-0.001"},
		{Options: "--flag", Line: lineOfText(`"--flag"`), Dest: "flag", Action: "store_true", Required: "false", FirstIsLong: true},
		{Options: "--mode", Line: lineOfText(`"--mode"`), Dest: "mode", Default: "null", Choices: `["a","b"]`, Nargs: `"?"`, FirstIsLong: true},
		{Options: "--scale", Line: lineOfText(`"--scale"`), Dest: "scale", Type: "<lambda>", FirstIsLong: true},
		{Options: "--path", Line: lineOfText(`"--path"`), Dest: "path", Type: "pathlib.Path",
			Default: `{"__expr__":"vh.outputs().path(f\"{\"out\"}.txt\")"}`, FirstIsLong: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("arguments:\n got %+v\nwant %+v", got, want)
	}
	if s.ParseArgs != 0 || s.ParseKnownArgs != 1 || s.ParsesWith() != "parse_known_args" {
		t.Errorf("parse calls %d/%d %s", s.ParseArgs, s.ParseKnownArgs, s.ParsesWith())
	}
	if got, want := useNames(s.Parameters), []string{"learning_rate", "epochs"}; !reflect.DeepEqual(got, want) {
		t.Errorf("parameters %v, want %v", got, want)
	}
	if got, want := useNames(s.Inputs), []string{"dataset"}; !reflect.DeepEqual(got, want) {
		t.Errorf("inputs %v, want %v", got, want)
	}
	for _, u := range append(s.Parameters, s.Inputs...) {
		if !strings.HasPrefix(string(src[u.Pos.Offset:]), `"`+u.Name+`"`) {
			t.Errorf("use %q at offset %d: %q", u.Name, u.Pos.Offset, src[u.Pos.Offset:u.Pos.Offset+10])
		}
	}
}
