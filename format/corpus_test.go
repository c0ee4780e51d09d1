package format

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/internal/corpus"
)

// TestCorpus formats every YAML file of the corpus: the result decodes to
// the same documents, keeps every line's text (so every comment) in
// order, and formats to itself.
func TestCorpus(t *testing.T) {
	dir := corpus.Dir(t)
	files := corpus.YAMLFiles(t)
	if len(files) == 0 {
		t.Fatalf("no YAML files under %s", dir)
	}
	var formatted, refused, kept, changed int
	for _, path := range files {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text := string(raw)
		rel, _ := filepath.Rel(dir, path)
		want, decodeErr := decodeAll(text)
		r, err := Format(text, Options{})
		if decodeErr != nil {
			if !errors.Is(err, ErrSyntax) {
				t.Errorf("%s does not parse (%v) but Format answered %v", rel, decodeErr, err)
			}
			refused++
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			continue
		}
		formatted++
		if r.Kept != "" {
			kept++
			t.Logf("%s: indentation kept: %s", rel, r.Kept)
		}
		if r.Text != text {
			changed++
		}
		got, err := decodeAll(r.Text)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: formatting changed the decoded value (%v)", rel, err)
		}
		if a, b := contentLines(text), contentLines(r.Text); !reflect.DeepEqual(a, b) {
			t.Errorf("%s: formatting changed the text of a line", rel)
		}
		again, err := Format(r.Text, Options{})
		if err != nil || again.Text != r.Text {
			t.Errorf("%s: formatting is not idempotent", rel)
		}
	}
	t.Logf("%d files: %d formatted (%d changed, %d with the indentation kept), %d refused as not YAML", len(files), formatted, changed, kept, refused)
	if kept*20 > formatted {
		t.Errorf("the indentation was kept in %d of %d files", kept, formatted)
	}
}

// decodeAll decodes every document of text, as PyYAML's load_all does: a
// key written twice keeps its last value.
func decodeAll(text string) ([]any, error) {
	dec := yaml.NewDecoder(strings.NewReader(text))
	var out []any
	for {
		var n yaml.Node
		if err := dec.Decode(&n); err != nil {
			if errors.Is(err, io.EOF) {
				return out, nil
			}
			return nil, err
		}
		v, err := value(&n)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
}

// value is the value of a node.
func value(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return value(n.Content[0])
	case yaml.AliasNode:
		return value(n.Alias)
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := value(c)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case yaml.MappingNode:
		out := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, err := value(n.Content[i])
			if err != nil {
				return nil, err
			}
			v, err := value(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			out[fmt.Sprint(k)] = v
		}
		return out, nil
	}
	var v any
	err := n.Decode(&v)
	return v, err
}

// contentLines are the lines that are not blank, without their
// surrounding white space.
func contentLines(text string) []string {
	var out []string
	for _, l := range strings.Split(strings.TrimPrefix(text, bom), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
