package server

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/corpus"
	"github.com/valohai-ls/valohai-ls/internal/hostile"
	"github.com/valohai-ls/valohai-ls/snippet"
)

// maxFuzzText bounds the documents the fuzzers try: larger ones only slow
// every run down.
const maxFuzzText = 16 << 10

// fuzzBase is a small project file that the sharp-character seeds break.
const fuzzBase = `- step:
    name: train
    image: python:3.12
    command: python train.py {parameter:lr}
    parameters:
      - name: lr
        type: float
        default: 0.1
    inputs:
      - name: data
        default: s3://bucket/data.csv
    outputs:
      - name: model
- endpoint:
    name: predict
    image: python:3.12
    wsgi: predict:app
    files:
      - name: model
        path: model.pkl
- pipeline:
    name: flow
    parameters:
      - name: rate
        targets: [a.parameter.lr]
    nodes:
      - name: a
        type: execution
        step: train
      - name: b
        type: execution
        step: train
        override:
          command: python -m pkg.tool
    edges:
      - [a.output.model, b.input.data]
      - source: a.output.model
        target: b.input.data
- task:
    name: sweep
    step: train
    type: grid-search
`

// sharpSeeds are the characters that give YAML its structure, and the
// breakage a user typing produces with them.
var sharpSeeds = []string{"|", ">", ":", "{", "}", "[", "- ", "\t", "\"", "'", "\r\n", "\r", "😀", "é", "|\n ", ">-\n  ", "#", "&a ", "*a", "? ", "---\n", "\x00", "\ufeff", ": |\n"}

// fuzzSeeds are the sharp characters inserted in the base file at a few
// places, the breakage FuzzPipeline starts from, and the corpus files.
func fuzzSeeds(tb testing.TB) []string {
	var out []string
	points := []int{0, strings.Index(fuzzBase, "name: train") + 6, strings.Index(fuzzBase, "\n    parameters:"),
		strings.Index(fuzzBase, "b.input.data]"), strings.Index(fuzzBase, "wsgi:") + 5, len(fuzzBase)}
	for _, s := range sharpSeeds {
		for _, p := range points {
			out = append(out, fuzzBase[:p]+s+fuzzBase[p:])
		}
		out = append(out, s, "- step:\n    name: a\n    command: "+s+"\n", strings.ReplaceAll(fuzzBase, "\n", s+"\n"))
	}
	out = append(out,
		"",
		"|\n ",
		"- endpoint:\n    name: predict\n    im",
		"- endpoint:\n    name: \"unclosed\n    image: x\n",
		"- endpoint: {name: [a, b\n",
		"- step: &s\n    name: a\n- step: *s\n- endpoint:\n    <<: *s\n",
		"- - - -\n",
		"- endpoint:\n    name: é😀\r\n    image: \"\\u00e9\"\r\n",
		"---\n- step:\n    name: x\n...\n",
	)
	out = append(out, hostile.YAML()...)
	return append(out, corpusSeeds(tb)...)
}

// corpusSeeds returns the corpus's valohai.yaml files, none when there is
// no corpus beside the repository.
func corpusSeeds(tb testing.TB) []string {
	dir := corpus.Dir(tb)
	var out []string
	for _, sub := range []string{"real-world", "valohai-yaml-examples"} {
		files, _ := filepath.Glob(filepath.Join(dir, sub, "*.y*ml"))
		sort.Strings(files)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err == nil && len(data) <= maxFuzzText {
				out = append(out, string(data))
			}
		}
	}
	return out
}

// FuzzRequests opens a fuzzed document in a server and asks it every
// request it answers, at fuzzed positions and with fuzzed client
// abilities, calling the same handlers the connection dispatches to.
// Nothing may panic, every range must lie inside the document (and
// selections inside their symbols, completion edits on the cursor's line),
// and every edit must apply, leaving text whose positions convert back and
// forth. The first edit is then sent back as a change, and the new version
// asked again.
func FuzzRequests(f *testing.F) {
	for i, s := range fuzzSeeds(f) {
		f.Add(s, uint16(len(s)/3+i), uint16(2*len(s)/3), uint8(i), "renamed")
	}
	f.Fuzz(func(t *testing.T, text string, a, b uint16, flags uint8, newName string) {
		if len(text) > maxFuzzText {
			return
		}
		// Text reaches the server in JSON strings, which hold valid
		// Unicode only.
		text = strings.ToValidUTF8(text, "\uFFFD")
		newName = strings.ToValidUTF8(newName, "\uFFFD")
		fz := newFuzzer(t, flags)
		fz.open(text)
		fz.all(a, b, newName, flags)
		if fz.edited != nil {
			fz.change(fz.edited)
			fz.all(a, b, newName, flags)
		}
	})
}

