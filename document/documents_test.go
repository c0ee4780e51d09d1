package document

import (
	"strings"
	"testing"
)

// TestSecondDocument: a file PyYAML's safe_load refuses for holding more
// than one document has a syntax error where the second starts (the
// expectations are PyYAML's verdicts); one it reads has none.
func TestSecondDocument(t *testing.T) {
	const item = "- step: {name: a, image: x, command: y}\n"
	tests := []struct {
		name, text string
		line       int // 0-based line of the error, -1 for none
		says       string
	}{
		{"a second document", item + "---\n- step: {name: b}\n", 1, "second YAML document"},
		{"an empty second document", item + "---\n", 1, "second YAML document"},
		{"a second document of comments", item + "---\n# c\n", 1, "second YAML document"},
		{"a marker with a blank after it", item + "--- \n", 1, "second YAML document"},
		{"two starts", "---\n---\n" + item, 1, "second YAML document"},
		{"an end, then a start", item + "...\n---\n- b\n", 2, "second YAML document"},
		{"an end, then a directive", item + "...\n%YAML 1.1\n---\n- b\n", 2, "second YAML document"},
		{"content after an end", item + "...\n- step: {name: b}\n", 2, "after `...`"},
		{"a start", "---\n" + item, -1, ""},
		{"a start with a comment", "--- # c\n" + item + "...\n", -1, ""},
		{"a directive and a start", "%YAML 1.1\n---\n" + item, -1, ""},
		{"a byte order mark and a start", "\ufeff---\n" + item, -1, ""},
		{"an end", item + "...\n", -1, ""},
		{"an end and comments", item + "...\n# end\n\n", -1, ""},
		{"two ends", item + "...\n...\n", -1, ""},
		{"dashes in a key", item + "---x: 1\n", -1, ""},
		{"dashes in a block scalar", "- step:\n    name: a\n    command: |\n      ---\n", -1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := NewMapper(tt.text)
			p := Parse(tt.text, m)
			var found *SyntaxError
			for _, e := range p.Errors {
				if strings.Contains(e.Message, "document") && strings.Contains(e.Message, "PyYAML") {
					found = e
				}
			}
			switch {
			case tt.line < 0 && found != nil:
				t.Errorf("error %q at line %d, want none", found.Message, m.LineOf(found.Start)+1)
			case tt.line >= 0 && found == nil:
				t.Errorf("no error, want one at line %d (errors: %v)", tt.line+1, p.Errors)
			case found != nil && (m.LineOf(found.Start) != tt.line || !strings.Contains(found.Message, tt.says)):
				t.Errorf("error %q at line %d, want %q at line %d", found.Message, m.LineOf(found.Start)+1, tt.says, tt.line+1)
			}
		})
	}
}

// TestSecondDocumentTyped: a `---` typed between items is reported by the
// incremental parse too, and gone once removed.
func TestSecondDocumentTyped(t *testing.T) {
	a, b := "- step: {name: a, image: x, command: y}\n", "- step: {name: b, image: x, command: y}\n"
	v1 := New("file:///valohai.yaml", 1, a+b)
	v1.Parsed()
	v2 := NewVersion(v1, 2, a+"---\n"+b)
	if errs := v2.Parsed().Errors; len(errs) != 1 || v2.Mapper().LineOf(errs[0].Start) != 1 {
		t.Fatalf("errors after typing ---: %v", errs)
	}
	v3 := NewVersion(v2, 3, a+b)
	if errs := v3.Parsed().Errors; len(errs) != 0 {
		t.Fatalf("errors after removing ---: %v", errs)
	}
}
