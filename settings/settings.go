// Package settings reads the user's valohai-ls settings: which features
// are on, and how each diagnostic rule is reported. The server takes them
// from the client's initializationOptions, pulls them with
// workspace/configuration (section "valohai-ls") and refreshes them on
// workspace/didChangeConfiguration:
//
//	{
//	  "diagnostics": {
//	    "enable": true,
//	    "rules": {"unknown-key": "warning", "duplicate-name": "off"}
//	  },
//	  "completion": true, "hover": true, "codeLens": false, "documentLinks": true,
//	  "format": {"indent": 2, "sequences": "auto"}
//	}
//
// A feature may also be written {"enable": false}. Settings may come
// wrapped in {"valohai-ls": {...}}. Anything unknown is reported back as a
// problem for the user to see, and otherwise ignored.
package settings

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/format"
	"github.com/valohai-ls/valohai-ls/suggest"
)

// Section is the settings section the server asks the client for.
const Section = "valohai-ls"

// Feature is an editor feature that can be turned off.
type Feature string

// Features.
const (
	Completion         Feature = "completion"
	Hover              Feature = "hover"
	Definition         Feature = "definition"
	References         Feature = "references"
	DocumentHighlights Feature = "documentHighlights"
	DocumentSymbols    Feature = "documentSymbols"
	Rename             Feature = "rename"
	CodeActions        Feature = "codeActions"
	CodeLens           Feature = "codeLens"
	DocumentLinks      Feature = "documentLinks"
	SelectionRanges    Feature = "selectionRanges"
	// Formatting lays out the whole file or a range of it.
	Formatting Feature = "formatting"
	// SemanticTokens colours placeholders and names (see
	// docs/semantic-tokens.md).
	SemanticTokens Feature = "semanticTokens"
	// ScriptChecks compares steps with the Python scripts they run.
	ScriptChecks Feature = "scriptChecks"
)

// AllFeatures lists every feature, for documentation and validation.
var AllFeatures = []Feature{Completion, Hover, Definition, References, DocumentHighlights,
	DocumentSymbols, Rename, CodeActions, CodeLens, DocumentLinks, ScriptChecks,
	SelectionRanges, Formatting, SemanticTokens}

// Level is how a rule's diagnostics are reported.
type Level string

// Levels. LevelDefault keeps the severity the rule gives.
const (
	LevelDefault     Level = ""
	LevelOff         Level = "off"
	LevelError       Level = "error"
	LevelWarning     Level = "warning"
	LevelInformation Level = "information"
	LevelHint        Level = "hint"
)

// Settings are the effective settings.
type Settings struct {
	// Diagnostics turns all diagnostics on or off.
	Diagnostics bool
	// PullDiagnostics offers textDocument/diagnostic to a client that can
	// pull them (read from the initializationOptions only: capabilities
	// are fixed at initialize); false pushes to every client.
	PullDiagnostics bool
	// Rules maps diagnostic codes to the level they are reported at.
	Rules map[string]Level
	// Format is how formatting lays a file out; the zero value follows
	// the file.
	Format format.Options
	// off lists the features turned off.
	off map[Feature]bool
}

// Default returns the settings in force when the user sets nothing:
// everything on, every rule at its own severity.
func Default() Settings {
	return Settings{Diagnostics: true, PullDiagnostics: true, Rules: map[string]Level{}, off: map[Feature]bool{}}
}

// Enabled reports whether feature f is on.
func (s Settings) Enabled(f Feature) bool { return !s.off[f] }

// Apply drops the diagnostics of rules that are off and changes the
// severity of those given another level.
func (s Settings) Apply(diags []diagnostics.Diagnostic) []diagnostics.Diagnostic {
	if !s.Diagnostics {
		return nil
	}
	if len(s.Rules) == 0 {
		return diags
	}
	out := make([]diagnostics.Diagnostic, 0, len(diags))
	for _, d := range diags {
		switch s.Rules[d.Code] {
		case LevelOff:
			continue
		case LevelError:
			d.Severity = diagnostics.Error
		case LevelWarning:
			d.Severity = diagnostics.Warning
		case LevelInformation:
			d.Severity = diagnostics.Information
		case LevelHint:
			d.Severity = diagnostics.Hint
		}
		out = append(out, d)
	}
	return out
}

