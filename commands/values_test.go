package commands

import (
	"strings"
	"testing"
)

// TestCheck accepts what valohai-yaml's Parameter.validate accepts.
func TestCheck(t *testing.T) {
	spec := &Spec{Params: []*Param{
		{Name: "i", Type: "integer"},
		{Name: "f", Type: "float"},
		{Name: "b", Type: "flag"},
		{Name: "m", Type: "integer", Multiple: Repeat},
		{Name: "s", Type: "string"},
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
