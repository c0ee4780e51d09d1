package check

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/valohai-ls/valohai-ls/diagnostics"
)

// A file with an error, a warning, an information, a suppressed finding and
// a non-ASCII character before a finding on the same line.
const sample = "- endpoint:\n" +
	"    name: predict\n" +
	"    image: x\n" +
	"    wsgi: a:b\n" +
	"    bogus: 1\n" +
	"- endpoint: {description: \"é😀\", nmae: p2, image: x, wsgi: a}\n" +
	"- endpoint:\n" +
	"    name: predict\n" +
	"    image: x\n" +
	"    wsgi: a:b\n" +
	"    other: 1 # valohai-ls: ignore[unknown-key]\n" +
	"  description: stray\n"

func sampleResults(t *testing.T) []Result {
	t.Helper()
	dir := t.TempDir()
	p := filepath.Join(dir, "valohai.yaml")
	if err := os.WriteFile(p, []byte(sample), 0o644); err != nil {
		t.Fatal(err)
	}
	res := Files(context.Background(), []string{p, filepath.Join(dir, "missing.yaml")})
	for i := range res {
		if rel, err := filepath.Rel(dir, res[i].Path); err == nil {
			res[i].Path = filepath.Join("proj dir", rel)
		}
	}
	return res
}

func TestSuppressionAppliesToCheck(t *testing.T) {
	res := sampleResults(t)
	for _, d := range res[0].Diagnostics {
		if strings.Contains(d.Message, `"other"`) {
			t.Errorf("suppressed finding reported: %+v", d)
		}
	}
}

var githubLine = regexp.MustCompile(`^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z0-9-]+::[^\n]+$`)

func TestGitHubFormat(t *testing.T) {
	res := sampleResults(t)
	var buf bytes.Buffer
	if err := Write(&buf, "github", res); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != len(res[0].Diagnostics)+1 {
		t.Fatalf("%d lines for %d diagnostics and an unreadable file:\n%s", len(lines), len(res[0].Diagnostics), buf.String())
	}
	// The unreadable file is an error on the file, so that CI shows it.
	if last := lines[len(lines)-1]; last != "::error file=proj dir/missing.yaml,title=unreadable::"+ghData(res[1].Err.Error()) {
		t.Errorf("unreadable file: %q", last)
	}
	for _, l := range lines[:len(lines)-1] {
		if !githubLine.MatchString(l) {
			t.Errorf("not a workflow command: %q", l)
		}
	}
	want := []string{
		"::error file=proj dir/valohai.yaml,line=5,col=5,endLine=5,endColumn=9,title=unknown-key::unknown key \"bogus\"",
		// The column counts characters: é and 😀 are one each.
		"::error file=proj dir/valohai.yaml,line=6,col=33,endLine=6,endColumn=36,title=unknown-key::unknown key \"nmae\"",
		"::warning file=proj dir/valohai.yaml,line=8,col=11,endLine=8,endColumn=17,title=duplicate-name::",
		"::notice file=proj dir/valohai.yaml,line=12,col=3,",
	}
	for _, w := range want {
		if !strings.Contains(buf.String(), w) {
			t.Errorf("missing %q in\n%s", w, buf.String())
		}
	}
}

func TestGitHubEscaping(t *testing.T) {
	if got := ghData("50% done\nnext"); got != "50%25 done%0Anext" {
		t.Errorf("ghData: %q", got)
	}
	if got := ghProperty("a:b,c"); got != "a%3Ab%2Cc" {
		t.Errorf("ghProperty: %q", got)
	}
}

// sarifSchema compiles the SARIF 2.1.0 schema kept in testdata.
func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("testdata/sarif-2.1.0-rtm.5.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("sarif.json")
	if err != nil {
		t.Fatalf("compile SARIF schema: %v", err)
	}
	return s
}