// fuzzer is a server without a connection and the document it serves.
type fuzzer struct {
	t      *testing.T
	ctx    context.Context
	s      *Server
	u      uri.URI
	enc    document.Encoding
	doc    *document.Document
	m      *document.Mapper
	edited *editResult // the first edit that applied, to send as a change
}

// editResult is an applied edit: the changes as sent and the text after.
type editResult struct {
	edits []protocol.TextEdit
	text  string
}

func newFuzzer(t *testing.T, flags uint8) *fuzzer {
	dir, err := filepath.Abs(filepath.Join("testdata", "project"))
	if err != nil {
		t.Fatal(err)
	}
	s := newServer(Options{})
	s.diags = newPublisher(s)
	s.diags.stop() // nothing to publish to
	s.encoding = []document.Encoding{document.UTF16, document.UTF8, document.UTF32}[int(flags)%3]
	s.caps = clientCaps{
		snippets:      flags&0x04 != 0,
		snippetEdits:  flags&0x08 != 0,
		links:         flags&0x10 != 0,
		hierarchical:  flags&0x20 == 0,
		prepareRename: true,
	}
	s.initialized.Store(true)
	return &fuzzer{t: t, ctx: context.Background(), s: s, u: uri.File(filepath.Join(dir, "valohai.yaml")), enc: s.encoding}
}

func (fz *fuzzer) open(text string) {
	err := fz.s.DidOpen(fz.ctx, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: fz.u, LanguageID: LanguageID, Version: 1, Text: text}})
	if err != nil {
		fz.t.Fatal(err)
	}
	fz.current()
	roundTrips(fz.t, "the document", fz.m, 0, len(text))
}

// current reads the served version of the document.
func (fz *fuzzer) current() {
	fz.doc = fz.s.docs.get(fz.u)
	if fz.doc == nil {
		fz.t.Fatal("the document is not served")
	}
	fz.m = fz.doc.Mapper()
}

// change sends an applied edit as an incremental change, and checks that
// the server's new version holds the text the edit gave.
func (fz *fuzzer) change(e *editResult) {
	// The edits go in reverse order, so that each range is still that of
	// the text the client had.
	// Edits at the same place keep their order once reversed.
	sorted := append([]protocol.TextEdit(nil), e.edits...)
	sort.SliceStable(sorted, func(i, j int) bool { return before(sorted[i].Range.Start, sorted[j].Range.Start) })
	slices.Reverse(sorted)
	changes := make([]protocol.TextDocumentContentChangeEvent, 0, len(sorted))
	for _, te := range sorted {
		changes = append(changes, &protocol.TextDocumentContentChangePartial{Range: te.Range, Text: te.NewText})
	}
	err := fz.s.DidChange(fz.ctx, &protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: fz.u}, Version: fz.doc.Version + 1},
		ContentChanges: changes,
	})
	if err != nil {
		fz.t.Fatal(err)
	}
	fz.current()
	if fz.doc.Text != e.text {
		fz.t.Fatalf("after the change the server holds %q, the edit gave %q", fz.doc.Text, e.text)
	}
	fz.edited = nil
}

// all asks every request: the document's own, then the positional ones at
// the fuzzed positions and a few spread over the document.
func (fz *fuzzer) all(a, b uint16, newName string, flags uint8) {
	fz.documentRequests(a, b, flags)
	n := len(fz.doc.Text)
	offs := []int{int(a) % (n + 1), int(b) % (n + 1)}
	for i := 1; i < 4; i++ {
		offs = append(offs, i*n/4)
	}
	var positions []protocol.Position
	for _, off := range offs {
		positions = append(positions, toPosition(fz.m, off, fz.enc))
	}
	// A position as a client may send it: past the end of a line or of
	// the document.
	positions = append(positions, protocol.Position{Line: uint32(b) % uint32(fz.m.LineCount()+2), Character: uint32(a % 512)})
	for _, p := range positions {
		fz.positional(p, newName, flags)
	}
}

