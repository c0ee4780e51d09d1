// Package cursor finds where a position is in a valohai.yaml document —
// which construct, which key, key or value, the word being typed — even
// while the document does not parse, as is common while a key is half
// typed. Completion and hover both use it.
//
// Only the cursor's top-level item is read, line by line:
//
//   - the cursor line is patched into something that parses: the word
//     being typed becomes a placeholder key or value, open quotes and flow
//     brackets are closed (patch.go);
//   - quotes, flow collections and block scalars that go on over several
//     lines are followed (document/yamlline), so that a line of a block scalar is
//     known as text and a half-typed quote is found where it opens;
//   - the item is pruned to the lines the context depends on: the cursor's
//     ancestors and the keys beside them (prune.go), so that a position in
//     a long pipeline parses a few lines;
//   - a line that still breaks the parse first loses its value, keeping
//     its key, and is then blanked (document/repair.go, the cursor line
//     protected);
//   - the parsed tree is walked with the schema to the placeholder, or to
//     the scalar under the cursor (locate.go).
//
// When even that fails, the key path is read from the indentation of the
// lines above (fallback.go).
package cursor

import (
	"strings"

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
	// be a patched copy of the text), or nil. Its keys are all there, but
	// the values that take lines of their own are left out.
	Mapping *yaml.Node
	// Path holds the nodes from the top-level item down to the cursor,
	// each with its type. Like Mapping, the nodes hold only what the
	// cursor's context needs; Ancestor gives whole nodes.
	Path []Frame
	// Kind is the top-level kind of the item at the cursor, or nil.
	Kind *schema.Key
	// ListItem reports that the cursor is in a list item's scalar value.
	ListItem bool

	item *item              // the cursor's item, its cursor line as parsed
	doc  *document.Document // the document the context was found in
}

// Frame is one node on the path to the cursor.
type Frame struct {
	Node *yaml.Node
	Type *schema.Type
	Key  string // the key this node is the value of, "" for list items
}

// Item returns the mapping of the top-level item around the cursor, with
// all its content, or nil. The cursor line is left out, so that the tree
// stays the same (and is parsed once) while that line is typed; when the
// item does not parse that way, the line as the context read it is used.
// Line numbers count from the item's first line. The node is shared and
// must not be changed.
func (c *Context) Item() *yaml.Node {
	it := c.item
	if it == nil {
		return nil
	}
	lines := append([]string(nil), it.Lines...)
	lines[it.Protected] = ""
	if n := c.doc.ItemTree(strings.Join(lines, "\n") + "\n"); n != nil {
		return n
	}
	full := document.ItemLines{Lines: append([]string(nil), it.Lines...), Orig: it.Orig, Protected: it.Protected}
	return full.Parse()
}

// Doc is the document a context was computed for.
type Doc = document.Document

func (w Where) String() string {
	switch w {
	case TopLevel:
		return "top level"
	case Key:
		return "key"
	case Value:
		return "value"
	}
	return "nowhere"
}
