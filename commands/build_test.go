package commands

import (
	"reflect"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
)

// TestBuild builds the commands of one step with its defaults.
func TestBuild(t *testing.T) {
	for _, tc := range []struct {
		name, params, command string
		want                  []string
		// err is a part of the error's message, reason its reason.
		err    string
		reason Reason
	}{
		{"parameters in order", `
      - {name: lr, type: float, default: 0.001}
      - {name: epochs, type: integer, default: 10}
      - {name: title, default: two words}
      - {name: verbose, type: flag, default: true}
      - {name: quiet, type: flag, default: false}
      - {name: unset, type: integer}`,
			"python train.py {parameters}", []string{"python train.py --lr=0.001 --epochs=10 '--title=two words' --verbose"}, "", 0},
		{"pass-as forms", `
      - {name: a, default: x, pass-as: "-a {v}"}
      - {name: b, type: flag, default: false, pass-true-as: --yes, pass-false-as: --no}
      - {name: c, type: flag, default: true, pass-true-as: "", pass-false-as: --no}
      - {name: d, default: "it's", pass-as: "{name}={value!r}"}`,
			"run {params}", []string{`run -a x --no 'd="it'"'"'s"'`}, "", 0},
		{"multiple", `
      - {name: r, multiple: repeat, default: [1, 2]}
      - {name: s, multiple: separate, multiple-separator: ";", default: [a, b]}
      - {name: e, multiple: separate, default: []}
      - {name: one, multiple: Repeat, default: 3}`,
			"go {parameters} {parameter-value:s}", []string{`go --r=1 --r=2 '--s=a;b' --one=3 '['"'"'a'"'"', '"'"'b'"'"']'`}, "", 0},
		{"named placeholders", `
      - {name: a, default: 1}
      - {name: b}`,
			"x {parameter:a} {parameter:b} {parameter:zz} {parameter-value:a} {parameter-value:b} {other} {source-path}",
			[]string{"x --a=1  {parameter:zz} 1 {parameter-value:b} {other} {source-path}"}, "", 0},
		{"malformed template keeps the line", `
      - {name: a, default: 1, pass-as: "-a {}"}`,
			"  x {parameters}  ", []string{"x {parameters}"}, "", 0},
		{"no placeholder, no build", `
      - {name: a, default: [1, 2]}`,
			"echo hi", []string{"echo hi"}, "", 0},
		{"an empty mapping is false, as in Python", `
      - {name: a, default: 1, pass-as: {}}
      - {name: b, type: flag, default: true, pass-true-as: {}, pass-false-as: --no}`,
			"x {parameters}", []string{"x --a=1"}, "", 0},
		{"ints beyond 64 bits print exactly", `
      - {name: a, type: integer, default: 0x1_0000_0000_0000_0000}
      - {name: b, type: integer, multiple: repeat, default: [123456789012345678901234567890, 1:30]}`,
			"x {parameters}", []string{"x --a=18446744073709551616 --b=123456789012345678901234567890 --b=90"}, "", 0},
		{"list for a single parameter", `
      - {name: a, default: [1, 2]}`,
			"x {parameters}", nil, "not multiple", ReasonListValue},
		{"a value not previewed is named as Python prints it", `
      - {name: a, default: é, pass-as: "--a={value!a}"}`,
			"x {parameter:a}", nil, `parameter "a" ('é') is not previewed`, ReasonOther},
		{"unknown template field", `
      - {name: a, default: 1, pass-as: "--a={lr}"}`,
			"x {parameter:a}", nil, "{lr}", ReasonUnknownField},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := "- step:\n    name: s\n    image: x\n    command: " + tc.command + "\n    parameters:" + tc.params + "\n"
			x := model.Of(document.New("file:///p/valohai.yaml", 1, text))
			spec, err := Step(x, x.Lookup(model.KindStep, "s"))
			if err != nil {
				t.Fatal(err)
			}
			got, err := spec.Build(spec.Defaults())
			if tc.err != "" {
				e, ok := err.(*Error)
				if !ok || !strings.Contains(e.Msg, tc.err) || e.Reason != tc.reason {
					t.Fatalf("error %v, want one saying %q", err, tc.err)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("got %q (%v)\nwant %q", got, err, tc.want)
			}
		})
	}
}