// documentRequests asks the requests about the whole document.
func (fz *fuzzer) documentRequests(a, b uint16, flags uint8) {
	t, ctx, td := fz.t, fz.ctx, protocol.TextDocumentIdentifier{URI: fz.u}

	syms, err := fz.s.DocumentSymbol(ctx, &protocol.DocumentSymbolParams{TextDocument: td})
	fz.noError("documentSymbol", err)
	switch syms := syms.(type) {
	case protocol.DocumentSymbolSlice:
		fz.symbols(syms)
	case protocol.SymbolInformationSlice:
		for _, si := range syms {
			fz.location("symbol "+si.Name, si.Location)
		}
	default:
		t.Fatalf("documentSymbol answered %T", syms)
	}

	folds, err := fz.s.FoldingRanges(ctx, &protocol.FoldingRangeParams{TextDocument: td})
	fz.noError("foldingRange", err)
	for _, fr := range folds {
		if fr.StartLine > fr.EndLine || int(fr.EndLine) >= fz.m.LineCount() {
			t.Fatalf("folding range %d-%d outside the %d lines", fr.StartLine, fr.EndLine, fz.m.LineCount())
		}
	}

	links, err := fz.s.DocumentLink(ctx, &protocol.DocumentLinkParams{TextDocument: td})
	fz.noError("documentLink", err)
	for _, l := range links {
		fz.rangeOK("documentLink", l.Range)
	}

	lenses, err := fz.s.CodeLens(ctx, &protocol.CodeLensParams{TextDocument: td})
	fz.noError("codeLens", err)
	for _, l := range lenses {
		fz.rangeOK("codeLens", l.Range)
		if l.Command.Command == ShowGraphCommand {
			if len(l.Command.Arguments) != 2 {
				t.Fatalf("graph lens with %d arguments", len(l.Command.Arguments))
			}
			continue
		}
		if l.Command.Command == "" { // a task's count: a label
			if len(l.Command.Arguments) != 0 || l.Command.Title == "" {
				t.Fatalf("task lens %+v", l.Command)
			}
			continue
		}
		if len(l.Command.Arguments) != 3 {
			t.Fatalf("code lens command with %d arguments", len(l.Command.Arguments))
		}
		var locs []protocol.Location
		if err := protocol.Unmarshal(l.Command.Arguments[2], &locs); err != nil {
			t.Fatalf("code lens locations: %v", err)
		}
		for _, loc := range locs {
			fz.location("code lens node", loc)
		}
	}

	// The document's own diagnostics, as published.
	diags := fz.s.diagnose(ctx, fz.doc)
	for _, d := range diags {
		if d.Start < 0 || d.Start > d.End || d.End > len(fz.doc.Text) {
			t.Fatalf("diagnostic span [%d,%d) outside the text of %d bytes: %+v", d.Start, d.End, len(fz.doc.Text), d)
		}
	}
	shown := toProtocol(fz.doc, diags, fz.enc)
	for _, d := range shown {
		fz.rangeOK("diagnostic", d.Range)
	}

	// Code actions: on each diagnostic (as a client sends them, with or
	// without their data), on a fuzzed range with the diagnostics it
	// touches, and on that range without context.
	n := len(fz.doc.Text)
	start, end := toPosition(fz.m, int(a)%(n+1), fz.enc), toPosition(fz.m, int(b)%(n+1), fz.enc)
	if before(end, start) {
		start, end = end, start
	}
	sel := protocol.Range{Start: start, End: end}
	var touching []protocol.Diagnostic
	for i, d := range shown {
		if i < 24 {
			if flags&0x40 != 0 {
				d.Data = nil
			}
			fz.codeActions(protocol.Range{Start: d.Range.Start, End: d.Range.End}, []protocol.Diagnostic{d})
		}
		if !before(d.Range.End, sel.Start) && !before(sel.End, d.Range.Start) {
			touching = append(touching, d)
		}
	}
	fz.codeActions(sel, touching)
	fz.codeActions(sel, nil)
}