// Parse reads settings from JSON. own says the JSON is certainly meant for
// valohai-ls (initializationOptions, or the answer for its section); other
// JSON is used only when it is wrapped in {"valohai-ls": ...} or has keys
// that valohai-ls knows, so that settings sent for other tools raise no
// complaints. problems describe what was not understood.
func Parse(data []byte, own bool) (s Settings, problems []string) {
	s = Default()
	raw := strings.TrimSpace(string(data))
	if raw == "" || raw == "null" {
		return s, nil
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return s, []string{"settings are not valid JSON: " + err.Error()}
	}
	return FromValue(v, own)
}

// FromValue is Parse for decoded JSON.
func FromValue(v any, own bool) (s Settings, problems []string) {
	s = Default()
	if v == nil {
		return s, nil
	}
	obj, ok := v.(map[string]any)
	if !ok {
		if own {
			problems = append(problems, fmt.Sprintf("settings must be an object, not %s", describe(v)))
		}
		return s, problems
	}
	if inner, ok := obj[Section]; ok {
		obj, ok = inner.(map[string]any)
		if !ok {
			if inner != nil {
				problems = append(problems, fmt.Sprintf("%q settings must be an object, not %s", Section, describe(inner)))
			}
			return s, problems
		}
	} else if !own && !knowsAny(obj) {
		return s, nil
	}
	for _, key := range sortedKeys(obj) {
		val := obj[key]
		switch {
		case key == "diagnostics":
			problems = append(problems, s.diagnostics(val)...)
		case key == formatKey:
			problems = append(problems, s.format(val)...)
		case clientKeys[key]:
			// Read by editor extensions, not by the server.
		case isFeature(key):
			on, p := enabled(key, val)
			if p != "" {
				problems = append(problems, p)
				continue
			}
			s.off[Feature(key)] = !on
		default:
			problems = append(problems, unknown("setting", key, knownKeys()))
		}
	}
	return s, problems
}

// diagnostics reads the "diagnostics" section.
func (s *Settings) diagnostics(v any) []string {
	if b, ok := v.(bool); ok {
		s.Diagnostics = b
		return nil
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return []string{fmt.Sprintf("setting \"diagnostics\" must be an object, not %s", describe(v))}
	}
	var problems []string
	for _, key := range sortedKeys(obj) {
		val := obj[key]
		switch key {
		case "enable":
			b, ok := val.(bool)
			if !ok {
				problems = append(problems, fmt.Sprintf("setting \"diagnostics.enable\" must be true or false, not %s", describe(val)))
				continue
			}
			s.Diagnostics = b
		case "pull":
			b, ok := val.(bool)
			if !ok {
				problems = append(problems, fmt.Sprintf("setting \"diagnostics.pull\" must be true or false, not %s", describe(val)))
				continue
			}
			s.PullDiagnostics = b
		case "rules":
			problems = append(problems, s.rules(val)...)
		default:
			problems = append(problems, unknown("setting", "diagnostics."+key, []string{"diagnostics.enable", "diagnostics.pull", "diagnostics.rules"}))
		}
	}
	return problems
}

// formatKey is the section of the layout choices of formatting.
const formatKey = "format"

// format reads the "format" section: {"indent": 0-8, "sequences":
// "auto"|"indented"|"flush"}.
func (s *Settings) format(v any) []string {
	obj, ok := v.(map[string]any)
	if !ok {
		return []string{fmt.Sprintf("setting %q must be an object, not %s", formatKey, describe(v))}
	}
	var problems []string
	for _, key := range sortedKeys(obj) {
		val := obj[key]
		switch key {
		case "indent":
			n, ok := val.(float64)
			if !ok || n != float64(int(n)) || n < 0 || n > format.MaxIndent {
				problems = append(problems, fmt.Sprintf("setting \"format.indent\" must be a number of spaces from 1 to %d, or 0 to follow the file, not %s", format.MaxIndent, describe(val)))
				continue
			}
			s.Format.Indent = int(n)
		case "sequences":
			name, _ := val.(string)
			seq, ok := format.SeqStyleNamed(name)
			if _, isString := val.(string); !ok || !isString {
				problems = append(problems, fmt.Sprintf("setting \"format.sequences\" must be \"auto\", \"indented\" or \"flush\", not %s", describe(val)))
				continue
			}
			s.Format.Sequences = seq
		default:
			problems = append(problems, unknown("setting", formatKey+"."+key, []string{"format.indent", "format.sequences"}))
		}
	}
	return problems
}

