package pyvalue

import (
	"encoding/json"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// read returns the value of key a in a YAML text "a: …" (with anchors
// written before it when the text needs them).
func read(t *testing.T, text string) Value {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		t.Fatalf("%s: %v", text, err)
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "a" {
			return Of(m.Content[i+1])
		}
	}
	t.Fatalf("%s: no key a", text)
	return Value{}
}

// noPrint marks a value this package does not print.
const noPrint = "-"

// TestOf reads values as PyYAML types them, tests their truth as Python's
// bool() does, and prints them as Python's repr() and str() do.
func TestOf(t *testing.T) {
	for _, tc := range []struct {
		yaml      string
		kind      Kind
		truthy    bool
		repr, str string
	}{
		{"1_000", Int, true, "1000", "1000"},
		{"0x1F", Int, true, "31", "31"},
		{"0o17", Str, true, "'0o17'", "0o17"}, // YAML 1.2's octal is text in YAML 1.1
		{"017", Int, true, "15", "15"},
		{"0b101", Int, true, "5", "5"},
		{"1:30", Int, true, "90", "90"},
		{"-1:30", Int, true, "-90", "-90"},
		{"190:20:30", Int, true, "685230", "685230"},
		{"-0", Int, false, "0", "0"},
		{"0", Int, false, "0", "0"},
		{"123456789012345678901234567890", Int, true, "123456789012345678901234567890", "123456789012345678901234567890"},
		{"0x1_0000_0000_0000_0000", Int, true, "18446744073709551616", "18446744073709551616"},
		{"1.5", Float, true, "1.5", "1.5"},
		{"1.0e+5", Float, true, "100000.0", "100000.0"},
		{"1.0e+400", Float, true, "inf", "inf"},
		{".inf", Float, true, "inf", "inf"},
		{"-.inf", Float, true, "-inf", "-inf"},
		{".NaN", Float, true, "nan", "nan"},
		{"0.0", Float, false, "0.0", "0.0"},
		{"-0.0", Float, false, "-0.0", "-0.0"},
		{"1:30.5", Float, true, "90.5", "90.5"},
		{"1_0.5", Float, true, "10.5", "10.5"},
		{".5", Float, true, "0.5", "0.5"},
		{"100000000000000000.0", Float, true, "1e+17", "1e+17"},
		{"0.00001", Float, true, "1e-05", "1e-05"},
		{"12345678901234567.0", Float, true, "1.2345678901234568e+16", "1.2345678901234568e+16"},
		{"1e5", Str, true, "'1e5'", "1e5"},
		{"yes", Bool, true, "True", "True"},
		{"Off", Bool, false, "False", "False"},
		{"y", Str, true, "'y'", "y"},
		{"~", None, false, "None", "None"},
		{"", None, false, "None", "None"},
		{`""`, Str, false, "''", ""},
		{`"yes"`, Str, true, "'yes'", "yes"},
		{`'1:30'`, Str, true, "'1:30'", "1:30"},
		{`"it's"`, Str, true, `"it's"`, "it's"},
		{`'x"y''z'`, Str, true, `'x"y\'z'`, `x"y'z`},
		{`"\t\x01é\u200b"`, Str, true, `'\t\x01é\u200b'`, "\t\x01é\u200b"},
		{"!!int 12", Int, true, "12", "12"},
		{"!!str 12", Str, true, "'12'", "12"},
		{"!!int abc", Int, false, noPrint, noPrint},
		{"2020-09-02", Date, true, noPrint, "2020-09-02"},
		{"2020-09-02T10:00:00Z", Date, true, noPrint, "2020-09-02 10:00:00+00:00"},
		{"2020-02-31", Date, true, noPrint, noPrint},
		{"[a, 1.5, null, true]", List, true, "['a', 1.5, None, True]", "['a', 1.5, None, True]"},
		{"[]", List, false, "[]", "[]"},
		{"[2020-09-02]", List, true, noPrint, noPrint},
		{"{}", Dict, false, noPrint, noPrint},
		{"{b: 1}", Dict, true, noPrint, noPrint},
		{"{b: 1, b: 2}", Dict, true, noPrint, noPrint},
		{"[{}]", List, true, noPrint, noPrint},
		{"x: &e {}\na: {<<: *e}", Dict, false, noPrint, noPrint},
		{"x: &n 5\na: *n", Int, true, "5", "5"},
	} {
		text := tc.yaml
		if !strings.Contains(text, "a:") {
			text = "a: " + text
		}
		v := read(t, text)
		if v.Kind != tc.kind {
			t.Errorf("%s: kind %v, want %v", tc.yaml, v.Kind, tc.kind)
		}
		if v.Truthy() != tc.truthy {
			t.Errorf("%s: truthy %v, want %v", tc.yaml, v.Truthy(), tc.truthy)
		}
		if got := printed(v.Repr()); got != tc.repr {
			t.Errorf("%s: repr %q, want %q", tc.yaml, got, tc.repr)
		}
		if got := printed(v.Str()); got != tc.str {
			t.Errorf("%s: str %q, want %q", tc.yaml, got, tc.str)
		}
	}
}