// positional asks the requests made at a position.
func (fz *fuzzer) positional(p protocol.Position, newName string, flags uint8) {
	t, ctx, td := fz.t, fz.ctx, protocol.TextDocumentIdentifier{URI: fz.u}
	tdp := protocol.TextDocumentPositionParams{TextDocument: td, Position: p}
	// The position the server reads: clamped into the document.
	at := toPosition(fz.m, offsetOf(fz.m, p, fz.enc), fz.enc)

	fz.selectionRanges(p, at)

	res, err := fz.s.Completion(ctx, &protocol.CompletionParams{TextDocumentPositionParams: tdp})
	fz.noError("completion", err)
	list, ok := res.(*protocol.CompletionList)
	if !ok {
		t.Fatalf("completion answered %T", res)
	}
	for _, it := range list.Items {
		te, ok := it.TextEdit.(*protocol.TextEdit)
		if !ok {
			t.Fatalf("completion item %q has a %T edit", it.Label, it.TextEdit)
		}
		what := fmt.Sprintf("completion %q at %v", it.Label, at)
		fz.rangeOK(what, te.Range)
		// LSP: a completion edit is on one line, and holds the cursor.
		if te.Range.Start.Line != te.Range.End.Line || before(at, te.Range.Start) || before(te.Range.End, at) {
			t.Fatalf("%s: edit range %v does not hold the cursor on one line", what, te.Range)
		}
		insert := te.NewText
		if it.InsertTextFormat == protocol.InsertTextFormatSnippet {
			insert = snippet.Plain(insert)
		}
		fz.apply(what, []protocol.TextEdit{{Range: te.Range, NewText: insert}})
	}

	h, err := fz.s.Hover(ctx, &protocol.HoverParams{TextDocumentPositionParams: tdp})
	fz.noError("hover", err)
	if h != nil && h.Range != nil {
		fz.rangeOK("hover", *h.Range)
	}

	def, err := fz.s.Definition(ctx, &protocol.DefinitionParams{TextDocumentPositionParams: tdp})
	fz.noError("definition", err)
	switch def := def.(type) {
	case protocol.LocationSlice:
		for _, l := range def {
			fz.location("definition", l)
		}
	case protocol.DefinitionLinkSlice:
		for _, l := range def {
			if l.OriginSelectionRange != nil {
				fz.rangeOK("definition origin", *l.OriginSelectionRange)
			}
			fz.location("definition target", protocol.Location{URI: l.TargetURI, Range: l.TargetRange})
			fz.location("definition selection", protocol.Location{URI: l.TargetURI, Range: l.TargetSelectionRange})
		}
	default:
		t.Fatalf("definition answered %T", def)
	}

	refs, err := fz.s.References(ctx, &protocol.ReferenceParams{TextDocumentPositionParams: tdp,
		Context: protocol.ReferenceContext{IncludeDeclaration: flags&0x80 != 0}})
	fz.noError("references", err)
	for _, l := range refs {
		fz.location("reference", l)
	}

	hl, err := fz.s.DocumentHighlight(ctx, &protocol.DocumentHighlightParams{TextDocumentPositionParams: tdp})
	fz.noError("documentHighlight", err)
	for _, x := range hl {
		fz.rangeOK("highlight", x.Range)
	}

	// Renaming may be refused with an error; a rename that goes ahead
	// must give edits that apply.
	names := []string{newName}
	pr, err := fz.s.PrepareRename(ctx, &protocol.PrepareRenameParams{TextDocumentPositionParams: tdp})
	if err == nil && pr != nil {
		ph, ok := pr.(*protocol.PrepareRenamePlaceholder)
		if !ok {
			t.Fatalf("prepareRename answered %T", pr)
		}
		fz.rangeOK("prepareRename", ph.Range)
		names = append(names, ph.Placeholder+"-2", ph.Placeholder+"x")
	}
	for _, name := range names {
		we, err := fz.s.Rename(ctx, &protocol.RenameParams{TextDocumentPositionParams: tdp, NewName: name})
		if err == nil && we != nil {
			fz.workspaceEdit(fmt.Sprintf("rename to %q at %v", name, at), we)
		}
	}
}

