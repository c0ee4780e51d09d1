package model

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/fixture"
)

// TestFixtures checks the model of each fixture against what is written
// above it (see testdata/model.txt).
func TestFixtures(t *testing.T) {
	cases, err := fixture.Read(filepath.Join("testdata", "model.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			x := Of(document.New("file:///w/valohai.yaml", 1, c.Text))
			check := func(key string, got []string) {
				if _, ok := c.Expect[key]; !ok {
					return
				}
				want := c.List(key)
				slices.Sort(got)
				slices.Sort(want)
				if !slices.Equal(got, want) {
					t.Errorf("%s: got %q, want %q", key, got, want)
				}
			}
			check("items", items(x))
			check("unresolved", refs(x, (*Ref).Unresolved))
			check("unsure", refs(x, func(r *Ref) bool { return r.Target == nil && r.Unsure }))
			check("loose", refs(x, func(r *Ref) bool { return r.Target == nil && r.Loose }))
			check("may-define", mayDefine(x))
			for _, e := range c.Expect["names"] {
				kind, want, _ := strings.Cut(e, "=")
				if got := strings.Join(x.Names(Kind(kind)), ","); got != want {
					t.Errorf("names of %s: got %q, want %q", kind, got, want)
				}
			}
			for _, e := range c.Expect["step-of"] {
				node, want, _ := strings.Cut(e, "=")
				if got := stepOf(x, node); got != want {
					t.Errorf("step of node %s: got %q, want %q", node, got, want)
				}
			}
			for _, e := range c.Expect["children"] {
				what, want, _ := strings.Cut(e, "=")
				item, kind, _ := strings.Cut(what, ".")
				if got := strings.Join(ChildNames(x.Lookup(KindStep, item), Kind(kind)), ","); got != want {
					t.Errorf("%s of %s: got %q, want %q", kind, item, got, want)
				}
			}
		})
	}
}

func items(x *Model) []string {
	var out []string
	for _, s := range x.Items {
		name := s.Name
		if name == "" {
			name = "(unnamed)"
		}
		if s.Broken {
			name += "!"
		}
		out = append(out, string(s.Kind)+":"+name)
	}
	return out
}

func refs(x *Model, keep func(*Ref) bool) []string {
	out := []string{}
	for _, r := range x.Refs() {
		if keep(r) {
			out = append(out, string(r.Kind)+":"+r.Name)
		}
	}
	return out
}

func mayDefine(x *Model) []string {
	var out []string
	for _, k := range []Kind{KindStep, KindTask, KindEndpoint, KindDeployment, KindPipeline} {
		if x.MayDefine(k) {
			out = append(out, string(k))
		}
	}
	return out
}

var statusNames = map[StepStatus]string{StepNone: "none", StepFound: "found", StepMissing: "missing", StepElsewhere: "elsewhere", StepUnsure: "unsure"}

func stepOf(x *Model, node string) string {
	for _, p := range x.All(KindPipeline) {
		if n := Child(p, KindNode, node); n != nil {
			st := x.StepOf(n)
			return fmt.Sprintf("%s:%s", statusNames[st.Status], st.Name)
		}
	}
	return "no such node"
}
