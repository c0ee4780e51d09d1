package hover

import (
	"testing"

	"github.com/valohai-ls/valohai-ls/scripts"
)

func TestAddScripts(t *testing.T) {
	r := &Result{Markdown: "**lr**"}
	r.AddScripts(nil)
	if r.Markdown != "**lr**" {
		t.Fatalf("no places changed the hover: %q", r.Markdown)
	}
	r.AddScripts([]scripts.Place{
		{Rel: "train.py", Line: 3, Declares: true, What: "`--lr`, float, default 0.01"},
		{Rel: "train.py", Line: 9, What: "`args.lr`"},
	})
	want := "**lr**\n\n---\n\nIn the scripts:\n\n- declared by `train.py:3`: `--lr`, float, default 0.01\n- read by `train.py:9`: `args.lr`"
	if r.Markdown != want {
		t.Errorf("got\n%s\nwant\n%s", r.Markdown, want)
	}
	var none *Result
	none.AddScripts([]scripts.Place{{Rel: "a.py"}}) // no hover: nothing to add to
}