// codeActions asks for the code actions of a range and applies each.
func (fz *fuzzer) codeActions(r protocol.Range, diags []protocol.Diagnostic) {
	actions, err := fz.s.CodeAction(fz.ctx, &protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: fz.u},
		Range:        r,
		Context:      protocol.CodeActionContext{Diagnostics: diags},
	})
	fz.noError("codeAction", err)
	for _, a := range actions {
		ca, ok := a.(*protocol.CodeAction)
		if !ok {
			fz.t.Fatalf("code action answered %T", a)
		}
		for _, d := range ca.Diagnostics {
			fz.rangeOK("code action diagnostic", d.Range)
		}
		if ca.Edit != nil {
			fz.workspaceEdit(fmt.Sprintf("code action %q", ca.Title), ca.Edit)
		}
	}
}

// workspaceEdit applies an edit of the document.
func (fz *fuzzer) workspaceEdit(what string, we *protocol.WorkspaceEdit) {
	var edits []protocol.TextEdit
	for u, tes := range we.Changes {
		if u != fz.u {
			fz.t.Fatalf("%s: edits %s", what, u)
		}
		edits = append(edits, tes...)
	}
	for _, dc := range we.DocumentChanges {
		tde, ok := dc.(*protocol.TextDocumentEdit)
		if !ok || tde.TextDocument.URI != fz.u {
			fz.t.Fatalf("%s: document change %T", what, dc)
		}
		if v := tde.TextDocument.Version; v != nil && *v != fz.doc.Version {
			fz.t.Fatalf("%s: edit of version %d, the document is at %d", what, *v, fz.doc.Version)
		}
		for _, e := range tde.Edits {
			switch e := e.(type) {
			case *protocol.TextEdit:
				edits = append(edits, *e)
			case *protocol.SnippetTextEdit:
				edits = append(edits, protocol.TextEdit{Range: e.Range, NewText: snippet.Plain(e.Snippet.Value)})
			default:
				fz.t.Fatalf("%s: %T in a document edit", what, e)
			}
		}
	}
	fz.apply(what, edits)
}

// apply checks that edits lie in the document and do not overlap, applies
// them, and checks the result.
func (fz *fuzzer) apply(what string, edits []protocol.TextEdit) {
	type span struct {
		start, end int
		text       string
	}
	spans := make([]span, 0, len(edits))
	for _, e := range edits {
		fz.rangeOK(what, e.Range)
		spans = append(spans, span{offsetOf(fz.m, e.Range.Start, fz.enc), offsetOf(fz.m, e.Range.End, fz.enc), e.NewText})
	}
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	text := fz.doc.Text
	var b strings.Builder
	last := 0
	var changed [][2]int // the edited parts of the new text
	for i, s := range spans {
		if s.start < last {
			fz.t.Fatalf("%s: edit %d [%d,%d) overlaps the one before (ends at %d)", what, i, s.start, s.end, last)
		}
		b.WriteString(text[last:s.start])
		changed = append(changed, [2]int{b.Len(), b.Len() + len(s.text)})
		b.WriteString(s.text)
		last = s.end
	}
	b.WriteString(text[last:])
	out := b.String()
	if !utf8.ValidString(out) {
		fz.t.Fatalf("%s: the edited text is not valid UTF-8: %q", what, out)
	}
	// The rest of the text is the document's, checked once.
	m := document.NewMapper(out)
	for _, c := range changed {
		roundTrips(fz.t, what, m, m.LineStart(m.LineOf(c[0])), m.LineEnd(m.LineOf(c[1])))
	}
	if fz.edited == nil && len(edits) > 0 {
		fz.edited = &editResult{edits: edits, text: out}
	}
}

// roundTrips checks that every offset of the text from start to end
// where a character starts converts to a position and back to itself, in
// every encoding.
func roundTrips(t *testing.T, what string, m *document.Mapper, start, end int) {
	text := m.Text()
	for _, enc := range []document.Encoding{document.UTF16, document.UTF8, document.UTF32} {
		for off := start; off <= end; off++ {
			if off < len(text) && !utf8.RuneStart(text[off]) || off > 0 && off < len(text) && text[off-1] == '\r' && text[off] == '\n' {
				continue
			}
			p := m.Position(off, enc)
			if back := m.Offset(p, enc); back != off {
				t.Fatalf("%s: in the edited text, offset %d is %v in %v, which is offset %d", what, off, p, enc, back)
			}
		}
	}
}