// TestNode merges a node's override: an override parameter replaces the
// step's whole, its command the step's.
func TestNode(t *testing.T) {
	text := `- step:
    name: s
    image: x
    command: python a.py {parameters}
    parameters:
      - {name: a, type: integer, default: 1, pass-as: "-a {v}"}
      - {name: b, default: x}
- pipeline:
    name: p
    nodes:
      - name: n1
        type: execution
        step: s
        override:
          parameters:
            - {name: a, default: 2}
            - {name: extra, default: y}
      - name: n2
        type: execution
        step: s
        override:
          command:
            - echo {parameter:b}
      - name: n3
        type: execution
        step: s
        override:
          parameters:
            - {name: null, default: z}
      - name: n4
        type: execution
        step: s
        override:
          parameters:
            - {name: "5", default: z}
    edges: []
`
	x := model.Of(document.New("file:///p/valohai.yaml", 1, text))
	pl := x.Lookup(model.KindPipeline, "p")
	for node, want := range map[string][]string{
		"n1": {"python a.py --a=2 --b=x --extra=y"},
		"n2": {"echo --b=x"},
		"n4": {"python a.py -a 1 --b=x --5=z"},
	} {
		spec, err := Node(x, model.Child(pl, model.KindNode, node))
		if err != nil {
			t.Fatal(err)
		}
		got, err := spec.Build(spec.Defaults())
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %q (%v), want %q", node, got, err, want)
		}
	}
	// An override parameter whose name YAML reads as no text: valohai-yaml
	// formats that value, not the text written.
	_, err := Node(x, model.Child(pl, model.KindNode, "n3"))
	if e, ok := err.(*Error); !ok || e.Kind != Unsupported || !strings.Contains(e.Msg, "not text") {
		t.Errorf("n3: error %v, want one saying the name is not text", err)
	}
}

// TestStepUnreadParams checks the steps whose parameters the model could
// not all read: a name YAML reads as no text is not previewed (the name
// valohai-yaml formats is not the text written), nor a parameter with no
// name, and a list item that is not a mapping is not loaded by
// valohai-yaml; the same name quoted is text, and builds.
func TestStepUnreadParams(t *testing.T) {
	for _, tc := range []struct {
		name, params string
		want         []string
		kind         ErrorKind
		err          string
	}{
		{"number", "\n      - {name: 5, default: 1}", nil, Unsupported, "not text"},
		{"null", "\n      - {name: null, default: 1}\n      - {name: a, default: 1}", nil, Unsupported, "not text"},
		{"boolean", "\n      - {name: a, default: 1}\n      - {name: yes, default: 1}", nil, Unsupported, "not text"},
		{"empty name", "\n      - {name: '', default: 1}", nil, Unsupported, "no name"},
		{"not a mapping", "\n      - lr\n      - {name: a, default: 1}", nil, Unbuildable, "not a mapping"},
		{"not a list", " {a: {default: 1}}", nil, Unsupported, "not a list"},
		{"quoted number", "\n      - {name: '5', default: 1}", []string{"x --5=1"}, 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := "- step:\n    name: s\n    image: x\n    command: x {parameters}\n    parameters:" + tc.params + "\n"
			x := model.Of(document.New("file:///p/valohai.yaml", 1, text))
			spec, err := Step(x, x.Lookup(model.KindStep, "s"))
			if tc.err != "" {
				e, ok := err.(*Error)
				if !ok || e.Kind != tc.kind || !strings.Contains(e.Msg, tc.err) {
					t.Fatalf("error %v, want one of kind %d saying %q", err, tc.kind, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got, err := spec.Build(spec.Defaults()); err != nil || !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("got %q (%v), want %q", got, err, tc.want)
			}
		})
	}
}
