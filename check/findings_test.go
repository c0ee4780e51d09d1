package check

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/corpus"
)

var update = flag.Bool("update", false, "rewrite testdata/corpus-findings.golden, keeping the verdicts already given")

// goldenFindings is the reviewed list of every error and warning on the
// corpus.
const goldenFindings = "testdata/corpus-findings.golden"

// The verdicts an entry of the golden list may carry.
const (
	// verdictOfficial: the official validator reports the same problem,
	// at the same severity.
	verdictOfficial = "official"
	// verdictTrue: the official validator does not report it, and the
	// finding is right (the reason says why).
	verdictTrue = "true"
	// verdictDeliberate: valohai-ls differs from the official validator
	// on purpose (another severity, another reading; the reason says why).
	verdictDeliberate = "deliberate"
	// verdictUnreviewed: a finding nobody has judged yet; the test fails.
	verdictUnreviewed = "unreviewed"
)

// corpusGroups are the corpus folders whose files are listed, each file
// checked with its scripts.
var corpusGroups = []string{"real-world", "real-world-history", "valohai-yaml-examples"}

// finding is one error or warning of one corpus file, with its verdict.
type finding struct {
	file    string // corpus-relative, with slashes
	line    string // range severity code: message
	code    string
	message string
	verdict string
	reason  string
}

// corpusFile is one checked file: the findings and the official
// validator's messages.
type corpusFile struct {
	name     string
	official verdict
	known    bool // the official verdict is known
	findings []finding
}

// TestCorpusFindings checks every corpus file (with its scripts) and
// compares its errors and warnings with testdata/corpus-findings.golden,
// where each one carries a verdict and the reason for it. Any new,
// vanished or changed finding fails the test, and so does an entry not
// yet reviewed. `go test ./check -run TestCorpusFindings -update`
// rewrites the list: verdicts of unchanged findings are kept (also when
// only the range moved), new findings come in as unreviewed.
func TestCorpusFindings(t *testing.T) {
	dir := corpus.Dir(t)
	if _, err := os.Stat(filepath.Join(dir, "verdicts.json")); err != nil {
		t.Skipf("corpus folder %s is absent (set VALOHAI_CORPUS): findings not checked", dir)
	}
	files := checkCorpus(t, dir)
	raw, err := os.ReadFile(goldenFindings)
	if err != nil && !*update {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	prev := parseGolden(t, string(raw))
	carryVerdicts(files, prev)
	got := renderGolden(files)
	if *update {
		if err := os.WriteFile(goldenFindings, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		raw = []byte(got)
	}
	if got != string(raw) {
		t.Errorf("the corpus findings differ from %s (run with -update, review the new entries and give each a verdict):\n%s",
			goldenFindings, changes(prev, files))
	}
	counts := map[string]int{}
	for _, f := range files {
		for _, e := range f.findings {
			counts[e.verdict]++
			checkVerdict(t, f, e)
		}
	}
	t.Logf("corpus findings: %d files, verdicts %v", len(files), counts)
}

// checkVerdict reports an entry whose verdict is missing, unknown or at
// odds with the official validator's messages.
func checkVerdict(t *testing.T, f corpusFile, e finding) {
	t.Helper()
	switch e.verdict {
	case verdictUnreviewed:
		t.Errorf("%s: not reviewed: %s", e.file, e.line)
		return
	case verdictTrue, verdictDeliberate:
	case verdictOfficial:
		if !f.known {
			t.Errorf("%s: %s: verdict %q, but the official validator's verdict on the file is unknown", e.file, e.line, e.verdict)
		} else if msgs := f.official.of(severityOf(e.line)); len(msgs) == 0 {
			t.Errorf("%s: %s: verdict %q, but the official validator gives the file no %s", e.file, e.line, e.verdict, severityOf(e.line))
		}
	default:
		t.Errorf("%s: %s: unknown verdict %q", e.file, e.line, e.verdict)
	}
	if strings.TrimSpace(e.reason) == "" {
		t.Errorf("%s: %s: the verdict has no reason", e.file, e.line)
	}
}

// of returns the official messages of a severity.
func (v verdict) of(severity string) []string {
	switch severity {
	case "error":
		return v.Errors
	case "warning":
		return v.Warnings
	}
	return nil
}

// severityOf returns the severity word of a finding's line.
func severityOf(line string) string {
	if f := strings.Fields(line); len(f) > 1 {
		return f[1]
	}
	return ""
}

// checkCorpus checks every corpus file and python pair and returns, in
// name order, those with an error or a warning, ours or the official
// validator's.
func checkCorpus(t *testing.T, dir string) []corpusFile {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, "verdicts.json"))
	if err != nil {
		t.Fatal(err)
	}
	var verdicts map[string]verdict
	if err := json.Unmarshal(raw, &verdicts); err != nil {
		t.Fatalf("verdicts.json: %v", err)
	}
	byContent := map[[32]byte]string{} // a pair's valohai.yaml is a copy of a corpus file
	var names []string
	for name := range verdicts {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatalf("verdicts.json lists %s: %v", name, err)
		}
		byContent[sha256.Sum256(data)] = name
		names = append(names, name)
	}
	pairs, _ := filepath.Glob(filepath.Join(dir, "python-pairs", "*", "valohai.yaml"))
	for _, p := range pairs {
		rel, _ := filepath.Rel(dir, p)
		names = append(names, filepath.ToSlash(rel))
	}
	sort.Strings(names)
	var out []corpusFile
	for _, name := range names {
		f := corpusFile{name: name}
		f.official, f.known = verdicts[name]
		r := File(context.Background(), filepath.Join(dir, filepath.FromSlash(name)))
		if r.Err != nil {
			t.Errorf("%s: %v", name, r.Err)
			continue
		}
		if !f.known {
			data := []byte(r.Doc.Text)
			if same, ok := byContent[sha256.Sum256(data)]; ok {
				f.official, f.known = verdicts[same], true
			}
		}
		m := r.Doc.Mapper()
		for _, d := range r.Diagnostics {
			if d.Severity != diagnostics.Error && d.Severity != diagnostics.Warning {
				continue
			}
			f.findings = append(f.findings, finding{
				file: name, code: d.Code, message: oneLine(d.Message),
				line: fmt.Sprintf("%s %s %s: %s", span(m, d), d.Severity, d.Code, oneLine(d.Message)),
			})
		}
		if len(f.findings) > 0 || len(f.official.Errors)+len(f.official.Warnings) > 0 {
			out = append(out, f)
		}
	}
	return out
}

