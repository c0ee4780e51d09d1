package stepsync

import (
	"sort"
	"strconv"
	"strings"

	"github.com/valohai-ls/valohai-ls/python"
	"github.com/valohai-ls/valohai-ls/schema"
)

// DefaultImage is the image valohai-utils gives a step whose prepare()
// names none.
const DefaultImage = "python:3.11-slim"

// Field is one key of a mapping to write, with its value: a bool, int64,
// float64 (Text keeps the Python spelling), string, or []any of those.
type Field struct {
	Key   string
	Value any
}

// Float is a float with the text it was written with.
type Float struct {
	Num  float64
	Text string
}

// Item is a parameter or an input to write: name first, then Fields.
type Item struct {
	Name   string
	Fields []Field
}

// get returns the value of key, nil when absent.
func (it Item) get(key string) (any, bool) {
	for _, f := range it.Fields {
		if f.Key == key {
			return f.Value, true
		}
	}
	return nil, false
}

// sorted orders fields alphabetically, as valohai-yaml serialises them.
func sorted(fs []Field) []Field {
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Key < fs[j].Key })
	return fs
}

// literal converts a Python literal to a value to write; ok is false for
// a value that is not a plain literal.
func literal(v python.Value) (any, bool) {
	switch v.Kind {
	case python.Bool:
		return v.Bool, true
	case python.Int:
		if n, err := strconv.ParseInt(strings.ReplaceAll(v.Text, "_", ""), 0, 64); err == nil {
			return n, true
		}
		return int64(v.Num), true
	case python.Float:
		return floatOf(v.Num), true
	case python.String:
		return v.Text, true
	case python.List, python.Tuple:
		var out []any
		for _, it := range v.Items {
			x, ok := literal(it)
			if !ok {
				return nil, false
			}
			out = append(out, x)
		}
		return out, true
	}
	return nil, false
}

// floatOf is a float written with a decimal point or an exponent.
func floatOf(f float64) Float {
	s := strconv.FormatFloat(f, 'g', -1, 64)
	switch {
	case strings.ContainsAny(s, "nN"): // NaN, Inf
	case !strings.Contains(s, "."):
		// YAML 1.1 (PyYAML) reads a float only with a decimal point.
		if i := strings.IndexAny(s, "eE"); i >= 0 {
			s = s[:i] + ".0" + s[i:]
		} else {
			s += ".0"
		}
	}
	return Float{Num: f, Text: s}
}

// PrepareParameter is the parameter valohai-utils writes for an entry of
// default_parameters; ok is false when it writes none that valohai-ls can
// tell.
func PrepareParameter(name string, v python.Value) (Item, bool) {
	it := Item{Name: name}
	switch v.Kind {
	case python.Bool:
		it.Fields = []Field{{schema.XDefault, v.Bool}, {schema.XPassFalseAs, "--" + name + "=false"},
			{schema.XPassTrueAs, "--" + name + "=true"}, {schema.XType, schema.ParamFlag}}
		return it, true
	case python.Int, python.Float, python.String:
		x, _ := literal(v)
		it.Fields = []Field{{schema.XDefault, x}, {schema.XOptional, false}, {schema.XType, typeOf(x)}}
		return it, true
	case python.DictV:
		return dictParameter(name, v)
	}
	return it, false
}

// typeOf is valohai-yaml's type for a default.
func typeOf(x any) string {
	switch x.(type) {
	case bool:
		return schema.ParamFlag
	case int64:
		return schema.ParamInteger
	case Float:
		return schema.ParamFloat
	}
	return schema.ParamString
}

// parameterKeys are the keys of a parameter but its name: those
// valohai-yaml's parameter model keeps from a dict.
var parameterKeys = keysOf(schema.Parameter)

// inputKeys are the keys of an input but its name.
var inputKeys = keysOf(schema.Input)

// keysOf returns the keys of a construct, its label left out.
func keysOf(o *schema.Obj) map[string]bool {
	out := map[string]bool{}
	for _, k := range o.Keys {
		if k.Name != o.Label {
			out[k.Name] = true
		}
	}
	return out
}

// dictEntries reads a dict literal's string keys, keeping those of keys.
func dictEntries(v python.Value, keys map[string]bool) ([]Field, bool) {
	var fs []Field
	for i := 0; i+1 < len(v.Items); i += 2 {
		k := v.Items[i]
		if k.Kind != python.String {
			return nil, false
		}
		if !keys[k.Text] {
			continue
		}
		if v.Items[i+1].Kind == python.None {
			continue
		}
		x, ok := literal(v.Items[i+1])
		if !ok {
			return nil, false
		}
		fs = append(fs, Field{k.Text, x})
	}
	return fs, true
}

// dictParameter goes through valohai-yaml's parameter model: the type
// inferred from the default, optional false unless given.
func dictParameter(name string, v python.Value) (Item, bool) {
	fs, ok := dictEntries(v, parameterKeys)
	if !ok {
		return Item{}, false
	}
	it := Item{Name: name, Fields: fs}
	if _, ok := it.get(schema.XMultiple); !ok {
		// valohai-yaml writes the separator only with multiple.
		kept := it.Fields[:0]
		for _, f := range it.Fields {
			if f.Key != schema.XMultipleSeparator {
				kept = append(kept, f)
			}
		}
		it.Fields = kept
	}
	if _, ok := it.get(schema.XType); !ok {
		def, _ := it.get(schema.XDefault)
		it.Fields = append(it.Fields, Field{schema.XType, typeOf(def)})
	}
	if t, _ := it.get(schema.XType); t != schema.ParamFlag {
		if _, ok := it.get(schema.XOptional); !ok {
			it.Fields = append(it.Fields, Field{schema.XOptional, false})
		}
	}
	it.Fields = sorted(it.Fields)
	return it, true
}

// PrepareInput is the input valohai-utils writes for an entry of
// default_inputs.
func PrepareInput(name string, v python.Value) (Item, bool) {
	it := Item{Name: name}
	if v.Kind == python.DictV {
		fs, ok := dictEntries(v, inputKeys)
		if !ok {
			return it, false
		}
		it.Fields = fs
		if _, ok := it.get(schema.XOptional); !ok {
			it.Fields = append(it.Fields, Field{schema.XOptional, false})
		}
		it.Fields = sorted(it.Fields)
		return it, true
	}
	var urls []string
	switch v.Kind {
	case python.String:
		urls = []string{v.Text}
	case python.List, python.Tuple:
		for _, x := range v.Items {
			if x.Kind != python.String {
				return it, false
			}
			urls = append(urls, x.Text)
		}
	default:
		return it, false
	}
	var kept []any
	star := false
	for _, u := range urls {
		if !strings.Contains(u, "://") {
			continue // a local path
		}
		kept = append(kept, u)
		star = star || strings.Contains(u, "*")
	}
	if len(kept) == 0 {
		it.Fields = []Field{{schema.XOptional, true}}
		return it, true
	}
	it.Fields = []Field{{schema.XDefault, kept}}
	if star {
		it.Fields = append(it.Fields, Field{schema.XKeepDirectories, schema.KeepDirectoriesSuffix})
	}
	it.Fields = append(it.Fields, Field{schema.XOptional, false})
	return it, true
}
