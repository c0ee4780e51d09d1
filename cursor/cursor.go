// Package cursor finds where a position is in a valohai.yaml document —
// which construct, which key, key or value, the word being typed — even
// while the document does not parse. Completion and hover both use it.
//
// The cursor's top-level item is cut out of the text, the cursor line is
// patched into something that parses (a bare word becomes a key, an empty
// value gets a placeholder), other broken lines of the item are blanked,
// and the result is parsed and walked. When even that fails, the key path
// is read from the indentation of the lines above.
package cursor

import (
	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/schema"
)

// Where is the role of the cursor position.
type Where int

// Cursor roles.
const (
	Nowhere  Where = iota // in a comment or somewhere nothing can be offered
	TopLevel              // where a new top-level item (or its kind) goes
	Key                   // on a key of a mapping, or where one can be typed
	Value                 // on a scalar value (also a scalar list item)
)

// Context is what is known about a position.
type Context struct {
	Where Where
	// Offset is the byte offset of the position.
	Offset int
	// Prefix is the part of the word at the cursor that is before it, and
	// [WordStart, WordEnd) the span of the whole word.
	Prefix             string
	Word               string
	WordStart, WordEnd int
	// HasDash reports that the line starts with "- " before the word.
	HasDash bool
	// HasColon reports, for Where == Key, that a ':' follows the word.
	HasColon bool
	// Quoted reports, for Where == Value, that the value is in quotes.
	Quoted bool
	// Flow reports that the cursor is inside a flow collection ("[...]" or
	// "{...}"), where a key is written "key: value" on the same line.
	Flow bool

	// Object is the construct of the enclosing mapping (Where == Key), or
	// of the mapping holding the value (Where == Value).
	Object *schema.Obj
	// Key is the key at the cursor (Where == Key, when on an existing key)
	// or the key whose value is at the cursor (Where == Value).
	Key *schema.Key
	// KeyName is the text of that key.
	KeyName string
	// Type is the expected type of the value at the cursor (Where == Value).
	Type *schema.Type
	// Present lists the keys already in the enclosing mapping, without the
	// one being typed.
	Present map[string]bool
	// Mapping is the enclosing mapping node in the parsed tree (which may
	// be a patched copy of the text), or nil.
	Mapping *yaml.Node
	// Path holds the nodes from the top-level item down to the cursor,
	// each with its type.
	Path []Frame
	// Kind is the top-level kind of the item at the cursor, or nil.
	Kind *schema.Key
	// ListItem reports that the cursor is in a list item's scalar value.
	ListItem bool
}

// Frame is one node on the path to the cursor.
type Frame struct {
	Node *yaml.Node
	Type *schema.Type
	Key  string // the key this node is the value of, "" for list items
}

// Ancestor returns the innermost node on the path whose type is object o.
func (c *Context) Ancestor(o *schema.Obj) *yaml.Node {
	for i := len(c.Path) - 1; i >= 0; i-- {
		f := c.Path[i]
		if f.Type != nil && f.Type.Kind == schema.Object && f.Type.Object == o && f.Node != nil && f.Node.Kind == yaml.MappingNode {
			return f.Node
		}
	}
	return nil
}

// Doc is the document a context was computed for.
type Doc = document.Document