func TestSARIFIsValid(t *testing.T) {
	schema := compileSARIFSchema(t)
	res := sampleResults(t)
	for _, tc := range []struct {
		name string
		res  []Result
	}{{"findings and an unreadable file", res}, {"clean", res[:0]}} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, "sarif", tc.res); err != nil {
				t.Fatal(err)
			}
			v, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(v); err != nil {
				t.Fatalf("SARIF output is not valid: %v\n%s", err, buf.String())
			}
		})
	}
	// The schema is strict enough to catch a broken log.
	bad, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}`))
	if schema.Validate(bad) == nil {
		t.Fatal("a driver without a name passed the schema")
	}
}

func TestSARIFContent(t *testing.T) {
	res := sampleResults(t)
	var buf bytes.Buffer
	if err := Write(&buf, "sarif", res); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name  string `json:"name"`
					Rules []struct {
						ID               string `json:"id"`
						ShortDescription struct {
							Text string `json:"text"`
						} `json:"shortDescription"`
						DefaultConfiguration struct {
							Level string `json:"level"`
						} `json:"defaultConfiguration"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Invocations []struct {
				ExecutionSuccessful        bool `json:"executionSuccessful"`
				ToolExecutionNotifications []struct {
					Level   string `json:"level"`
					Message struct {
						Text string `json:"text"`
					} `json:"message"`
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct {
								URI string `json:"uri"`
							} `json:"artifactLocation"`
						} `json:"physicalLocation"`
					} `json:"locations"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine, StartColumn, EndLine, EndColumn int
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("log: %+v", log)
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name != "valohai-ls" || len(run.Tool.Driver.Rules) == 0 {
		t.Fatalf("driver: %+v", run.Tool.Driver)
	}
	for _, r := range run.Tool.Driver.Rules {
		if r.ID == "" || r.ShortDescription.Text == "" || r.DefaultConfiguration.Level == "" {
			t.Errorf("incomplete rule %+v", r)
		}
	}
	if len(run.Invocations) != 1 || run.Invocations[0].ExecutionSuccessful {
		t.Fatalf("an unreadable file must make the invocation unsuccessful: %+v", run.Invocations)
	}
	if n := run.Invocations[0].ToolExecutionNotifications; len(n) != 1 || n[0].Level != "error" ||
		!strings.Contains(n[0].Message.Text, "missing.yaml") || len(n[0].Locations) != 1 ||
		n[0].Locations[0].PhysicalLocation.ArtifactLocation.URI != "proj%20dir/missing.yaml" {
		t.Errorf("the unreadable file's notification: %+v", n)
	}
	if len(run.Results) != len(res[0].Diagnostics) {
		t.Fatalf("%d results for %d diagnostics", len(run.Results), len(res[0].Diagnostics))
	}
	found := false
	for _, r := range run.Results {
		if run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("ruleIndex %d does not point at %s", r.RuleIndex, r.RuleID)
		}
		loc := r.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URI != "proj%20dir/valohai.yaml" {
			t.Errorf("artifact uri %q", loc.ArtifactLocation.URI)
		}
		// "nmae" on line 6, after "é😀": 3 UTF-16 units for 2 characters.
		if r.RuleID == "unknown-key" && loc.Region.StartLine == 6 {
			found = true
			if loc.Region.StartColumn != 34 || loc.Region.EndColumn != 38 {
				t.Errorf("region %+v, want columns 34..38 (UTF-16, end exclusive)", loc.Region)
			}
		}
	}
	if !found {
		t.Error("no result for nmae")
	}
}

func TestStrictWarnings(t *testing.T) {
	warnOnly := []Result{{Path: "x", Diagnostics: sampleResults(t)[0].Diagnostics[:0]}}
	for _, d := range sampleResults(t)[0].Diagnostics {
		if d.Code == "duplicate-name" {
			warnOnly[0].Diagnostics = append(warnOnly[0].Diagnostics, d)
		}
	}
	if len(warnOnly[0].Diagnostics) == 0 {
		t.Fatal("no warning in the sample")
	}
	if ExitCode(warnOnly) != ExitClean || ExitCodeStrict(warnOnly, true) != ExitErrors {
		t.Errorf("exit codes: %d %d", ExitCode(warnOnly), ExitCodeStrict(warnOnly, true))
	}
}

func TestJSONNamesUnreadableFile(t *testing.T) {
	res := sampleResults(t)
	var buf bytes.Buffer
	if err := Write(&buf, "json", res); err != nil {
		t.Fatal(err)
	}
	var files []struct {
		Path        string `json:"path"`
		Error       *string
		Diagnostics []json.RawMessage `json:"diagnostics"`
	}
	if err := json.Unmarshal(buf.Bytes(), &files); err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 {
		t.Fatalf("%d entries:\n%s", len(files), buf.String())
	}
	if files[0].Error != nil || len(files[0].Diagnostics) == 0 {
		t.Errorf("readable file: error %v, %d diagnostics", files[0].Error, len(files[0].Diagnostics))
	}
	if e := files[1].Error; e == nil || *e != res[1].Err.Error() || files[1].Diagnostics == nil {
		t.Errorf("unreadable file: error %v, diagnostics %v", e, files[1].Diagnostics)
	}
}

func TestSummary(t *testing.T) {
	res := sampleResults(t)
	diag := func(sevs ...diagnostics.Severity) []diagnostics.Diagnostic {
		var out []diagnostics.Diagnostic
		for _, s := range sevs {
			out = append(out, diagnostics.Diagnostic{Severity: s})
		}
		return out
	}
	E, W, I, H := diagnostics.Error, diagnostics.Warning, diagnostics.Information, diagnostics.Hint
	tests := []struct {
		results []Result
		want    string
	}{
		{[]Result{{Diagnostics: diag(E, W, E)}, {Diagnostics: diag(E, W)}, {}}, "3 errors, 2 warnings in 2 files"},
		{[]Result{{Diagnostics: diag(W)}}, "1 warning in 1 file"},
		{[]Result{{Diagnostics: diag(I, I, H)}}, "2 information, 1 hint in 1 file"},
		{[]Result{{}, {}}, "no problems in 2 files"},
		{[]Result{{}, res[1]}, "no problems in 1 file; 1 file could not be read"},
		{[]Result{{Diagnostics: diag(E)}, res[1], res[1]}, "1 error in 1 file; 2 files could not be read"},
		{[]Result{res[1]}, "1 file could not be read"},
	}
	for _, tc := range tests {
		if got := Summary(tc.results); got != tc.want {
			t.Errorf("Summary = %q, want %q", got, tc.want)
		}
	}
	// Text ends with the line only when asked.
	for _, summary := range []bool{false, true} {
		var buf bytes.Buffer
		if err := WriteOptions(&buf, "text", res, Options{Summary: summary}); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
		last := lines[len(lines)-1]
		if got := last == Summary(res); got != summary || len(lines) != len(res[0].Diagnostics)+btoi(summary) {
			t.Errorf("Summary %v: %d lines, last %q", summary, len(lines), last)
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