func printed(s string, ok bool) string {
	if !ok {
		return noPrint
	}
	return s
}

// TestEqual compares as Python's == does: numbers by value and exactly,
// bools as 0 and 1, dates by what they are.
func TestEqual(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"1", "1.0", true},
		{"1", "true", true},
		{"0", "no", true},
		{"0x1F", "31", true},
		{"1:30", "90.0", true},
		{"1_000", "1000", true},
		{"9007199254740993", "9007199254740992", false}, // beyond 2**53: exact, not as floats
		{"9007199254740993", "9007199254740992.0", false},
		{"9007199254740992", "9007199254740992.0", true},
		{"123456789012345678901234567890", "123456789012345678901234567890", true},
		{"123456789012345678901234567890", "123456789012345678901234567891", false},
		{".inf", ".inf", true},
		{".inf", "123456789012345678901234567890", false},
		{".nan", ".nan", false},
		{"1", `"1"`, false},
		{"abc", `"abc"`, true},
		{"~", "null", true},
		{"~", `""`, false},
		{"2020-09-02", "2020-09-02", true},
		{"2020-9-2 10:00:00", "2020-09-02 10:00:00", true},
		{"2020-09-02", "2020-09-02 00:00:00", false}, // a date is no datetime
		{"2020-09-02", `"2020-09-02"`, false},
		{"[1, a]", "[1.0, a]", true},
		{"[1, a]", "[1]", false},
		{"{}", "{}", false}, // a mapping's keys are not kept: never said equal
		{"!!int abc", "!!int abc", false},
	} {
		a, b := read(t, "a: "+tc.a), read(t, "a: "+tc.b)
		if got := Equal(a, b); got != tc.want {
			t.Errorf("%s == %s: %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if got := Equal(b, a); got != tc.want {
			t.Errorf("%s == %s: %v, want %v", tc.b, tc.a, got, tc.want)
		}
	}
}

// TestCompare orders numbers as Python does; no number and NaN do not
// compare.
func TestCompare(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
		ok   bool
	}{
		{"1", "2", -1, true},
		{"2.5", "2", 1, true},
		{"true", "0.5", 1, true},
		{"9007199254740993", "9007199254740992.0", 1, true},
		{"-.inf", "-123456789012345678901234567890", -1, true},
		{"1.0e+400", "10", 1, true},
		{".nan", "1", 0, false},
		{"a", "1", 0, false},
		{"!!int abc", "1", 0, false},
	} {
		got, ok := Compare(read(t, "a: "+tc.a), read(t, "a: "+tc.b))
		if got != tc.want || ok != tc.ok {
			t.Errorf("compare(%s, %s) = %d, %v; want %d, %v", tc.a, tc.b, got, ok, tc.want, tc.ok)
		}
	}
}

