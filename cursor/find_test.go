package cursor

import (
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/fixture"
)

// TestFind checks the context found at the marker, for completion
// (patched) or hover.
func TestFind(t *testing.T) {
	tests := []struct {
		name, text string
		hover      bool
		where      Where
		object     string // the enclosing construct's name
		key        string // KeyName
		word       string
		prefix     string
		present    string // the present keys, sorted, comma-separated
		flow       bool
		quoted     bool
	}{
		{name: "empty line in a mapping", text: "- endpoint:\n    name: a\n    <|>\n    port: 1\n",
			where: Key, object: "endpoint", present: "name,port"},
		{name: "mid-key", text: "- endpoint:\n    name: a\n    po<|>\n",
			where: Key, object: "endpoint", word: "po", prefix: "po", present: "name"},
		{name: "mid-key with the rest of the word", text: "- endpoint:\n    name: a\n    po<|>rt: 1\n",
			where: Key, object: "endpoint", word: "port", prefix: "po", present: "name"},
		{name: "hover on a key", hover: true, text: "- endpoint:\n    name: a\n    po<|>rt: 1\n",
			where: Key, object: "endpoint", key: "port", word: "port", prefix: "po", present: "name"},
		{name: "empty value", text: "- endpoint:\n    tolerations:\n      - operator: <|>\n",
			where: Value, object: "toleration", key: "operator", present: "operator"},
		{name: "value in an open quote", text: "- endpoint:\n    tolerations:\n      - operator: \"Ex<|>\n",
			where: Value, object: "toleration", key: "operator", word: "Ex", prefix: "Ex", present: "operator", quoted: true},
		{name: "after a dash", text: "- endpoint:\n    files:\n      - <|>\n",
			where: Key, object: "endpoint file"},
		{name: "flow mapping key", text: "- endpoint: {name: a, <|>}\n",
			where: Key, object: "endpoint", present: "name", flow: true},
		{name: "flow list value", text: "- endpoint:\n    tolerations: [{key: a, operator: E<|>\n",
			where: Value, object: "toleration", key: "operator", word: "E", prefix: "E", present: "key,operator", flow: true},
		{name: "text of a block scalar", text: "- step:\n    command: |\n      python <|>\n",
			where: Value, object: "step", key: "command", present: "command"},
		{name: "blank line left of a block scalar's text", text: "- step:\n    command: |\n      python\n    <|>\n",
			where: Key, object: "step", present: "command"},
		// A block scalar indicator alone at the top, then a line of its
		// text: the item does not parse and the text's line holds no key.
		{name: "text of a bare block scalar", text: "|\n <|>",
			where: Value},
		{name: "hover on the text of a bare block scalar", hover: true, text: "|\n <|>",
			where: Value},
		{name: "kind after the root dash", text: "- end<|>\n",
			where: Key, object: "top-level item", key: "end", word: "end", prefix: "end"},
		{name: "new item", text: "- step:\n    name: a\n<|>\n",
			where: TopLevel, object: "top-level item"},
		{name: "comment", text: "- step:\n    # na<|>\n",
			where: Nowhere},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			off := strings.Index(tc.text, fixture.Marker)
			text := strings.Replace(tc.text, fixture.Marker, "", 1)
			c := Find(document.New("file:///valohai.yaml", 1, text), off, !tc.hover)
			object := ""
			if c.Object != nil {
				object = c.Object.Name
			}
			var present []string
			for k := range c.Present {
				present = append(present, k)
			}
			sort.Strings(present)
			got := []string{c.Where.String(), object, c.KeyName, c.Word, c.Prefix, strings.Join(present, ","), bstr(c.Flow), bstr(c.Quoted)}
			want := []string{tc.where.String(), tc.object, tc.key, tc.word, tc.prefix, tc.present, bstr(tc.flow), bstr(tc.quoted)}
			if !slices.Equal(got, want) {
				t.Errorf("where, object, key, word, prefix, present, flow, quoted:\n got %q\nwant %q", got, want)
			}
		})
	}
}

func bstr(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