// symbols checks nested document symbols: ranges in the document, each
// selection inside its symbol's range.
func (fz *fuzzer) symbols(syms []protocol.DocumentSymbol) {
	for _, s := range syms {
		fz.rangeOK("symbol "+s.Name, s.Range)
		fz.rangeOK("symbol selection "+s.Name, s.SelectionRange)
		if before(s.SelectionRange.Start, s.Range.Start) || before(s.Range.End, s.SelectionRange.End) {
			fz.t.Fatalf("symbol %q: selection %v outside its range %v", s.Name, s.SelectionRange, s.Range)
		}
		fz.symbols(s.Children)
	}
}

// location checks a location in the document, or in a file of the
// project (a script).
func (fz *fuzzer) location(what string, l protocol.Location) {
	if l.URI == fz.u {
		fz.rangeOK(what, l.Range)
		return
	}
	data, err := os.ReadFile(l.URI.FsPath())
	if err != nil {
		fz.t.Fatalf("%s: location in %s, which cannot be read: %v", what, l.URI, err)
	}
	fz.rangeIn(what+" in "+filepath.Base(l.URI.FsPath()), document.NewMapper(string(data)), l.Range)
}

// rangeOK checks that a range is ordered and both its ends are positions
// of the document: a line that exists, a character at most its length,
// not inside a character.
func (fz *fuzzer) rangeOK(what string, r protocol.Range) {
	fz.t.Helper()
	fz.rangeIn(what, fz.m, r)
}

// rangeIn checks a range of the text m maps.
func (fz *fuzzer) rangeIn(what string, m *document.Mapper, r protocol.Range) {
	fz.t.Helper()
	if before(r.End, r.Start) {
		fz.t.Fatalf("%s: range %v ends before it starts", what, r)
	}
	for _, p := range []protocol.Position{r.Start, r.End} {
		if int(p.Line) >= m.LineCount() {
			fz.t.Fatalf("%s: range %v past the last line (%d lines)", what, r, m.LineCount())
		}
		if back := toPosition(m, offsetOf(m, p, fz.enc), fz.enc); back != p {
			fz.t.Fatalf("%s: range %v: %v is not a position of the text in %v (nearest %v)", what, r, p, fz.enc, back)
		}
	}
}

func (fz *fuzzer) noError(method string, err error) {
	fz.t.Helper()
	if err != nil {
		fz.t.Fatalf("%s: %v", method, err)
	}
}

// before reports whether position a comes before b.
// selectionRanges checks the chain at p (read by the server as at): one
// range per position, each holding the position and inside its parent,
// the last the whole document.
func (fz *fuzzer) selectionRanges(p, at protocol.Position) {
	t := fz.t
	res, err := fz.s.SelectionRange(fz.ctx, &protocol.SelectionRangeParams{TextDocument: protocol.TextDocumentIdentifier{URI: fz.u}, Positions: []protocol.Position{p}})
	fz.noError("selectionRange", err)
	if len(res) != 1 {
		t.Fatalf("selectionRange: %d answers for one position", len(res))
	}
	var last protocol.Range
	for r := &res[0]; r != nil; r = r.Parent {
		fz.rangeOK("selection range", r.Range)
		if before(at, r.Range.Start) || before(r.Range.End, at) {
			t.Fatalf("selection range %v does not hold the position %v", r.Range, at)
		}
		if r.Parent != nil {
			pr := r.Parent.Range
			if before(r.Range.Start, pr.Start) || before(pr.End, r.Range.End) || pr == r.Range {
				t.Fatalf("selection range %v is not strictly inside its parent %v", r.Range, pr)
			}
		}
		last = r.Range
	}
	if end := toPosition(fz.m, len(fz.doc.Text), fz.enc); last.Start != (protocol.Position{}) || last.End != end {
		t.Fatalf("the outermost selection range is %v, not the document (to %v)", last, end)
	}
}

func before(a, b protocol.Position) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Character < b.Character
}
