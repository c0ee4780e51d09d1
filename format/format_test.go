package format

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/udiff"
)

// TestFixtures formats each testdata/NAME.yaml, with the options of its
// first line ("# format: indent=N sequences=STYLE"), into NAME.want.yaml,
// and the result into itself.
func TestFixtures(t *testing.T) {
	inputs, err := filepath.Glob("testdata/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, in := range inputs {
		if strings.HasSuffix(in, ".want.yaml") {
			continue
		}
		n++
		name := strings.TrimSuffix(filepath.Base(in), ".yaml")
		t.Run(name, func(t *testing.T) {
			src := read(t, in)
			want := read(t, strings.TrimSuffix(in, ".yaml")+".want.yaml")
			o := fixtureOptions(t, src)
			r, err := Format(src, o)
			if err != nil {
				t.Fatal(err)
			}
			if r.Text != want {
				t.Errorf("formatted text differs from the .want file:\n%s", udiff.Diff("want", "got", want, r.Text))
			}
			if again, err := Format(r.Text, o); err != nil || again.Text != r.Text {
				t.Errorf("formatting the result changes it:\n%s", udiff.Diff("once", "twice", r.Text, again.Text))
			}
			if got := apply(src, r.Edits()); got != r.Text {
				t.Errorf("the edits do not make the formatted text:\n%s", udiff.Diff("want", "edits", r.Text, got))
			}
		})
	}
	if n == 0 {
		t.Fatal("no fixtures")
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func fixtureOptions(t *testing.T, src string) Options {
	t.Helper()
	var o Options
	first, _, _ := strings.Cut(strings.TrimSuffix(src, "\r"), "\n")
	spec, ok := strings.CutPrefix(strings.TrimSpace(first), "# format:")
	if !ok {
		return o
	}
	for _, f := range strings.Fields(spec) {
		k, v, _ := strings.Cut(f, "=")
		switch k {
		case "indent":
			n, err := strconv.Atoi(v)
			if err != nil {
				t.Fatal(err)
			}
			o.Indent = n
		case "sequences":
			o.Sequences = map[string]SeqStyle{"auto": SeqAuto, "indented": SeqIndented, "flush": SeqFlush}[v]
		default:
			t.Fatalf("unknown fixture option %q", k)
		}
	}
	return o
}

// apply applies edits, which do not overlap, to text.
func apply(text string, edits []Edit) string {
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i]
		text = text[:e.Start] + e.NewText + text[e.End:]
	}
	return text
}

func TestKept(t *testing.T) {
	r, err := Format(read(t, "testdata/odd.yaml"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(r.Kept, "complex key") {
		t.Errorf("Kept = %q, want the complex key named", r.Kept)
	}
}

func TestSyntaxError(t *testing.T) {
	for _, src := range []string{"- step:\n    name: [a\n", "a: b\n c: d\n", "- a\nb: c\n"} {
		r, err := Format(src, Options{})
		if !errors.Is(err, ErrSyntax) || r != nil {
			t.Errorf("Format(%q) = %v, %v; want ErrSyntax", src, r, err)
		}
	}
}

func TestRangeEdits(t *testing.T) {
	src := "- step:\n      name: a  \n      image: b\n- step:\n      name: c  \n      image: d\n"
	r, err := Format(src, Options{Indent: 2})
	if err != nil {
		t.Fatal(err)
	}
	// A range inside the second item formats that item only.
	got := apply(src, r.RangeEdits(4, 4))
	want := "- step:\n      name: a  \n      image: b\n\n- step:\n    name: c\n    image: d\n"
	if got != want {
		t.Errorf("range formatting:\n%s", udiff.Diff("want", "got", want, got))
	}
	if got := apply(src, r.RangeEdits(0, 5)); got != r.Text {
		t.Errorf("a range over the whole file is not the whole formatting:\n%s", udiff.Diff("want", "got", r.Text, got))
	}
}
