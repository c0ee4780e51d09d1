package diagnostics

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/corpus"
)

// styleExamples are files whose messages the style test reads besides the
// rules reference's examples and the fixtures: syntax errors, and values
// far too long to quote whole.
func styleExamples() []string {
	long := strings.Repeat("x", 100_000)
	return []string{
		"- step:\n    name: train\n\timage: x\n",
		"- step:\n    name: train\n    command: 'python train.py\n",
		"- step: {name: train, image: x, command: [a, b}\n",
		"- step:\n    name: train\n    image:python:3.12\n",
		"- step:\n    name: train\n   image: x\n",
		"- step:\n    name: train\n    image: \"C:\\data\"\n",
		"%YAML 1.3\n---\n- step:\n    name: a\n",
		"- step:\n    name: *missing\n",
		"- endpoint:\n    name: " + long + "\n    image: x\n    wsgi: a:b\n",
		"- step:\n    name: train\n    image: x\n    command: python train.py\n    " + long + ": 1\n",
		"- pipeline:\n    name: p\n    nodes:\n      - {name: a, type: execution, step: " + long + "}\n    edges:\n      - [a.output." + long + ", b.input.x]\n",
		"- step:\n    name: s\n    image: x\n    command: c\n    stop-condition: metadata.x == '" + long + "' +\n",
		"- step:\n    name: train\n    image: x\n    command: c\n    parameters:\n      - {name: p, default: " + strings.Repeat("1", 5000) + "}\n",
		"- step:\n    name: t\n    image: " + strings.Repeat("1", 5000) + "\n    command: c\n    parameters:\n      - {name: q, type: integer, default: 5, max: " + strings.Repeat("9", 3000) + ".5}\n",
	}
}

// styleCorpus returns every example file: the rules reference's failing
// examples, the rule fixtures and styleExamples.
func styleCorpus(t *testing.T) map[string]string {
	files := map[string]string{}
	for _, d := range RuleDocs() {
		files["example of "+d.Code] = d.Bad
	}
	paths, err := filepath.Glob(filepath.Join("testdata", "rules", "*.yaml"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[p] = string(data)
	}
	for i, s := range styleExamples() {
		files["style example "+strconv.Itoa(i)] = s
	}
	return files
}

func TestMessageStyle(t *testing.T) {
	seen := map[string]bool{}
	for name, text := range styleCorpus(t) {
		doc := document.New("file:///work/valohai.yaml", 1, text)
		for _, d := range Diagnose(context.Background(), doc) {
			seen[d.Code] = true
			for _, p := range StyleProblems(d.Message) {
				t.Errorf("%s: %s [%s]: %s", name, p, d.Code, d.Message)
			}
		}
	}
	scriptRule := map[string]bool{}
	for _, d := range RuleDocs() {
		scriptRule[d.Code] = d.Script != ""
	}
	for _, r := range Rules {
		if !seen[r.Code] && !scriptRule[r.Code] { // package scripts renders those
			t.Errorf("no example renders a message of %s", r.Code)
		}
		for _, p := range StyleProblems(strings.TrimSuffix(r.Description, ".")) {
			t.Errorf("description of %s: %s: %s", r.Code, p, r.Description)
		}
	}
	for _, d := range RuleDocs() {
		if m := internalTerms.FindString(d.Why); m != "" {
			t.Errorf("why of %s: internal term %q", d.Code, m)
		}
	}
}

func TestStyleProblems(t *testing.T) {
	tests := []struct {
		msg  string
		want string
	}{
		{`unknown key "nmae" in step "train"; did you mean "name"?`, ""},
		{"the validator does not know it", "internal term"},
		{"it has 2 part(s)", "internal term"},
		{"a sentence.", "period"},
		{strings.Repeat("a", 201), "longer than 200"},
		{`value "` + strings.Repeat("a", 61) + `" is wrong`, "longer than 60"},
		{"not one of a, b, c, d, e, f, g, h", "more than six"},
	}
	for _, tc := range tests {
		got := strings.Join(StyleProblems(tc.msg), "; ")
		if tc.want == "" && got != "" || tc.want != "" && !strings.Contains(got, tc.want) {
			t.Errorf("%q: problems %q, want %q", tc.msg, got, tc.want)
		}
	}
}

func TestShortenValues(t *testing.T) {
	long := strings.Repeat("é", 70)
	tests := []struct{ in, want string }{
		{`name "` + long + `" and "short" and "a \"quoted\" word"`,
			`name "` + strings.Repeat("é", MaxQuoted-1) + `…" and "short" and "a \"quoted\" word"`},
		{"image must be a string, not the number " + strings.Repeat("1", 5000) + "; quote it",
			"image must be a string, not the number " + strings.Repeat("1", MaxQuoted-1) + "…; quote it"},
		{`write "unclosed ` + long, `write "unclosed ` + strings.Repeat("é", MaxQuoted-1) + "…"},
		{"a short message", "a short message"},
	}
	for _, tc := range tests {
		if got := ShortenValues(tc.in); got != tc.want {
			t.Errorf("ShortenValues(%.40q…)\n got  %s\n want %s", tc.in, got, tc.want)
		}
	}
}

// TestCorpusMessagesShort checks that no message on the real-world
// corpus ($VALOHAI_CORPUS) is longer than 200 characters or breaks the
// style.
func TestCorpusMessagesShort(t *testing.T) {
	files := corpus.RequireYAML(t, "message lengths on real files")
	n, longest := 0, ""
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc := document.New("file:///c/valohai.yaml", 1, string(data))
		for _, d := range Diagnose(context.Background(), doc) {
			n++
			if len(d.Message) > len(longest) {
				longest = d.Message
			}
			for _, p := range StyleProblems(d.Message) {
				t.Errorf("%s: %s [%s]: %s", f, p, d.Code, d.Message)
			}
		}
	}
	if n == 0 {
		t.Fatal("no diagnostics on the whole corpus")
	}
	t.Logf("%d messages on %d files; the longest has %d characters: %s", n, len(files), utf8.RuneCountInString(longest), longest)
}
