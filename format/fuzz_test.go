package format

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzFormat formats any text: a text that parses comes back meaning the
// same (the formatter's own check, repeated here), and its edits make the
// formatted text; one that does not is refused with ErrSyntax.
func FuzzFormat(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.yaml")
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(string(data))
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		r, err := Format(text, Options{})
		if err != nil {
			if !errors.Is(err, ErrSyntax) {
				t.Fatalf("Format failed with %v", err)
			}
			return
		}
		if !r.same(r.Text) {
			t.Fatalf("the formatted text means something else:\n%q\n%q", text, r.Text)
		}
		if got := apply(text, r.Edits()); got != r.Text {
			t.Fatalf("the edits do not make the formatted text:\n%q\n%q", got, r.Text)
		}
	})
}
