package schema

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
)

// JSONSchemaDraft is the JSON Schema dialect of the export.
const JSONSchemaDraft = "https://json-schema.org/draft/2020-12/schema"

// JSONSchema returns a JSON Schema (draft 2020-12) of valohai.yaml built
// from this package's constructs, for editors that only understand JSON
// Schema. Objects used in several places are emitted once, under $defs.
func JSONSchema() ([]byte, error) {
	g := &jsGen{names: map[*Obj]string{}, used: map[string]bool{}, defs: map[string]any{}}
	root := map[string]any{
		"$schema":     JSONSchemaDraft,
		"$id":         "https://valohai-ls.dev/schema/valohai.schema.json",
		"title":       "valohai.yaml",
		"description": "Valohai configuration: a list of steps, endpoints, pipelines, tasks and deployments.",
	}
	for k, v := range g.typ(Root) {
		root[k] = v
	}
	root["$defs"] = g.defs
	out, err := json.MarshalIndent(root, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

type jsGen struct {
	names map[*Obj]string
	used  map[string]bool
	defs  map[string]any
}

// ref returns a $ref to o's definition, emitting it the first time.
func (g *jsGen) ref(o *Obj) map[string]any {
	name, ok := g.names[o]
	if !ok {
		name = g.defName(o.Name)
		g.names[o] = name
		g.defs[name] = map[string]any{} // reserve, for recursion
		g.defs[name] = g.object(o)
	}
	return map[string]any{"$ref": "#/$defs/" + name}
}

var nonWord = regexp.MustCompile(`[^a-z0-9]+`)

func (g *jsGen) defName(name string) string {
	base := strings.Trim(nonWord.ReplaceAllString(strings.ToLower(name), "-"), "-")
	if base == "" {
		base = "object"
	}
	n := base
	for i := 2; g.used[n]; i++ {
		n = base + "-" + strconv.Itoa(i)
	}
	g.used[n] = true
	return n
}

// typ returns the schema of t.
func (g *jsGen) typ(t *Type) map[string]any {
	if t == nil {
		return map[string]any{}
	}
	switch t.Kind {
	case String:
		return g.str(t)
	case Number, Integer:
		s := map[string]any{"type": "number"}
		if t.Kind == Integer {
			s["type"] = "integer"
		}
		if t.Min != nil {
			s["minimum"] = *t.Min
		}
		if t.Max != nil {
			s["maximum"] = *t.Max
		}
		return s
	case Boolean:
		return map[string]any{"type": "boolean"}
	case Object:
		if t.Object == nil {
			return map[string]any{"type": "object"}
		}
		return g.ref(t.Object)
	case List:
		s := map[string]any{"type": "array", "items": g.typ(t.Items)}
		if t.MaxItems > 0 {
			s["maxItems"] = t.MaxItems
		}
		return s
	case OneOf:
		var opts []any
		for _, o := range t.Options {
			opts = append(opts, g.typ(o))
		}
		return map[string]any{"oneOf": opts}
	}
	return map[string]any{}
}

func (g *jsGen) str(t *Type) map[string]any {
	s := map[string]any{"type": "string"}
	if len(t.Enum) > 0 {
		var names []any
		for _, v := range t.Enum {
			names = append(names, v.Name)
		}
		if t.EnumOpen {
			s["examples"] = names
		} else {
			s["enum"] = names
		}
	}
	if t.Pattern != nil {
		s["pattern"] = jsPattern(t.Pattern.String())
	}
	if t.MaxLength > 0 {
		s["maxLength"] = t.MaxLength
	}
	if t.EnumAlsoBool {
		return map[string]any{"anyOf": []any{s, map[string]any{"type": "boolean"}}}
	}
	return s
}

// jsPattern rewrites Go's \A and \z anchors as ECMAScript ^ and $.
func jsPattern(p string) string {
	return strings.ReplaceAll(strings.ReplaceAll(p, `\A`, "^"), `\z`, "$")
}

// object returns the schema of o.
func (g *jsGen) object(o *Obj) map[string]any {
	if o.Discriminator != "" && len(o.Choices) > 0 {
		var choices []any
		for _, c := range o.Choices {
			s := g.plainObject(c)
			props := s["properties"].(map[string]any)
			props[o.Discriminator] = map[string]any{"const": c.Const, "description": describeKey(c.Key(o.Discriminator))}
			choices = append(choices, s)
		}
		return map[string]any{"description": o.Doc, "type": "object", "anyOf": choices}
	}
	return g.plainObject(o)
}

func (g *jsGen) plainObject(o *Obj) map[string]any {
	s := map[string]any{"type": "object"}
	if o.Doc != "" {
		s["description"] = o.Doc
	}
	props := map[string]any{}
	var required []any
	for _, k := range o.Keys {
		ks := g.typ(k.Type)
		if len(ks) == 1 && ks["$ref"] != nil {
			ks = map[string]any{"allOf": []any{ks}}
		}
		if d := describeKey(k); d != "" {
			ks["description"] = d
			ks["markdownDescription"] = d
		}
		if k.Default != "" {
			ks["default"] = defaultValue(k.Default)
		}
		if k.Deprecated != "" {
			ks["deprecated"] = true
		}
		props[k.Name] = ks
		if k.Required {
			required = append(required, k.Name)
		}
	}
	s["properties"] = props
	if len(required) > 0 {
		s["required"] = required
	}
	switch {
	case o.Values != nil:
		s["additionalProperties"] = g.typ(o.Values)
	case o.Open:
		s["additionalProperties"] = true
	default:
		s["additionalProperties"] = false
	}
	if len(o.Variants) > 0 {
		var alts []any
		for _, v := range o.Variants {
			alts = append(alts, map[string]any{"required": toAny(v.Keys)})
		}
		s["oneOf"] = alts
	}
	if len(o.AnyOf) > 0 {
		var alts []any
		for _, k := range o.AnyOf {
			alts = append(alts, map[string]any{"required": []any{k}})
		}
		s["anyOf"] = alts
	}
	if len(o.Requires) > 0 {
		s["allOf"] = requirements(o.Requires)
	}
	return s
}

// requirements writes each requirement as an if/then: when Unless is
// written with another value than Values, Key is required.
func requirements(rs []Requirement) []any {
	var out []any
	for _, r := range rs {
		out = append(out, map[string]any{
			"if": map[string]any{
				"required":   []any{r.Unless},
				"properties": map[string]any{r.Unless: map[string]any{"not": map[string]any{"enum": toAny(r.Values)}}},
			},
			"then": map[string]any{"required": []any{r.Key}},
		})
	}
	return out
}

func describeKey(k *Key) string {
	if k == nil {
		return ""
	}
	return k.Doc
}

// defaultValue turns a documented default into a JSON value.
func defaultValue(s string) any {
	switch s {
	case "true":
		return true
	case "false":
		return false
	case "[]":
		return []any{}
	case "{}":
		return map[string]any{}
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return f
	}
	return s
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
