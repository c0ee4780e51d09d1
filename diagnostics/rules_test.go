package diagnostics

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
)

// The fixtures in testdata/rules are valohai.yaml files in which every
// expected diagnostic is announced by a comment on the line it starts on:
//
//	image: yes   # want: wrong-type "in quotes"
//	name: x      # want: duplicate-node/error, dotted-node-name/information
//
// Each entry is a code, optionally `/severity`, optionally a quoted part
// of the message. A line may list several entries, separated by commas.
// Every diagnostic of the file must be announced, and every announcement
// met.

var (
	wantComment = regexp.MustCompile(`#\s*want:\s*(.*)$`)
	wantEntry   = regexp.MustCompile(`([a-z0-9-]+)(?:/(error|warning|information|hint))?(?:\s+"([^"]*)")?`)
)

// expectation is one announced diagnostic.
type expectation struct {
	line     int // zero-based
	code     string
	severity string
	fragment string
}

func (e expectation) String() string {
	s := fmt.Sprintf("line %d: %s", e.line+1, e.code)
	if e.severity != "" {
		s += "/" + e.severity
	}
	if e.fragment != "" {
		s += fmt.Sprintf(" %q", e.fragment)
	}
	return s
}

// readExpectations collects the `# want:` comments of a fixture.
func readExpectations(text string) []expectation {
	var out []expectation
	for i, line := range strings.Split(text, "\n") {
		m := wantComment.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		for _, e := range wantEntry.FindAllStringSubmatch(m[1], -1) {
			out = append(out, expectation{line: i, code: e[1], severity: e[2], fragment: e[3]})
		}
	}
	return out
}

// matches reports whether d, found on line, is the announced diagnostic.
func (e expectation) matches(line int, d Diagnostic) bool {
	return e.line == line && e.code == d.Code &&
		(e.severity == "" || e.severity == d.Severity.String()) &&
		strings.Contains(d.Message, e.fragment)
}

func TestRuleFixtures(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "rules", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no fixtures in testdata/rules")
	}
	sort.Strings(files)
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".yaml"), func(t *testing.T) { checkFixture(t, f) })
	}
}

func checkFixture(t *testing.T, path string) {
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc := document.New("file:///"+path, 1, string(raw))
	diags := Diagnose(context.Background(), doc)
	wants := readExpectations(string(raw))
	met := make([]bool, len(wants))
	m := doc.Mapper()
	for _, d := range diags {
		line := m.LineOf(d.Start)
		found := false
		for i, w := range wants {
			if !met[i] && w.matches(line, d) {
				met[i], found = true, true
				break
			}
		}
		if !found {
			t.Errorf("unexpected diagnostic on line %d: %s/%s %q", line+1, d.Code, d.Severity, d.Message)
		}
	}
	for i, w := range wants {
		if !met[i] {
			t.Errorf("missing diagnostic %s", w)
		}
	}
}

func TestReadExpectations(t *testing.T) {
	got := readExpectations("a: 1\nb: 2  # want: wrong-type/error \"must be\", unknown-key\n")
	want := []expectation{
		{line: 1, code: "wrong-type", severity: "error", fragment: "must be"},
		{line: 1, code: "unknown-key"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
