package scripts

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/corpus"
	"github.com/valohai-ls/valohai-ls/project"
)

var update = flag.Bool("update", false, "rewrite testdata/pairs.golden")

// pairsDir returns the python pairs' folder, skipping the test without it.
func pairsDir(t *testing.T) string {
	dir := filepath.Join(corpus.Dir(t), "python-pairs")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no python pairs at %s", dir)
	}
	return dir
}

// checkPair returns the script findings of one pair's valohai.yaml.
func checkPair(t *testing.T, dir, text string) []diagnostics.Diagnostic {
	doc := document.New("file://"+filepath.Join(dir, "valohai.yaml"), 1, text)
	return Check(context.Background(), doc, dir, project.NewReader()).Diagnostics
}

// render writes findings one a line: line:col severity code message.
func render(text string, ds []diagnostics.Diagnostic) []string {
	m := document.NewMapper(text)
	var out []string
	for _, d := range ds {
		p := m.Position(d.Start, document.UTF16)
		out = append(out, fmt.Sprintf("%d:%d %s %s %s", p.Line+1, p.Character+1, d.Severity, d.Code, d.Message))
	}
	return out
}

// TestPairs checks every python pair against the findings listed for it
// in testdata/pairs.golden (go test -run TestPairs -update rewrites it;
// review the difference). Pairs whose script and YAML agree are listed
// with no finding.
func TestPairs(t *testing.T) {
	dir := pairsDir(t)
	pairs, _ := filepath.Glob(filepath.Join(dir, "*", "valohai.yaml"))
	var b strings.Builder
	for _, y := range pairs {
		text, err := os.ReadFile(y)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "## %s\n", filepath.Base(filepath.Dir(y)))
		for _, l := range render(string(text), checkPair(t, filepath.Dir(y), string(text))) {
			fmt.Fprintf(&b, "%s\n", l)
		}
	}
	golden := filepath.Join("testdata", "pairs.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("script findings differ from %s (run with -update and review the change):\n%s", golden, firstDiff(string(want), got))
	}
}

// firstDiff shows the first line where two texts differ.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < max(len(al), len(bl)); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\nwant %s\n got %s", i+1, x, y)
		}
	}
	return ""
}

// TestMessageStyle checks the style of every script finding on the pairs
// and on the reference's examples.
func TestMessageStyle(t *testing.T) {
	dir := pairsDir(t)
	pairs, _ := filepath.Glob(filepath.Join(dir, "*", "valohai.yaml"))
	seen := map[string]bool{}
	for _, y := range pairs {
		text, err := os.ReadFile(y)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range checkPair(t, filepath.Dir(y), string(text)) {
			seen[d.Code] = true
			for _, p := range diagnostics.StyleProblems(d.Message) {
				t.Errorf("%s: %s [%s]: %s", filepath.Base(filepath.Dir(y)), p, d.Code, d.Message)
			}
		}
	}
	t.Logf("codes seen on the pairs: %d", len(seen))
}
