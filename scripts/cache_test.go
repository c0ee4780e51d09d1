package scripts

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/scriptgen"
	"github.com/valohai-ls/valohai-ls/project"
)

// TestCacheEqualsCheck makes random edits of a valohai.yaml and of the
// scripts its steps run, and checks that after each the cache's findings
// are those of a fresh Check, that the cache checks again no more steps
// than an edit of the YAML touched, and that it holds no step of an
// earlier version.
func TestCacheEqualsCheck(t *testing.T) {
	for _, seed := range []int64{1, 2, 3} {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			dir := t.TempDir()
			if err := scriptgen.Write(dir); err != nil {
				t.Fatal(err)
			}
			g := scriptgen.New(seed)
			text := g.Base(14)
			uri := "file://" + filepath.Join(dir, "valohai.yaml")
			k, r := NewCache(), project.NewReader()
			doc := document.New(uri, 1, text)
			parses := 0
			codes := map[string]bool{}
			edited := 0
			kinds := map[string]int{}
			reused := 0
			for i := range 400 {
				what := "open"
				if i > 0 {
					if i%9 == 0 {
						p, err := g.Disk(dir)
						if err != nil {
							t.Fatal(err)
						}
						what = "disk " + filepath.Base(p)
						if i%18 == 0 {
							// A watched change: forgotten even when
							// the stat would not tell.
							k.Forget(p)
							r.Forget(p)
						}
					} else {
						what, text = g.Next(text)
					}
					prevWhole := len(doc.Parsed().Errors) == 0
					doc = document.NewVersion(doc, int32(i+1), text)
					if prevWhole && len(doc.Parsed().Errors) == 0 {
						parses++
					} else {
						// Which items parse on their own, and so
						// which steps there are, may change more.
						what += " unparsed"
					}
				}
				kinds[strings.Fields(what)[0]]++

				got := k.Check(context.Background(), doc, dir, r)
				want := Check(context.Background(), doc, dir, project.NewReader())
				if !reflect.DeepEqual(got.Diagnostics, want.Diagnostics) || got.Key != want.Key {
					t.Fatalf("edit %d (%s): the cache finds (checked %v, reused %d)\n%s\na fresh check (checked %v)\n%s\ntext:\n%s", i, what, got.Checked, got.Reused, want.Checked, lines(text, got.Diagnostics), lines(text, want.Diagnostics), text)
				}
				if len(got.Checked)+got.Reused != len(want.Checked) {
					t.Fatalf("edit %d (%s): %d steps checked and %d reused, the file has %d", i, what, len(got.Checked), got.Reused, len(want.Checked))
				}
				if n := k.Len(); n > len(want.Checked) {
					t.Fatalf("edit %d (%s): %d steps kept, the version has %d", i, what, n, len(want.Checked))
				}
				if (what == "default" || what == "parameter" || what == "command") && !strings.Contains(text, "*ps") {
					edited++
				}
				// A step with an alias is checked each time.
				if (what == "default" || what == "parameter" || what == "command") && !strings.Contains(text, "*ps") && len(got.Checked) > 1 {
					t.Errorf("edit %d (%s) of one step checked %v again", i, what, got.Checked)
				}
				reused += got.Reused
				for _, d := range got.Diagnostics {
					codes[d.Code] = true
				}
			}
			if len(codes) < 6 {
				t.Errorf("only codes %v found: the edits do not exercise the checks", codes)
			}
			if reused == 0 || edited < 50 || parses < 100 {
				t.Errorf("%d steps reused, %d edits of one step in %d versions that parse: the test proves little", reused, edited, parses)
			}
			t.Logf("edits %v; codes %d; steps reused %d; edits of one step that parses %d; versions that parse %d", kinds, len(codes), reused, edited, parses)
		})
	}
}

// lines writes findings one a line.
func lines(text string, ds []diagnostics.Diagnostic) string {
	var b strings.Builder
	for _, l := range render(text, ds) {
		b.WriteString(l + "\n")
	}
	return b.String()
}

