package diagnostics

import (
	"context"
	"fmt"
	"strings"

	"github.com/valohai-ls/valohai-ls/document"
)

// RulesURL is the published rules reference; each code has a section
// whose anchor is the code itself.
const RulesURL = "https://github.com/valohai-ls/valohai-ls/blob/main/docs/rules.md"

// RuleURL links code to its section of the rules reference.
func RuleURL(code string) string { return RulesURL + "#" + code }

// firstMessage returns the line (one-based) and message of the first
// finding with code in text.
func firstMessage(text, code string) (int, string, bool) {
	doc := document.New("file:///valohai.yaml", 1, text)
	for _, d := range Diagnose(context.Background(), doc) {
		if d.Code == code {
			return doc.Mapper().LineOf(d.Start) + 1, d.Message, true
		}
	}
	return 0, "", false
}

// mdCode writes s as Markdown inline code, with a fence longer than any
// run of backticks in s.
func mdCode(s string) string {
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}

// officialText is how the reference words an Official value.
func officialText(o Official) string {
	switch o {
	case OfficialCrashes:
		return "no: valohai-yaml stops with an internal error instead of a message"
	case OfficialSilent:
		return "no: valohai-ls only"
	}
	return "yes"
}

// Reference renders docs/rules.md: every code with its severity, what it
// catches, why it matters, a failing and a fixed example, whether
// valohai-yaml reports it too, and how to silence it.
func Reference() string {
	var b strings.Builder
	b.WriteString(`# Rules

<!-- Generated from diagnostics/catalog.go and diagnostics/ruledocs.go by "make rules-doc"; do not edit by hand. -->

Every problem valohai-ls reports carries a code, shown in brackets by ` + "`valohai-ls check`" + `
(` + "`[unknown-key]`" + `) and beside the message in the editor, which links here. This page lists every
code with its usual severity, what it catches, why it matters on Valohai, a file that reports it
and the same file fixed.

"Also reported by valohai-yaml" tells whether Valohai's own checker (the open-source ` + "`valohai-yaml`" + `
package that reads the file for Valohai's tools) reports the same problem: where it does not, valohai-ls
warns about something that is legal but probably not what was meant, or catches a problem that
makes ` + "`valohai-yaml`" + ` stop with an internal error.

## Silencing a rule

- In the file: a comment ` + "`# valohai-ls: ignore[CODE]`" + ` silences the findings with that code that
  start on the comment's line or on the line below it; ` + "`ignore[CODE1, CODE2]`" + ` names several codes.
- Everywhere, in the editor's settings: ` + "`\"diagnostics\": {\"rules\": {\"CODE\": \"off\"}}`" + `. The
  same setting changes a rule's severity: ` + "`\"error\"`, `\"warning\"`, `\"information\"` or `\"hint\"`" + `.

YAML syntax errors (` + "`yaml-syntax`" + `) cannot be silenced.

## All codes

| code | severity | what it catches | also reported by valohai-yaml |
| --- | --- | --- | --- |
`)
	docs := RuleDocs()
	desc := map[string]Rule{}
	for _, r := range Rules {
		desc[r.Code] = r
	}
	for _, d := range docs {
		r := desc[d.Code]
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %s | %s |\n", d.Code, d.Code, r.Severity, r.Description, officialText(d.Official))
	}
	for _, d := range docs {
		r := desc[d.Code]
		fmt.Fprintf(&b, "\n## %s\n\n", d.Code)
		fmt.Fprintf(&b, "Severity: **%s**. Also reported by valohai-yaml: %s.\n\n", r.Severity, officialText(d.Official))
		fmt.Fprintf(&b, "%s %s\n\n", r.Description, d.Why)
		fmt.Fprintf(&b, "Reported:\n\n```yaml\n%s```\n\n", d.Bad)
		if d.Script != "" {
			fmt.Fprintf(&b, "with `train.py`:\n\n```python\n%s```\n\n", d.Script)
		}
		if line, msg, ok := firstMessage(d.Bad, d.Code); ok {
			fmt.Fprintf(&b, "valohai-ls says, on line %d: %s\n\n", line, mdCode(msg))
		}
		fmt.Fprintf(&b, "Fixed:\n\n```yaml\n%s```\n\n", d.Good)
		if d.FixedScript != "" {
			fmt.Fprintf(&b, "with `train.py`:\n\n```python\n%s```\n\n", d.FixedScript)
		}
		if d.Fix != "" {
			fmt.Fprintf(&b, "Quick fix: %s\n\n", d.Fix)
		}
		if d.Code == CodeSyntax {
			b.WriteString("This code cannot be silenced: nothing else in the file can be checked until it is fixed.\n")
			continue
		}
		fmt.Fprintf(&b, "Silence it: `# valohai-ls: ignore[%s]` on the line or the line above, or `\"%s\": \"off\"` under `diagnostics.rules` in the settings.\n", d.Code, d.Code)
	}
	return b.String()
}
