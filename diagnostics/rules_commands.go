package diagnostics

import (
	"fmt"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/schema"
)

// commandLines checks how a command passes parameters: an option written
// before a placeholder that already writes it, and placeholders Valohai
// does not know, which it leaves in the command as text.
func (c *checker) commandLines(cmd *yaml.Node, step *model.Symbol, owner string) {
	for _, line := range listify(cmd) {
		if !isString(line) || !strings.Contains(line.Value, "{") {
			continue
		}
		from := c.m.NodeStart(line)
		for _, ph := range model.Placeholders(line.Value) {
			if ph.Prefix != "parameter" {
				continue
			}
			opt := passOption(model.Child(step, model.KindParameter, ph.Name), ph.Name)
			before := line.Value[:ph.Start]
			written := ""
			switch {
			case strings.HasSuffix(before, opt+"="):
				written = opt + "=" + ph.Text()
			case strings.HasSuffix(strings.TrimRight(before, " "), opt) && strings.HasSuffix(before, " "):
				written = strings.TrimRight(before, " ")[len(strings.TrimRight(before, " "))-len(opt):] + before[len(strings.TrimRight(before, " ")):] + ph.Text()
			}
			if written == "" || !strings.HasPrefix(opt, "-") {
				continue
			}
			at := from
			span := c.findText(line, written, &at)
			c.at(span, Warning, CodeOptionTwice,
				fmt.Sprintf("%s already writes %s=<value>, so %s passes %s twice; write %s alone, or %s=%s",
					ph.Text(), opt, written, opt, ph.Text(), opt, "{parameter-value:"+ph.Name+"}"),
				ph.Text(), opt+"={parameter-value:"+ph.Name+"}")
		}
		for _, m := range malformedPlaceholder.FindAllStringSubmatchIndex(line.Value, -1) {
			got, kind := line.Value[m[0]:m[1]], line.Value[m[2]:m[3]]
			if line.Value[m[4]:m[5]] == ":" && (kind == "parameter" || kind == "parameter-value") {
				continue // a placeholder Valohai reads
			}
			fixed := intendedPlaceholder(kind, line.Value[m[6]:m[7]])
			span := c.findText(line, got, &from)
			c.at(span, Warning, CodeMalformedPlaceholder,
				fmt.Sprintf("Valohai does not know the placeholder %s and leaves it in the command as written; write %s", got, fixed), fixed)
		}
	}
}

// passOption returns the option the parameter p of that name is passed
// as: the first word of its pass-as, without the value, else --NAME.
func passOption(p *model.Symbol, name string) string {
	if p == nil {
		return "--" + name
	}
	if pa := text(document.ValueOf(p.Body, schema.XPassAs)); pa != "" {
		opt, _, _ := strings.Cut(strings.Fields(pa + " ")[0], "=")
		return opt
	}
	return "--" + name
}

// malformedPlaceholder matches a placeholder that names a parameter in a
// form Valohai does not read: `{param:x}`, `{parameters:x}`,
// `{parameter-value[x]}`, `{parameter_value:x}`.
var malformedPlaceholder = regexp.MustCompile(`\{(params?|parameters|parameter|parameter[-_]?value|param[-_]?value)(\[|:|\()\s*([^{}\[\]()\s:]+)\s*[\])]?\}`)

// intendedPlaceholder returns the placeholder that a malformed one means.
func intendedPlaceholder(kind, name string) string {
	if strings.Contains(kind, "value") {
		return "{parameter-value:" + name + "}"
	}
	return "{parameter:" + name + "}"
}