// TestCacheReuse checks which steps an edit checks again: the edited one
// only, none after lines inserted between steps, those whose script
// changed on disk, and those that name a step that was renamed.
func TestCacheReuse(t *testing.T) {
	dir := t.TempDir()
	if err := scriptgen.Write(dir); err != nil {
		t.Fatal(err)
	}
	step := func(name, cmd string) string {
		return fmt.Sprintf("- step:\n    name: %s\n    image: python:3.12\n    command: %s\n    parameters:\n      - name: lr\n        type: float\n        default: 0.3\n", name, cmd)
	}
	base := step("train", "python a.py {parameters}") + step("eval", "python c.py {parameters}") +
		step("prep", "python -m pkg.run") + step("s1", "python b.py") + step("s2", "python missing.py") + step("final", "python a.py")
	k, r := NewCache(), project.NewReader()
	uri := "file://" + filepath.Join(dir, "valohai.yaml")
	doc := document.New(uri, 1, base)
	first := k.Check(context.Background(), doc, dir, r)
	if len(first.Checked) != 6 || first.Reused != 0 {
		t.Fatalf("first check: %v checked, %d reused", first.Checked, first.Reused)
	}
	writeFile := func(rel, text string) {
		if err := os.WriteFile(filepath.Join(dir, rel), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		text string
		disk func()
		want []string
	}{
		{"unchanged", base, nil, nil},
		{"value", strings.Replace(base, "c.py {parameters}", "c.py --data-dir x {parameters}", 1), nil, []string{"eval"}},
		{"comment and blank lines between steps", strings.Replace(base, "- step:\n    name: prep", "\n# prep\n\n- step:\n    name: prep", 1), nil, nil},
		{"lines above all steps", "# top\n\n" + base, nil, nil},
		{"step removed", strings.Replace(base, step("final", "python a.py"), "", 1), nil, []string{"prep"}},
		{"step added", step("s3", "python a.py") + base, nil, []string{"s3"}},
		// pkg/run names step "final": the step that runs it is checked
		// again when final goes.
		{"looked-up step renamed", strings.Replace(base, "name: final", "name: other", 1), nil, []string{"prep", "other"}},
		{"script changed on disk", base, func() { writeFile("a.py", scriptgen.Variants["a.py"][0]) }, []string{"train", "final"}},
		{"missing script created", base, func() { writeFile("missing.py", scriptgen.Scripts["a.py"]) }, []string{"s2"}},
	}
	v := int32(1)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// From the base each time, its findings kept.
			v++
			doc = document.NewVersion(doc, v, base)
			k.Check(context.Background(), doc, dir, r)
			if tt.disk != nil {
				tt.disk()
			}
			v++
			doc = document.NewVersion(doc, v, tt.text)
			got := k.Check(context.Background(), doc, dir, r)
			if !reflect.DeepEqual(got.Checked, tt.want) {
				t.Errorf("checked %v again, want %v", got.Checked, tt.want)
			}
			want := Check(context.Background(), doc, dir, project.NewReader())
			if !reflect.DeepEqual(got.Diagnostics, want.Diagnostics) {
				t.Errorf("the cache finds\n%s\na fresh check\n%s", lines(tt.text, got.Diagnostics), lines(tt.text, want.Diagnostics))
			}
		})
	}
}

