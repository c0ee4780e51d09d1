// Package schema is the single description of the valohai.yaml format: its
// top-level kinds, every construct and key with its type, whether it is
// required, its default, allowed values, variants and documentation.
// Completion, hover, diagnostics and the JSON Schema export all read it; no
// other package knows a key name.
//
// Constructs are data: a construct is an *Object literal listing its keys,
// and adding one is a matter of writing that literal and referring to it.
package schema

import (
	"regexp"
	"strings"
)

// Kind is the shape of a value.
type Kind uint8

// Value kinds.
const (
	Any     Kind = iota // anything
	String              // a string scalar
	Number              // an int or float scalar (not a boolean)
	Integer             // a number with no fractional part
	Boolean             // true/false (YAML 1.1: also yes/no/on/off)
	Object              // a mapping described by Type.Object
	List                // a sequence of Type.Items
	OneOf               // one of Type.Options, chosen by the value's shape
)

// Ref names what a string value refers to, for completion, navigation and
// cross-reference checks.
type Ref string

// References between parts of a file.
const (
	RefNone          Ref = ""
	RefStep          Ref = "step"           // a step name
	RefTask          Ref = "task"           // a task blueprint name
	RefEndpoint      Ref = "endpoint"       // an endpoint name
	RefDeployment    Ref = "deployment"     // a deployment name
	RefSocket        Ref = "socket"         // <node>.<type>.<key> edge socket
	RefParamTarget   Ref = "param-target"   // <node>.parameter.<name>
	RefStepParam     Ref = "step-parameter" // a parameter of the node's step
	RefStepInput     Ref = "step-input"     // an input of the node's step
	RefCommand       Ref = "command"        // a shell command with {placeholders}
	RefStopCondition Ref = "expression"     // a stop-condition expression
	RefDuration      Ref = "duration"       // a time-limit string
	RefWSGI          Ref = "wsgi"           // module[:callable]
)

// Value is one allowed (or well-known) value of an enum, with what it means.
type Value struct {
	Name string
	Doc  string
}

// Type describes a value.
type Type struct {
	Kind Kind
	// Name is how messages and hovers call this type, when the kind alone
	// does not say it well ("duration", "string or list of strings").
	Name string

	// Enum lists the allowed values of a string. When EnumOpen is set the
	// values are well-known suggestions only, and others are accepted (or
	// warned about by a rule).
	Enum     []Value
	EnumOpen bool
	// Aliases map other words people write for an enum value, in lower
	// case (`int`, `some`), to the values they may mean, the likelier
	// first (`integer`; `suffix`): one is the fix, several a choice.
	Aliases map[string][]string
	// EnumAlsoBool allows true/false beside the enum values.
	EnumAlsoBool bool

	Pattern     *regexp.Regexp
	PatternHelp string // what the pattern means, in words
	MaxLength   int
	Min, Max    *float64

	Object   *Obj  // Kind Object
	Items    *Type // Kind List
	MaxItems int   // Kind List; 0 means no limit
	Options  []*Type

	Ref Ref
}

// Key is one key of an object.
type Key struct {
	Name     string
	Type     *Type
	Required bool
	// Default is the effective default, as the user would write it.
	Default string
	// Doc is the documentation shown on hover and in completion.
	Doc string
	// Example is a short YAML example of the key in use.
	Example string
	// Snippet is the text inserted after "key:" on completion, in LSP
	// snippet syntax (for example " ${1:8000}"). Empty means a default
	// derived from the type.
	Snippet string
	// Deprecated, when set, says what to use instead.
	Deprecated string
}

// Obj describes a mapping.
type Obj struct {
	// Name is how messages call the construct ("endpoint", "endpoint file").
	Name string
	Doc  string
	Keys []*Key
	// Open objects accept keys that are not listed. Values, when set, is
	// the type of every unlisted key's value.
	Open   bool
	Values *Type
	// Variants lists groups of keys of which exactly one must be present
	// (an endpoint is server-command or wsgi).
	Variants []Variant
	// AnyOf lists keys of which at least one must be present.
	AnyOf []string
	// Requires lists keys that are required only when another key has
	// some values.
	Requires []Requirement
	// Discriminator names the key whose value selects one of Choices (a
	// pipeline node's type). Each choice is a complete object.
	Discriminator string
	Choices       []*Obj
	// Const is the discriminator value that selects this object.
	Const string
	// Snippet is the body of a new item of this construct in LSP snippet
	// syntax, indented relative to the item's first key.
	Snippet string
	// Label names the key whose value names an item ("name").
	Label string
	// KeyRef, on an open object, says what its keys refer to (the keys of
	// a task's parameter set are parameters of the task's step).
	KeyRef Ref
}

