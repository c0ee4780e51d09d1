package settings

import (
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/format"
)

func TestParse(t *testing.T) {
	s, problems := Parse([]byte(`{"diagnostics": {"rules": {"unknown-key": "warning", "duplicate-name": "off", "stray-key": false}},
		"completion": false, "codeLens": {"enable": false}, "hover": true}`), true)
	if len(problems) != 0 {
		t.Fatalf("problems: %v", problems)
	}
	if s.Enabled(Completion) || s.Enabled(CodeLens) || !s.Enabled(Hover) || !s.Enabled(DocumentLinks) {
		t.Errorf("features: %+v", s.off)
	}
	if s.Rules["unknown-key"] != LevelWarning || s.Rules["duplicate-name"] != LevelOff || s.Rules["stray-key"] != LevelOff {
		t.Errorf("rules: %+v", s.Rules)
	}
	diags := []diagnostics.Diagnostic{
		{Code: "unknown-key", Severity: diagnostics.Error},
		{Code: "duplicate-name", Severity: diagnostics.Warning},
		{Code: "missing-key", Severity: diagnostics.Error},
	}
	got := s.Apply(diags)
	if len(got) != 2 || got[0].Severity != diagnostics.Warning || got[1].Code != "missing-key" {
		t.Errorf("apply: %+v", got)
	}
	if diags[0].Severity != diagnostics.Error {
		t.Error("apply changed its input")
	}
}

func TestWrappedAndForeign(t *testing.T) {
	s, problems := Parse([]byte(`{"valohai-ls": {"hover": false}, "yaml": {"schemas": {}}}`), false)
	if len(problems) != 0 || s.Enabled(Hover) {
		t.Errorf("wrapped: %v %+v", problems, s.off)
	}
	// Settings of other tools, sent to every server, are not ours.
	s, problems = Parse([]byte(`{"yaml": {"validate": true}}`), false)
	if len(problems) != 0 || !s.Enabled(Hover) {
		t.Errorf("foreign: %v", problems)
	}
	if v, ok := Ours(map[string]any{"yaml": true}); ok || v != nil {
		t.Error("foreign settings taken as ours")
	}
	if _, ok := Ours(map[string]any{"valohai-ls": map[string]any{}}); !ok {
		t.Error("wrapped settings not taken")
	}
}

func TestProblems(t *testing.T) {
	tests := []struct {
		json string
		want string
	}{
		{`{"completon": false}`, `unknown setting "completon"; did you mean "completion"?`},
		{`{"frobnicate": 1}`, `unknown setting "frobnicate" (known: diagnostics, completion`},
		{`{"hover": "yes"}`, `setting "hover" must be true or false`},
		{`{"codeLens": {"enabled": false}}`, `takes only "enable"`},
		{`{"diagnostics": {"rules": {"unknown-key": "loud"}}}`, `"loud" is not a level`},
		{`{"diagnostics": {"rules": {"unknwn-key": "off"}}}`, `did you mean "unknown-key"`},
		{`{"diagnostics": {"rulez": {}}}`, `unknown setting "diagnostics.rulez"`},
		{`{"diagnostics": {"enable": "no"}}`, `must be true or false`},
		{`{"format": 2}`, `setting "format" must be an object`},
		{`{"format": {"indent": 12}}`, `"format.indent" must be a number of spaces from 1 to 8`},
		{`{"format": {"indent": 2.5}}`, `"format.indent" must be a number`},
		{`{"format": {"sequences": "hanging"}}`, `"format.sequences" must be "auto", "indented" or "flush"`},
		{`{"format": {"sequences": 1}}`, `"format.sequences" must be`},
		{`{"format": {"indnet": 2}}`, `unknown setting "format.indnet"; did you mean "format.indent"?`},
		{`[1]`, `must be an object`},
		{`{`, `not valid JSON`},
	}
	for _, tc := range tests {
		_, problems := Parse([]byte(tc.json), true)
		if len(problems) != 1 || !strings.Contains(problems[0], tc.want) {
			t.Errorf("%s: problems %q, want one containing %q", tc.json, problems, tc.want)
		}
	}
	// A code with no near match is kept (a newer version may know it) but
	// named, so that a setting that does nothing is not silent.
	s, problems := Parse([]byte(`{"diagnostics": {"rules": {"bogus-rule": "off"}}}`), true)
	if len(problems) != 1 || !strings.Contains(problems[0], `unknown diagnostic code "bogus-rule", so the setting "diagnostics.rules.bogus-rule" changes nothing`) {
		t.Errorf("unlisted code: %v", problems)
	}
	if s.Rules["bogus-rule"] != LevelOff {
		t.Errorf("unlisted code not kept: %v", s.Rules)
	}
}

func TestFormat(t *testing.T) {
	for _, tc := range []struct {
		json string
		want format.Options
	}{
		{`{}`, format.Options{}},
		{`{"format": {}}`, format.Options{}},
		{`{"format": {"indent": 4}}`, format.Options{Indent: 4}},
		{`{"format": {"indent": 0, "sequences": "auto"}}`, format.Options{}},
		{`{"format": {"sequences": "flush"}}`, format.Options{Sequences: format.SeqFlush}},
		{`{"format": {"indent": 2, "sequences": "indented"}}`, format.Options{Indent: 2, Sequences: format.SeqIndented}},
		{`{"valohai-ls": {"format": {"indent": 3}}}`, format.Options{Indent: 3}},
	} {
		s, problems := Parse([]byte(tc.json), true)
		if len(problems) != 0 || s.Format != tc.want {
			t.Errorf("%s: %+v (problems %v), want %+v", tc.json, s.Format, problems, tc.want)
		}
	}
}

func TestEditorKeysAreNotProblems(t *testing.T) {
	// VS Code answers for the whole "valohai-ls" section, extension keys included.
	_, problems := Parse([]byte(`{"server": {"path": "", "logLevel": "info"}, "trace": {"server": "off"}, "codeLens": true}`), true)
	if len(problems) != 0 {
		t.Errorf("problems: %v", problems)
	}
}

func TestDiagnosticsOff(t *testing.T) {
	s, _ := Parse([]byte(`{"diagnostics": false}`), true)
	if got := s.Apply([]diagnostics.Diagnostic{{Code: "x"}}); len(got) != 0 {
		t.Errorf("diagnostics off: %+v", got)
	}
	s, _ = Parse([]byte(`{"diagnostics": {"enable": false}}`), true)
	if s.Diagnostics {
		t.Error("diagnostics.enable false ignored")
	}
}

func TestMerge(t *testing.T) {
	init := map[string]any{"hover": false, "diagnostics": map[string]any{"rules": map[string]any{"yaml-syntax": "off"}}}
	conf := map[string]any{"diagnostics": map[string]any{"rules": map[string]any{"unknown-key": "hint"}}}
	s, problems := FromValue(Merge(init, conf), true)
	if len(problems) != 0 || s.Enabled(Hover) || s.Rules["yaml-syntax"] != LevelOff || s.Rules["unknown-key"] != LevelHint {
		t.Errorf("merged: %v %+v %+v", problems, s.off, s.Rules)
	}
	if Merge(nil, nil) != nil {
		t.Error("merge of nothing")
	}
}
