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
	if len(lines) != len(res[0].Diagnostics) {
		t.Fatalf("%d lines for %d diagnostics:\n%s", len(lines), len(res[0].Diagnostics), buf.String())
	}
	for _, l := range lines {
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
				ExecutionSuccessful bool `json:"executionSuccessful"`
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
		t.Errorf("an unreadable file must make the invocation unsuccessful: %+v", run.Invocations)
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