// rules reads "diagnostics.rules".
func (s *Settings) rules(v any) []string {
	obj, ok := v.(map[string]any)
	if !ok {
		return []string{fmt.Sprintf("setting \"diagnostics.rules\" must be an object of code: level, not %s", describe(v))}
	}
	var problems []string
	for _, code := range sortedKeys(obj) {
		lvl, ok := level(obj[code])
		if !ok {
			problems = append(problems, fmt.Sprintf("diagnostics.rules.%s: %s is not a level; use \"off\", \"error\", \"warning\", \"information\" or \"hint\"", code, describe(obj[code])))
			continue
		}
		if _, known := diagnostics.RuleFor(code); !known {
			if near := suggest.Closest(code, ruleCodes()); near != "" {
				problems = append(problems, fmt.Sprintf("diagnostics.rules: unknown diagnostic code %q; did you mean %q?", code, near))
			} else {
				problems = append(problems, fmt.Sprintf("diagnostics.rules: unknown diagnostic code %q, so the setting \"diagnostics.rules.%s\" changes nothing (the codes: %s)", code, code, diagnostics.RulesURL))
			}
		}
		s.Rules[code] = lvl
	}
	return problems
}

// level reads a rule level: a name, or a boolean (false is off, true the
// rule's own severity).
func level(v any) (Level, bool) {
	switch x := v.(type) {
	case bool:
		if x {
			return LevelDefault, true
		}
		return LevelOff, true
	case string:
		switch strings.ToLower(x) {
		case "off", "none", "ignore":
			return LevelOff, true
		case "error":
			return LevelError, true
		case "warning", "warn":
			return LevelWarning, true
		case "information", "info":
			return LevelInformation, true
		case "hint":
			return LevelHint, true
		case "default", "on":
			return LevelDefault, true
		}
	}
	return "", false
}

// enabled reads a feature switch: a boolean, or {"enable": boolean}.
func enabled(key string, v any) (bool, string) {
	switch x := v.(type) {
	case bool:
		return x, ""
	case map[string]any:
		on := true
		for _, k := range sortedKeys(x) {
			b, ok := x[k].(bool)
			if k != "enable" || !ok {
				return true, fmt.Sprintf("setting %q takes only \"enable\": true or false", key)
			}
			on = b
		}
		return on, ""
	}
	return true, fmt.Sprintf("setting %q must be true or false, not %s", key, describe(v))
}

// clientKeys are settings in the same section that editor extensions read
// for themselves (the VS Code extension's server.path, trace.server).
var clientKeys = map[string]bool{"server": true, "trace": true}

func isFeature(key string) bool {
	for _, f := range AllFeatures {
		if string(f) == key {
			return true
		}
	}
	return false
}

func knowsAny(obj map[string]any) bool {
	for k := range obj {
		if k == "diagnostics" || k == formatKey || isFeature(k) {
			return true
		}
	}
	return false
}

func knownKeys() []string {
	out := []string{"diagnostics"}
	for _, f := range AllFeatures {
		out = append(out, string(f))
	}
	return append(out, formatKey)
}

func ruleCodes() []string {
	out := make([]string, 0, len(diagnostics.Rules))
	for _, r := range diagnostics.Rules {
		out = append(out, r.Code)
	}
	return out
}

// unknown words a problem about an unknown name, with the nearest known.
func unknown(what, name string, known []string) string {
	msg := fmt.Sprintf("unknown %s %q", what, name)
	if near := suggest.Closest(name, known); near != "" {
		return msg + fmt.Sprintf("; did you mean %q?", near)
	}
	return msg + " (known: " + strings.Join(known, ", ") + ")"
}

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return fmt.Sprint(x)
	case float64:
		return fmt.Sprint(x)
	case string:
		return fmt.Sprintf("%q", x)
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%v", v)
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Merge lays JSON objects over each other, later ones winning, objects
// merged key by key; it is how initializationOptions and later
// configuration combine. Layers that are not objects replace the result.
func Merge(layers ...any) any {
	var out any
	for _, l := range layers {
		out = merge(out, l)
	}
	return out
}

func merge(a, b any) any {
	if b == nil {
		return a
	}
	am, aok := a.(map[string]any)
	bm, bok := b.(map[string]any)
	if !aok || !bok {
		return b
	}
	out := make(map[string]any, len(am)+len(bm))
	for k, v := range am {
		out[k] = v
	}
	for k, v := range bm {
		out[k] = merge(out[k], v)
	}
	return out
}

// Ours picks the valohai-ls settings out of a settings value that may be
// meant for several tools: the "valohai-ls" member when there is one, the
// value itself when it has keys valohai-ls knows, else nothing.
func Ours(v any) (any, bool) {
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, false
	}
	if inner, ok := obj[Section]; ok {
		return inner, true
	}
	if knowsAny(obj) {
		return obj, true
	}
	return nil, false
}