// TestCacheForget checks that a script reported changed is compared
// again even when its size and modification time did not change.
func TestCacheForget(t *testing.T) {
	dir := t.TempDir()
	if err := scriptgen.Write(dir); err != nil {
		t.Fatal(err)
	}
	text := "- step:\n    name: train\n    image: python:3.12\n    command: python a.py {parameters}\n    parameters:\n      - name: lr\n        type: float\n        default: 0.1\n"
	doc := document.New("file://"+filepath.Join(dir, "valohai.yaml"), 1, text)
	k, r := NewCache(), project.NewReader()
	before := k.Check(context.Background(), doc, dir, r)
	// Same size, same time: --lr becomes --lx.
	p, err := scriptgen.RewriteUnseen(dir)
	if err != nil {
		t.Fatal(err)
	}
	if same := k.Check(context.Background(), doc, dir, r); !reflect.DeepEqual(same.Diagnostics, before.Diagnostics) || same.Reused != 1 {
		t.Fatalf("without Forget, a change the stat does not show is not seen (the reader does not see it either): %+v", same)
	}
	k.Forget(p)
	r.Forget(p)
	after := k.Check(context.Background(), doc, dir, r)
	want := Check(context.Background(), doc, dir, project.NewReader())
	if !reflect.DeepEqual(after.Diagnostics, want.Diagnostics) || after.Reused != 0 {
		t.Fatalf("after Forget: %v reused %d; a fresh check: %v", after.Diagnostics, after.Reused, want.Diagnostics)
	}
	if reflect.DeepEqual(after.Diagnostics, before.Diagnostics) {
		t.Fatal("the script's change changes no finding: the test proves nothing")
	}
}

// TestCacheAlias checks that a step with an alias is compared again each
// time: what it reads may be in another item. Here eval's parameters are
// train's; when train's optional parameter no longer names c.py's required
// option, eval's command is reported.
func TestCacheAlias(t *testing.T) {
	dir := t.TempDir()
	if err := scriptgen.Write(dir); err != nil {
		t.Fatal(err)
	}
	text := func(name string) string {
		return "- step:\n    name: train\n    image: python:3.12\n    command: python b.py\n    parameters: &ps\n      - name: " + name + "\n        type: string\n        optional: true\n" +
			"- step:\n    name: eval\n    image: python:3.12\n    command: python c.py {parameters}\n    parameters: *ps\n"
	}
	k, r := NewCache(), project.NewReader()
	uri := "file://" + filepath.Join(dir, "valohai.yaml")
	doc := document.New(uri, 1, text("data-dir"))
	k.Check(context.Background(), doc, dir, r)
	after := text("data-dirx")
	doc = document.NewVersion(doc, 2, after)
	got := k.Check(context.Background(), doc, dir, r)
	want := Check(context.Background(), doc, dir, project.NewReader())
	if !reflect.DeepEqual(got.Diagnostics, want.Diagnostics) {
		t.Errorf("the cache finds\n%s\na fresh check\n%s", lines(after, got.Diagnostics), lines(after, want.Diagnostics))
	}
	if !reflect.DeepEqual(got.Checked, []string{"train", "eval"}) {
		t.Errorf("checked %v again, want both steps", got.Checked)
	}
	found := false
	for _, d := range want.Diagnostics {
		found = found || d.Code == diagnostics.CodeScriptRequiredOption && d.Start > strings.Index(after, "name: eval")
	}
	if !found {
		t.Errorf("no required-option finding on eval's command: the test proves nothing\n%s", lines(after, want.Diagnostics))
	}
}

// TestCacheForgetMany checks that past maxForgotten reported paths the
// cache forgets every step, holding no more paths.
func TestCacheForgetMany(t *testing.T) {
	dir := t.TempDir()
	if err := scriptgen.Write(dir); err != nil {
		t.Fatal(err)
	}
	text := "- step:\n    name: train\n    image: python:3.12\n    command: python a.py {parameters}\n"
	doc := document.New("file://"+filepath.Join(dir, "valohai.yaml"), 1, text)
	k, r := NewCache(), project.NewReader()
	k.Check(context.Background(), doc, dir, r)
	for i := range maxForgotten + 10 {
		k.Forget(filepath.Join(dir, fmt.Sprintf("other%d.py", i)))
	}
	k.fmu.Lock()
	n := len(k.forgotten)
	k.fmu.Unlock()
	if n > maxForgotten {
		t.Errorf("%d paths kept", n)
	}
	if got := k.Check(context.Background(), doc, dir, r); got.Reused != 0 || len(got.Checked) != 1 {
		t.Errorf("after many paths forgotten: %v checked, %d reused; want all checked again", got.Checked, got.Reused)
	}
	if got := k.Check(context.Background(), doc, dir, r); got.Reused != 1 {
		t.Errorf("the check after: %d reused, want 1", got.Reused)
	}
}