// TestDescribe says what a value is in both message styles: as written,
// and as Python prints it.
func TestDescribe(t *testing.T) {
	for _, tc := range []struct{ yaml, written, repr string }{
		{"0x1F", "the number 0x1F", "31"},
		{"yes", "the boolean yes", "True"},
		{"~", "empty", "None"},
		{"abc", `"abc"`, "'abc'"},
		{"2020-09-02", "the date 2020-09-02", "2020-09-02"},
		{"2020-02-31", "the date 2020-02-31", "the date 2020-02-31"},
		{"!!float abc", "the number abc", "the number abc"},
		{"[1]", "a list", "[1]"},
		{"{b: 1}", "a mapping", "a mapping"},
	} {
		v := read(t, "a: "+tc.yaml)
		if got := v.DescribeWritten(); got != tc.written {
			t.Errorf("%s: written %q, want %q", tc.yaml, got, tc.written)
		}
		if got := v.DescribeRepr(); got != tc.repr {
			t.Errorf("%s: repr %q, want %q", tc.yaml, got, tc.repr)
		}
	}
}

// TestConversions answers whether int(str(v)) and float(str(v)) succeed.
func TestConversions(t *testing.T) {
	for _, tc := range []struct {
		yaml         string
		intOK, float bool
	}{
		{"12", true, true},
		{"1.5", false, true},
		{`"12"`, true, true},
		{`" 1_000 "`, true, true},
		{`"1e3"`, false, true},
		{"abc", false, false},
		{"yes", false, false},
		{"[1]", false, false},
	} {
		v := read(t, "a: "+tc.yaml)
		if v.IntOK() != tc.intOK || v.FloatOK() != tc.float {
			t.Errorf("%s: IntOK %v FloatOK %v, want %v %v", tc.yaml, v.IntOK(), v.FloatOK(), tc.intOK, tc.float)
		}
	}
}

// TestFromJSON reads JSON as Python's json module does.
func TestFromJSON(t *testing.T) {
	for _, tc := range []struct {
		json   string
		kind   Kind
		truthy bool
		repr   string
	}{
		{"3", Int, true, "3"},
		{"123456789012345678901234567890", Int, true, "123456789012345678901234567890"},
		{"3.0", Float, true, "3.0"},
		{"1e400", Float, true, "inf"},
		{`"x"`, Str, true, "'x'"},
		{"null", None, false, "None"},
		{"false", Bool, false, "False"},
		{"[1, \"a\"]", List, true, "[1, 'a']"},
		{"{}", Dict, false, noPrint},
		{`{"a": 1}`, Dict, true, noPrint},
	} {
		d := json.NewDecoder(strings.NewReader(tc.json))
		d.UseNumber()
		var raw any
		if err := d.Decode(&raw); err != nil {
			t.Fatal(err)
		}
		v := FromJSON(raw)
		if v.Kind != tc.kind || v.Truthy() != tc.truthy || printed(v.Repr()) != tc.repr {
			t.Errorf("%s: %v %v %q, want %v %v %q", tc.json, v.Kind, v.Truthy(), printed(v.Repr()), tc.kind, tc.truthy, tc.repr)
		}
	}
}

// TestTimestamp prints dates as Python's str() of what PyYAML makes.
func TestTimestamp(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2020-09-02T00:00:00.000000Z", "2020-09-02 00:00:00+00:00"},
		{"2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.100000-05:00"},
		{"2001-12-14 21:59:43.10 -5", "2001-12-14 21:59:43.100000-05:00"},
		{"2002-12-14", "2002-12-14"},
		{"2001-12-14 21:59:43 +00:30", "2001-12-14 21:59:43+00:30"},
		{"2001-12-14 21:59:43 -00:00", "2001-12-14 21:59:43+00:00"},
		{"2001-12-14 21:59:43", "2001-12-14 21:59:43"},
	} {
		if got, ok := timestamp(tc.in); !ok || got != tc.want {
			t.Errorf("%s: %q (%v), want %q", tc.in, got, ok, tc.want)
		}
	}
}
