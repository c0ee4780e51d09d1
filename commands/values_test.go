package commands

import (
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/pyvalue"
)

// TestCheck accepts what valohai-yaml's Parameter.validate accepts.
func TestCheck(t *testing.T) {
	spec := &Spec{Params: []*Param{
		{Name: "i", Type: "integer"},
		{Name: "f", Type: "float"},
		{Name: "b", Type: "flag"},
		{Name: "m", Type: "integer", Multiple: Repeat},
		{Name: "s", Type: "string"},
		{Name: "ci", Type: "integer", Choices: []pyvalue.Value{pyvalue.NewInt(1), pyvalue.NewInt(2)}},
		{Name: "cf", Type: "float", Choices: []pyvalue.Value{pyvalue.NewFloat(0.5), pyvalue.NewInt(1)}},
		{Name: "cs", Type: "string", Choices: []pyvalue.Value{pyvalue.NewStr("adam"), pyvalue.NewStr("sgd"), pyvalue.NewStr("5")}},
		{Name: "cm", Type: "string", Multiple: Separate, Choices: []pyvalue.Value{pyvalue.NewStr("a"), pyvalue.NewStr("b")}},
	}}
	for _, tc := range []struct {
		values, err string
	}{
		{`{"i": 3, "f": 1.5, "b": true, "m": [1, 2], "s": "x"}`, ""},
		{`{"i": "12", "f": "1e-3", "b": 0, "m": 4, "s": null}`, ""},
		{`{"f": 2, "i": "1_000"}`, ""},
		{`{"i": 1.5}`, "is an integer"},
		{`{"i": true}`, "is an integer"},
		{`{"f": "abc"}`, "is a float"},
		{`{"b": "true"}`, "is a flag"},
		{`{"i": [1]}`, "not multiple"},
		{`{"m": [[1]]}`, "a list inside a list"},
		{`{"x": 1}`, `no parameter "x"`},
		{`{"s": {"a": 1}}`, "is not a value"},
		{`{"ci": 2, "cf": 1, "cs": "sgd", "cm": ["a", "b"]}`, ""},
		{`{"ci": "2", "cf": "0.5", "cm": "b"}`, ""},
		{`{"cf": 1.0, "ci": "+1"}`, ""},
		{`{"ci": 3}`, `"ci": 3 is not one of its choices (1, 2)`},
		{`{"cf": 0.25}`, `"cf": 0.25 is not one of its choices (0.5, 1)`},
		{`{"cs": "rmsprop"}`, `'rmsprop' is not one of its choices ('adam', 'sgd', '5')`},
		{`{"cs": 5}`, "is not one of its choices"},
		{`{"cm": ["a", "c"]}`, `"cm": 'c' is not one of`},
	} {
		values, names, err := ValuesFromJSON([]byte(tc.values))
		if err != nil {
			t.Fatal(err)
		}
		err = spec.Check(values, names)
		if (tc.err == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tc.err)) {
			t.Errorf("%s: %v, want %q", tc.values, err, tc.err)
		}
	}
}
