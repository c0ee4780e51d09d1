package format

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"gopkg.in/yaml.v3"
)

// ErrSyntax is returned for a text that does not parse: it is left as it
// is.
var ErrSyntax = errors.New("the file does not parse as YAML, so it is left as it is")

// Result is a formatted text and how it was reached.
type Result struct {
	// Text is the formatted text.
	Text string
	// Kept, when not empty, says why the indentation was left as written
	// (only white space at line ends and blank lines were tidied).
	Kept string

	src  source
	ops  []lineOp
	orig []*yaml.Node
	p    *planner
}

// Format lays out text. It fails with ErrSyntax (wrapped with the parse
// error) when text is not YAML.
func Format(text string, o Options) (*Result, error) {
	docs, err := parseAll(text)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrSyntax, err)
	}
	return formatDocs(text, docs, o), nil
}

// FormatParsed is Format for a text already parsed into root, the
// document node of its only document (nil: not parsed). The tree is only
// read. When the layout cannot be confirmed against that tree the text is
// parsed afresh and formatted again, so the answer is Format's.
func FormatParsed(text string, root *yaml.Node, o Options) (*Result, error) {
	if root == nil || root.Kind != yaml.DocumentNode || manyDocuments(text) {
		return Format(text, o)
	}
	if r := formatDocs(text, []*yaml.Node{root}, o); r.Kept == "" {
		return r, nil
	}
	return Format(text, o)
}

// manyDocuments reports whether text may hold more than one document.
func manyDocuments(text string) bool {
	return strings.Contains(text, "\n---") || strings.Contains(text, "\n...")
}

// formatDocs lays out text, whose documents are docs.
func formatDocs(text string, docs []*yaml.Node, o Options) *Result {
	src := split(text)
	p := newPlanner(text, src)
	for _, d := range docs {
		p.document(d)
	}
	r := &Result{src: src, orig: docs, p: p}
	o = o.resolve(p.seen)
	if p.odd == nil {
		if ops, err := p.layout(o, true); err == nil && r.try(ops) {
			return r
		}
		r.Kept = "the indentation could not be changed without changing what the file means"
	} else {
		r.Kept = "the file has " + p.odd.Error()
	}
	if ops, err := p.layout(o, false); err == nil && r.try(ops) {
		return r
	}
	r.ops, r.Text = nil, text
	r.Kept = "the file could not be tidied without changing what it means"
	return r
}

// try takes ops when the text they make means what the original does.
func (r *Result) try(ops []lineOp) bool {
	text := r.render(ops, func(int) bool { return true })
	if !r.same(text) {
		return false
	}
	r.ops, r.Text = ops, text
	return true
}

// render writes the text of the lines, applying the operations of the
// lines use accepts and keeping the others as they were.
func (r *Result) render(ops []lineOp, use func(line int) bool) string {
	var b strings.Builder
	b.Grow(r.src.size + len(ops))
	if r.src.bom {
		b.WriteString(bom)
	}
	for i := range r.src.lines {
		if !use(i) {
			b.WriteString(r.original(i))
			continue
		}
		op := ops[i]
		if op.blankBefore {
			b.WriteString(r.src.eol)
		}
		if op.drop {
			continue
		}
		b.WriteString(op.text)
		b.WriteString(r.src.eol)
	}
	return b.String()
}

// original is line i as the text has it, with its line break.
func (r *Result) original(i int) string {
	return r.p.text[r.src.lineStart(i):r.src.lineStart(i+1)]
}

// same reports whether text parses to the original's documents, with the
// same values, styles, anchors and comments.
func (r *Result) same(text string) bool {
	docs, err := parseAll(text)
	if err != nil || len(docs) != len(r.orig) {
		return false
	}
	for i := range docs {
		if !equalNodes(docs[i], r.orig[i]) {
			return false
		}
	}
	return slicesEqual(comments(docs), comments(r.orig))
}

// parseAll parses every document of text. yaml.v3 has panicked on some
// malformed inputs: that is a text that does not parse.
func parseAll(text string) (docs []*yaml.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			docs, err = nil, errors.New("yaml: cannot parse this document")
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader([]byte(text)))
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			return docs, nil
		}
		if err != nil {
			return nil, err
		}
		docs = append(docs, &n)
	}
}