// Requirement is a key that a mapping needs unless another key, Unless,
// is left out or has one of Values (a toleration needs a key unless its
// operator is Exists). Why says what writing one of Values means.
// Excludes are keys that do not go with those values (a toleration with
// operator Exists takes no value): writing one of Values instead of Key
// is no fix of a mapping that has them.
type Requirement struct {
	Key      string
	Unless   string
	Values   []string
	Excludes []string
	Why      string
}

// Excused reports whether a mapping without r.Key is fine when Unless has
// the value v (present reports whether it is written).
func (r Requirement) Excused(v string, present bool) bool {
	if !present {
		return true
	}
	for _, x := range r.Values {
		if x == v {
			return true
		}
	}
	return false
}

// Variant is a named group of keys of which one must be chosen.
type Variant struct {
	Name string
	Keys []string
}

// Key returns the key called name, or nil.
func (o *Obj) Key(name string) *Key {
	if o == nil {
		return nil
	}
	for _, k := range o.Keys {
		if k.Name == name {
			return k
		}
	}
	return nil
}

// Choice returns the object selected by the discriminator value v, or nil.
func (o *Obj) Choice(v string) *Obj {
	for _, c := range o.Choices {
		if c.Const == v {
			return c
		}
	}
	return nil
}

// VariantOf returns the variant that key belongs to, or nil.
func (o *Obj) VariantOf(key string) *Variant {
	for i := range o.Variants {
		for _, k := range o.Variants[i].Keys {
			if k == key {
				return &o.Variants[i]
			}
		}
	}
	return nil
}

// EnumValue returns the enum entry named v, or nil.
func (t *Type) EnumValue(v string) *Value {
	if t == nil {
		return nil
	}
	for i := range t.Enum {
		if t.Enum[i].Name == v {
			return &t.Enum[i]
		}
	}
	return nil
}

// Alias returns the enum values that v (in any case) is a common other
// word for, the likelier first, or nil.
func (t *Type) Alias(v string) []string {
	if t == nil {
		return nil
	}
	var out []string
	for _, a := range t.Aliases[strings.ToLower(v)] {
		if t.EnumValue(a) != nil {
			out = append(out, a)
		}
	}
	return out
}

// Describe returns a short human name of the type.
func (t *Type) Describe() string {
	if t == nil {
		return "any value"
	}
	if t.Name != "" {
		return t.Name
	}
	switch t.Kind {
	case String:
		return "string"
	case Number:
		return "number"
	case Integer:
		return "integer"
	case Boolean:
		return "boolean"
	case Object:
		if t.Object != nil && t.Object.Name != "" {
			return t.Object.Name + " mapping"
		}
		return "mapping"
	case List:
		return "list of " + plural(t.Items.Describe())
	case OneOf:
		s := ""
		for i, o := range t.Options {
			if i > 0 {
				s += " or "
			}
			s += o.Describe()
		}
		return s
	}
	return "any value"
}

func plural(s string) string {
	switch {
	case s == "any value":
		return "values"
	case len(s) > 8 && s[len(s)-8:] == " mapping":
		return s + "s"
	}
	return s + "s"
}

// Root is the type of a whole valohai.yaml document: a list of items, each a
// mapping whose key is its kind.
var Root = &Type{Kind: List, Name: "list of top-level items", Items: &Type{Kind: Object, Object: Item}}

// Kinds returns the top-level kinds in the official parser's order of
// preference (when an item has several kind keys, the first one counts).
func Kinds() []*Key { return Item.Keys }

// KindNamed returns the top-level kind called name, or nil.
func KindNamed(name string) *Key { return Item.Key(name) }

func num(v float64) *float64 { return &v }