// span writes a finding's range as line:col-line:col, from 1, in UTF-16
// code units as an editor counts them.
func span(m *document.Mapper, d diagnostics.Diagnostic) string {
	a, b := m.Position(d.Start, document.UTF16), m.Position(d.End, document.UTF16)
	return fmt.Sprintf("%d:%d-%d:%d", a.Line+1, a.Character+1, b.Line+1, b.Character+1)
}

// oneLine joins a message's lines with " ⏎ ".
func oneLine(s string) string {
	return strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", " ⏎ ")
}

// goldenHeader opens the golden list.
const goldenHeader = `# Every error and warning valohai-ls reports on the corpus (real-world/,
# real-world-history/, valohai-yaml-examples/ and the python pairs, scripts
# read), file by file, each judged. Under each file: the official validator's
# messages (# official ...), then our findings, each followed by its verdict:
#   official    the official validator reports the same problem at the same severity
#   true        the official validator does not report it, and the finding is right
#   deliberate  we differ from the official validator on purpose
#   unreviewed  not judged yet (the test fails)
# and the reason. Rewrite with: go test ./check -run TestCorpusFindings -update
# (verdicts are kept; new findings come in unreviewed). Edit only the verdicts.
`

// renderGolden writes the golden list of files.
func renderGolden(files []corpusFile) string {
	var b strings.Builder
	b.WriteString(goldenHeader)
	for _, f := range files {
		fmt.Fprintf(&b, "\n== %s\n", f.name)
		if !f.known {
			b.WriteString("# official: unknown\n")
		}
		for _, kind := range []string{"error", "warning"} {
			for _, msg := range f.official.of(kind) {
				fmt.Fprintf(&b, "# official %s: %s\n", kind, oneLine(msg))
			}
		}
		for _, e := range f.findings {
			fmt.Fprintf(&b, "%s\n\t%s: %s\n", e.line, e.verdict, e.reason)
		}
	}
	return b.String()
}

// parseGolden reads the entries of a golden list, by file.
func parseGolden(t *testing.T, text string) map[string][]finding {
	t.Helper()
	out := map[string][]finding{}
	var file string
	var last *finding
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		switch {
		case l == "" || strings.HasPrefix(l, "#"):
		case strings.HasPrefix(l, "== "):
			file, last = strings.TrimPrefix(l, "== "), nil
		case strings.HasPrefix(l, "\t"):
			v, reason, ok := strings.Cut(strings.TrimPrefix(l, "\t"), ":")
			if last == nil || !ok {
				t.Errorf("%s:%d: a verdict line with no finding above it or no \"verdict: reason\"", goldenFindings, n)
				continue
			}
			last.verdict, last.reason = strings.TrimSpace(v), strings.TrimSpace(reason)
		default:
			e := finding{file: file, line: l}
			if f := strings.SplitN(l, " ", 4); len(f) == 4 {
				e.code, e.message = strings.TrimSuffix(f[2], ":"), f[3]
			}
			out[file] = append(out[file], e)
			last = &out[file][len(out[file])-1]
		}
	}
	return out
}

