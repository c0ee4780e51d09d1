package cursor

import (
	"strings"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/document/yamlline"
	"github.com/valohai-ls/valohai-ls/schema"
)

// fallback fills the context from indentation alone, for an item that does
// not parse even after repairs: the keys of the less-indented lines above
// the cursor give the path, and the lines at the cursor's indentation give
// the keys already present.
func (c *Context) fallback(doc *document.Document, line int, li yamlline.Line, inValue bool) {
	m := doc.Mapper()
	text := m.Line(line)
	col := li.KeyStart
	if strings.TrimSpace(text) == "" {
		col = c.Offset - m.LineStart(line)
	}
	path := ancestors(m, line, col, li.Dashes > 0)
	// A value's key is on its line, unless the line holds no key: the text
	// of a block scalar or a list item's scalar, whose key is an ancestor.
	keyName := ""
	if li.Colon >= 0 {
		keyName = text[li.KeyStart:li.Colon]
	}
	switch {
	case inValue && li.Colon >= 0:
		path = append(path, keyName)
	case inValue && path[len(path)-1] != "-":
		keyName = path[len(path)-1]
	}
	t, obj := schema.Root, (*schema.Obj)(nil)
	var lastKey *schema.Key
	for i, el := range path {
		if el == "-" {
			if t != nil && t.Kind == schema.List {
				t = t.Items.ForShape(schema.ShapeMapping)
			} else {
				t = nil
			}
			continue
		}
		obj = nil
		if t != nil && t.Kind == schema.Object {
			obj = t.Object.Select("")
		}
		lastKey = obj.Key(el)
		if i == 1 {
			c.Kind = schema.KindNamed(el)
		}
		if lastKey == nil {
			t = nil
			continue
		}
		t = lastKey.Type.ForShape(schema.ShapeMapping)
		if i == len(path)-1 && inValue {
			t = lastKey.Type
		}
	}
	if inValue {
		c.Where = Value
		c.Object = obj
		c.Key = lastKey
		c.KeyName = keyName
		if lastKey != nil {
			c.Type = lastKey.Type.Scalar()
		}
		return
	}
	c.Where = Key
	c.HasColon = li.Colon >= 0
	if t != nil && t.Kind == schema.List && li.Dashes > 0 {
		t = t.Items.ForShape(schema.ShapeMapping)
	}
	if t != nil && t.Kind == schema.Object {
		c.Object = t.Object.Select("")
	}
	if li.Colon >= 0 {
		c.KeyName = keyName
		c.Key = c.Object.Key(c.KeyName)
	}
	for _, k := range siblings(m, line, col, li.Dashes > 0) {
		c.Present[k] = true
	}
}

// ancestors returns the key path from the top-level item to the mapping
// whose keys start at column col on line: key names, with "-" for list
// items.
func ancestors(m *document.Mapper, line, col int, dashed bool) []string {
	var path []string
	if dashed {
		path = append(path, "-")
	}
	for l := line - 1; l >= 0 && col > 0; l-- {
		s := m.Line(l)
		if strings.TrimSpace(s) == "" || strings.HasPrefix(strings.TrimSpace(s), "#") {
			continue
		}
		info := yamlline.Read(s)
		switch {
		case info.KeyStart < col:
			if info.Colon >= 0 {
				path = append([]string{s[info.KeyStart:info.Colon]}, path...)
			}
			col = info.KeyStart
			if info.Dashes > 0 {
				path = append([]string{"-"}, path...)
				col = info.Indent
			}
		case info.KeyStart == col && info.Dashes > 0 && !dashed:
			path = append([]string{"-"}, path...)
			col = info.Indent
		}
	}
	if len(path) == 0 || path[0] != "-" {
		path = append([]string{"-"}, path...)
	}
	return path
}

// siblings returns the keys written at column col in the block around line.
func siblings(m *document.Mapper, line, col int, dashed bool) []string {
	var keys []string
	scan := func(l int) bool {
		s := m.Line(l)
		if strings.TrimSpace(s) == "" {
			return true
		}
		info := yamlline.Read(s)
		if info.KeyStart < col || (info.KeyStart == col && info.Dashes > 0 && l != line && (dashed || l > line)) {
			if info.KeyStart == col && info.Dashes > 0 && l < line && info.Colon >= 0 {
				keys = append(keys, s[info.KeyStart:info.Colon])
			}
			return false
		}
		if info.KeyStart == col && info.Colon >= 0 {
			keys = append(keys, s[info.KeyStart:info.Colon])
		}
		return true
	}
	for l := line - 1; l >= 0 && !(dashed && l < line) && scan(l); l-- {
	}
	for l := line + 1; l < m.LineCount() && scan(l); l++ {
	}
	return keys
}
