package stepsync

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/corpus"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/python"
	"github.com/valohai-ls/valohai-ls/scripts"
)

// TestSyncCorpus adds a parameter, an input and a changed default to every
// step of the real-world files, one step at a time, and changes the
// default of its first parameter: the result still
// parses, the step has the new parameter and input (unless the edit was
// refused), and the text outside the step is unchanged.
func TestSyncCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpus.Dir(t), "real-world", "*.y*ml"))
	if len(files) == 0 {
		t.Skip("no real-world corpus")
	}
	prepare := python.Read([]byte(`import valohai
valohai.prepare(step="x", default_parameters={"zz_new": 1.5}, default_inputs={"zz_in": "s3://b/*.csv"})
`)).Prepare
	steps, refused, defaults := 0, 0, 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(raw)
		doc := document.New("file:///p/valohai.yaml", 1, text)
		if len(doc.Parsed().Errors) > 0 {
			continue
		}
		for _, st := range model.Of(doc).Kept(model.KindStep) {
			if st.Body == nil || st.Broken {
				continue
			}
			edits, ref := SyncPrepare(doc, st, prepare)
			if len(ref) > 0 {
				refused++
				continue
			}
			steps++
			out := Apply(text, edits)
			m := doc.Mapper()
			lo, hi := m.LineStart(m.LineOf(st.Range.Start)), m.LineEnd(m.LineOf(st.Range.End))
			for _, e := range edits {
				if e.Start < lo || e.End > hi {
					t.Errorf("%s, step %q: edit outside the step", filepath.Base(f), st.Name)
				}
			}
			after := document.New("file:///p/valohai.yaml", 2, out)
			if errs := after.Parsed().Errors; len(errs) > 0 {
				t.Errorf("%s, step %q: %v after the sync:\n%s", filepath.Base(f), st.Name, errs[0], out)
				continue
			}
			nst := model.Of(after).Lookup(model.KindStep, st.Name)
			if nst == nil {
				t.Errorf("%s: step %q lost", filepath.Base(f), st.Name)
				continue
			}
			_, params := scripts.Declared(nst, model.KindParameter)
			_, inputs := scripts.Declared(nst, model.KindInput)
			if params["zz_new"] == nil || inputs["zz_in"] == nil {
				t.Errorf("%s, step %q: not added:\n%s", filepath.Base(f), st.Name, out[lo:min(len(out), hi+400)])
			}
			if strings.Count(out, "zz_new") != 1 {
				t.Errorf("%s, step %q: zz_new written %d times", filepath.Base(f), st.Name, strings.Count(out, "zz_new"))
			}
			// A new default for the step's first parameter.
			order, _ := scripts.Declared(st, model.KindParameter)
			if len(order) == 0 {
				continue
			}
			p := python.Read([]byte(fmt.Sprintf("import valohai\nvalohai.prepare(step=\"x\", default_parameters={%q: \"zz: changed\"})\n", order[0]))).Prepare
			edits, ref = SyncPrepare(doc, st, p)
			if len(ref) > 0 {
				refused++
				continue
			}
			after = document.New("file:///p/valohai.yaml", 3, Apply(text, edits))
			nst = model.Of(after).Lookup(model.KindStep, st.Name)
			if nst == nil || len(after.Parsed().Errors) > 0 {
				t.Errorf("%s, step %q: the new default breaks the file", filepath.Base(f), st.Name)
				continue
			}
			_, params = scripts.Declared(nst, model.KindParameter)
			def := document.Deref(document.ValueOf(params[order[0]], "default"))
			if def == nil || def.Value != "zz: changed" {
				t.Errorf("%s, step %q: default of %q not changed:\n%s", filepath.Base(f), st.Name, order[0], after.Mapper().Text()[lo:min(len(after.Mapper().Text()), hi+200)])
			}
			defaults++
		}
	}
	t.Logf("%d steps synced (%d with a changed default), %d refused (flow collections, anchors)", steps, defaults, refused)
	if steps == 0 {
		t.Error("no step synced")
	}
}

// TestNewStepCorpus adds a new step to every real-world file: the file's
// text is kept as it was, and the result parses with the new step.
func TestNewStepCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpus.Dir(t), "real-world", "*.y*ml"))
	if len(files) == 0 {
		t.Skip("no real-world corpus")
	}
	sc := python.Read([]byte(`import valohai
valohai.prepare(step="zz-new-step", default_parameters={"a": 1}, default_inputs={"b": "s3://x/y"})
`))
	added := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(raw)
		doc := document.New("file:///p/valohai.yaml", 1, text)
		if len(doc.Parsed().Errors) > 0 {
			continue
		}
		out, _, err := AddScript(text, "src/zz.py", sc)
		if err != nil {
			t.Logf("%s: %v", filepath.Base(f), err)
			continue
		}
		if !strings.HasPrefix(out, strings.TrimRight(text, "\r\n")) {
			t.Errorf("%s: the file's text changed", filepath.Base(f))
		}
		after := document.New("file:///p/valohai.yaml", 2, out)
		st := model.Of(after).Lookup(model.KindStep, "zz-new-step")
		if len(after.Parsed().Errors) > 0 || st == nil {
			t.Errorf("%s: the new step does not read back:\n%s", filepath.Base(f), out[max(0, len(text)-300):])
			continue
		}
		if c := document.Scalar(document.Deref(document.ValueOf(st.Body, "command")).Content[1]); c != "python src/zz.py {parameters}" {
			t.Errorf("%s: command %q", filepath.Base(f), c)
		}
		added++
	}
	t.Logf("a new step added to %d files", added)
	if added == 0 {
		t.Error("no step added")
	}
}
