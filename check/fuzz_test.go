package check

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/corpus"
	"github.com/valohai-ls/valohai-ls/internal/hostile"
	"github.com/valohai-ls/valohai-ls/textenc"
)

// textLine is one finding of the text format.
var textLine = regexp.MustCompile(`^proj dir/valohai\.yaml:(\d+):(\d+): (error|warning|information|hint): .* \[[a-z0-9-]+\]$`)

// FuzzCheck checks a fuzzed file (any bytes, as read from disk) and prints
// the findings in every format: nothing may panic, each format holds one
// finding per diagnostic, the machine formats are valid JSON, and every
// position lies in the file (in its text, decoded from UTF-16 when it is).
func FuzzCheck(f *testing.F) {
	f.Add([]byte(sample))
	for _, s := range []string{"", "|\n ", "\xff\xfe- step:\n", "\ufeff- step:\n    name: a\n", "- step:\n    name: \"%0A,:\"\n    bogus%: 1\n",
		"- endpoint:\n    name: é😀\r\n    image: \"\\u00e9\"\r\n", "- step:\n    name: a\n    \"a\\nb\": 1\n", "- step:\n\tname: x\n", "- {step: [\n"} {
		f.Add([]byte(s))
	}
	for _, s := range hostile.YAML() {
		f.Add([]byte(s))
		for _, enc := range []textenc.Encoding{textenc.UTF16LE, textenc.UTF16BE} {
			if data, err := enc.Encode(s); err == nil {
				f.Add(data)
			}
		}
	}
	dir := corpus.Dir(f)
	for _, sub := range []string{"real-world", "valohai-yaml-examples"} {
		files, _ := filepath.Glob(filepath.Join(dir, sub, "*.y*ml"))
		sort.Strings(files)
		for _, p := range files {
			if data, err := os.ReadFile(p); err == nil && len(data) <= 16<<10 {
				f.Add(data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 16<<10 {
			return
		}
		r := Text(context.Background(), filepath.Join("proj dir", "valohai.yaml"), data)
		results := []Result{r, {Path: "missing.yaml", Err: errors.New("cannot read missing.yaml: no such file")}}
		m, n := r.Doc.Mapper(), len(r.Diagnostics)
		for _, d := range r.Diagnostics {
			if d.Start < 0 || d.Start > d.End || d.End > len(r.Doc.Text) {
				t.Fatalf("diagnostic span [%d,%d) outside the text of %d bytes: %+v", d.Start, d.End, len(r.Doc.Text), d)
			}
		}
		out := map[string]string{}
		for _, format := range Formats {
			var buf bytes.Buffer
			if err := Write(&buf, format, results); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			out[format] = buf.String()
		}

		lines := nonEmptyLines(out["text"])
		if len(lines) != n {
			t.Fatalf("text: %d lines for %d findings:\n%s", len(lines), n, out["text"])
		}
		for _, l := range lines {
			g := textLine.FindStringSubmatch(l)
			if g == nil {
				t.Fatalf("text: malformed line %q", l)
			}
			line, _ := strconv.Atoi(g[1])
			col, _ := strconv.Atoi(g[2])
			if line < 1 || line > m.LineCount() || col < 1 || col-1 > m.Column(m.LineEnd(line-1)) {
				t.Fatalf("text: %d:%d outside the file", line, col)
			}
		}

		var files []jsonFile
		if err := json.Unmarshal([]byte(out["json"]), &files); err != nil || len(files) != 2 || len(files[0].Diagnostics) != n || files[1].Error == "" {
			t.Fatalf("json: %v, want 2 files, the first with %d findings:\n%s", err, n, out["json"])
		}
		for _, d := range files[0].Diagnostics {
			s, e := d.Range.Start, d.Range.End
			if e.Line < s.Line || e.Line == s.Line && e.Character < s.Character {
				t.Fatalf("json: range %+v ends before it starts", d.Range)
			}
			for _, p := range []jsonPos{s, e} {
				if p.Line >= m.LineCount() || p.Character > utf16Len(m.Line(p.Line)) {
					t.Fatalf("json: position %+v outside the file", p)
				}
			}
		}

		// The findings, then the unreadable second file.
		lines = nonEmptyLines(out["github"])
		if len(lines) != n+1 || !strings.HasPrefix(lines[n], "::error file=missing.yaml,title=unreadable::") {
			t.Fatalf("github: %d lines for %d findings and an unreadable file:\n%s", len(lines), n, out["github"])
		}
		for _, l := range lines[:n] {
			if !githubLine.MatchString(l) {
				t.Fatalf("github: malformed line %q", l)
			}
		}

		var log sarifLog
		if err := json.Unmarshal([]byte(out["sarif"]), &log); err != nil || len(log.Runs) != 1 || len(log.Runs[0].Results) != n {
			t.Fatalf("sarif: %v, want one run with %d results:\n%s", err, n, out["sarif"])
		}
		run := log.Runs[0]
		for _, res := range run.Results {
			if res.RuleIndex < 0 || res.RuleIndex >= len(run.Tool.Driver.Rules) || run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID {
				t.Fatalf("sarif: rule index %d does not name rule %q", res.RuleIndex, res.RuleID)
			}
			g := res.Locations[0].PhysicalLocation.Region
			if g.StartLine < 1 || g.StartColumn < 1 || g.EndLine < g.StartLine || g.EndLine == g.StartLine && g.EndColumn < g.StartColumn ||
				g.EndLine > m.LineCount() || g.EndColumn-1 > utf16Len(m.Line(g.EndLine-1)) {
				t.Fatalf("sarif: region %+v outside the file", g)
			}
		}
	})
}

func nonEmptyLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// utf16Len is the length of s in UTF-16 code units, as the mapper counts
// them.
func utf16Len(s string) int {
	return document.NewMapper(s).Position(len(s), document.UTF16).Character
}
