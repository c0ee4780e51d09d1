package check

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
)

// ToolVersion is the version reported in SARIF output; the command sets it.
var ToolVersion = "dev"

// SARIF constants.
const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	toolURI      = "https://github.com/valohai-ls/valohai-ls"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	Artifacts   []sarifArtifact   `json:"artifacts,omitempty"`
	Results     []sarifResult     `json:"results"`
	ColumnKind  string            `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID                   string          `json:"id"`
	ShortDescription     sarifText       `json:"shortDescription"`
	FullDescription      *sarifText      `json:"fullDescription,omitempty"`
	HelpURI              string          `json:"helpUri,omitempty"`
	DefaultConfiguration sarifRuleConfig `json:"defaultConfiguration"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifArtifact struct {
	Location sarifArtifactLocation `json:"location"`
}

type sarifArtifactLocation struct {
	URI string `json:"uri"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

// writeSARIF prints a SARIF 2.1.0 log with one run. Every known rule is
// described in tool.driver.rules (and any other code found, generically);
// regions are one-based with UTF-16 columns, the end column exclusive.
func writeSARIF(w io.Writer, results []Result) error {
	rules, index := sarifRules(results)
	run := sarifRun{
		Tool:        sarifTool{Driver: sarifDriver{Name: "valohai-ls", Version: ToolVersion, InformationURI: toolURI, Rules: rules}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: true}},
		Results:     []sarifResult{},
		ColumnKind:  "utf16CodeUnits",
	}
	for _, r := range results {
		if r.Err != nil {
			run.Invocations[0].ExecutionSuccessful = false
			run.Invocations[0].ToolExecutionNotifications = append(run.Invocations[0].ToolExecutionNotifications,
				sarifNotification{Level: "error", Message: sarifText{r.Err.Error()}, Locations: []sarifLocation{{
					PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifactLocation{URI: artifactURI(r.Path)}},
				}}})
			continue
		}
		loc := sarifArtifactLocation{URI: artifactURI(r.Path)}
		run.Artifacts = append(run.Artifacts, sarifArtifact{Location: loc})
		m := r.Doc.Mapper()
		for _, d := range r.Diagnostics {
			s, e := m.Position(d.Start, document.UTF16), m.Position(d.End, document.UTF16)
			run.Results = append(run.Results, sarifResult{
				RuleID:    d.Code,
				RuleIndex: index[d.Code],
				Level:     sarifLevel(d.Severity),
				Message:   sarifText{d.Message},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
					ArtifactLocation: loc,
					Region: &sarifRegion{
						StartLine: s.Line + 1, StartColumn: s.Character + 1,
						EndLine: e.Line + 1, EndColumn: e.Character + 1,
					},
				}}},
			})
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

// sarifRules returns the rules metadata: the catalogue first, then codes
// found in results that it does not list, and each code's index.
func sarifRules(results []Result) ([]sarifRule, map[string]int) {
	var rules []sarifRule
	index := map[string]int{}
	add := func(code, desc, help string, sev diagnostics.Severity) {
		if _, ok := index[code]; ok {
			return
		}
		index[code] = len(rules)
		rules = append(rules, sarifRule{ID: code, ShortDescription: sarifText{desc}, HelpURI: help,
			DefaultConfiguration: sarifRuleConfig{Level: sarifLevel(sev)}})
	}
	for _, r := range diagnostics.Rules {
		add(r.Code, r.Description, diagnostics.RuleURL(r.Code), r.Severity)
	}
	// The full description adds why the rule matters on Valohai.
	for _, d := range diagnostics.RuleDocs() {
		if i, ok := index[d.Code]; ok {
			rules[i].FullDescription = &sarifText{rules[i].ShortDescription.Text + " " + d.Why}
		}
	}
	for _, r := range results {
		for _, d := range r.Diagnostics {
			add(d.Code, "valohai.yaml check "+d.Code+".", "", d.Severity)
		}
	}
	return rules, index
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s diagnostics.Severity) string { return level(s, "note") }

// artifactURI is a path as a URI reference: relative paths stay relative
// (to the directory the check ran in), absolute ones become file URIs.
func artifactURI(path string) string {
	slash := filepath.ToSlash(path)
	if filepath.IsAbs(path) {
		if len(slash) > 0 && slash[0] != '/' {
			slash = "/" + slash // a Windows drive letter
		}
		return (&url.URL{Scheme: "file", Path: slash}).String()
	}
	return (&url.URL{Path: slash}).String()
}