// carryVerdicts gives each finding the verdict of the same entry in prev:
// the same line, else the same code and message in the same file (the
// range moved). The rest are unreviewed.
func carryVerdicts(files []corpusFile, prev map[string][]finding) {
	for i := range files {
		old := prev[files[i].name]
		used := make([]bool, len(old))
		take := func(match func(finding) bool) (finding, bool) {
			for j, o := range old {
				if !used[j] && match(o) {
					used[j] = true
					return o, true
				}
			}
			return finding{}, false
		}
		fs := files[i].findings
		for k := range fs {
			e := &fs[k]
			if o, ok := take(func(o finding) bool { return o.line == e.line }); ok {
				e.verdict, e.reason = orUnreviewed(o.verdict), o.reason
			}
		}
		for k := range fs {
			e := &fs[k]
			if e.verdict != "" {
				continue
			}
			if o, ok := take(func(o finding) bool { return o.code == e.code && o.message == e.message }); ok {
				e.verdict, e.reason = orUnreviewed(o.verdict), o.reason
				continue
			}
			e.verdict = verdictUnreviewed
		}
	}
}

// orUnreviewed is v, or unreviewed when no verdict was given.
func orUnreviewed(v string) string {
	if v == "" {
		return verdictUnreviewed
	}
	return v
}

// changes lists the findings that are new and those that are gone.
func changes(prev map[string][]finding, files []corpusFile) string {
	now := map[string]bool{}
	var b strings.Builder
	shown := 0
	show := func(format string, args ...any) {
		if shown++; shown <= 40 {
			fmt.Fprintf(&b, format, args...)
		}
	}
	for _, f := range files {
		old := map[string]bool{}
		for _, o := range prev[f.name] {
			old[o.line] = true
		}
		for _, e := range f.findings {
			now[f.name+"\x00"+e.line] = true
			if !old[e.line] {
				show("  new:  %s %s\n", f.name, e.line)
			}
		}
	}
	var files2 []string
	for name := range prev {
		files2 = append(files2, name)
	}
	sort.Strings(files2)
	for _, name := range files2 {
		for _, o := range prev[name] {
			if !now[name+"\x00"+o.line] {
				show("  gone: %s %s\n", name, o.line)
			}
		}
	}
	if shown > 40 {
		fmt.Fprintf(&b, "  ... and %d more\n", shown-40)
	}
	if shown == 0 {
		b.WriteString("  (the same findings; the official messages or the layout changed)\n")
	}
	return b.String()
}

// TestGoldenVerdictsCarried checks that rewriting the golden list keeps a
// verdict when the finding is unchanged or only moved, and marks a new
// or reworded finding unreviewed.
func TestGoldenVerdictsCarried(t *testing.T) {
	old := goldenHeader + `
== a.yaml
# official error: something
1:1-1:5 error unknown-key: unknown key "x" in step
	official: the validator: "x was unexpected"
3:1-3:5 warning invalid-default: default of parameter "p" is 1
	true: because
`
	tests := []struct {
		name, line, code, message string
		want                      string
	}{
		{"unchanged", `1:1-1:5 error unknown-key: unknown key "x" in step`, "unknown-key", `unknown key "x" in step`, verdictOfficial},
		{"moved", `4:1-4:5 warning invalid-default: default of parameter "p" is 1`, "invalid-default", `default of parameter "p" is 1`, verdictTrue},
		{"reworded", `1:1-1:5 error unknown-key: unknown key "x" in the step`, "unknown-key", `unknown key "x" in the step`, verdictUnreviewed},
		{"new", `9:1-9:5 error missing-key: step needs a name`, "missing-key", `step needs a name`, verdictUnreviewed},
	}
	prev := parseGolden(t, old)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files := []corpusFile{{name: "a.yaml", findings: []finding{{file: "a.yaml", line: tc.line, code: tc.code, message: tc.message}}}}
			carryVerdicts(files, prev)
			if got := files[0].findings[0].verdict; got != tc.want {
				t.Errorf("verdict %q, want %q", got, tc.want)
			}
		})
	}
	files := []corpusFile{{name: "a.yaml", known: true, official: verdict{Errors: []string{"something"}}}}
	for _, e := range prev["a.yaml"] {
		files[0].findings = append(files[0].findings, e)
	}
	if got := renderGolden(files); got != old {
		t.Errorf("a parsed list is not written back as it was:\n%s", got)
	}
}
