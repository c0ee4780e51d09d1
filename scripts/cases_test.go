package scripts

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
)

// wantComment announces an expected finding on its line:
// `# want: code/severity "part of the message"`; a line may hold several.
var wantComment = regexp.MustCompile(`want: ([a-z0-9-]+)/([a-z]+) "([^"]*)"`)

// TestCases checks each case of testdata/cases: a valohai.yaml and the
// scripts it runs. Every finding must be announced by a want comment on
// its line, and every want comment must be met.
func TestCases(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join("testdata", "cases", "*"))
	if len(dirs) == 0 {
		t.Fatal("no cases")
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(dir, "valohai.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			text := string(b)
			type want struct{ code, sev, part string }
			wants := map[int][]want{}
			for i, l := range strings.Split(text, "\n") {
				for _, m := range wantComment.FindAllStringSubmatch(l, -1) {
					wants[i+1] = append(wants[i+1], want{m[1], m[2], m[3]})
				}
			}
			abs, err := filepath.Abs(dir)
			if err != nil {
				t.Fatal(err)
			}
			m := document.NewMapper(text)
			for _, d := range findings(abs, text) {
				line := m.Position(d.Start, document.UTF16).Line + 1
				found := -1
				for i, w := range wants[line] {
					if w.code == d.Code && w.sev == d.Severity.String() && strings.Contains(d.Message, w.part) {
						found = i
						break
					}
				}
				if found < 0 {
					t.Errorf("line %d: unexpected %s/%s: %s", line, d.Code, d.Severity, d.Message)
					continue
				}
				wants[line] = append(wants[line][:found], wants[line][found+1:]...)
			}
			for line, ws := range wants {
				for _, w := range ws {
					t.Errorf("line %d: want %s/%s %q, not reported", line, w.code, w.sev, w.part)
				}
			}
		})
	}
}
