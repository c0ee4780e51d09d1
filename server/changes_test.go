package server

import (
	"context"
	"fmt"
	"math/rand"
	"net"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"go.lsp.dev/uri"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/lsptest"
)

// serveTest serves s over an in-memory pipe and returns a client; the
// server stops when the test ends.
func serveTest(t testing.TB, s *Server) *lsptest.Client {
	t.Helper()
	srv, cli := net.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = s.serve(ctx, srv)
		_ = srv.Close()
	}()
	t.Cleanup(func() {
		cancel()
		_ = cli.Close()
		<-done
	})
	return lsptest.New(cli, cli)
}

// held returns the server's copy of u and why it is out of step ("" when
// it is in step).
func held(s *Server, u uri.URI) (text, lost string) {
	s.docs.mu.RLock()
	defer s.docs.mu.RUnlock()
	e := s.docs.docs[u]
	return e.doc.Text, e.lost
}

// TestChangesFollowTheClient sends random streams of didChange
// notifications over the connection, as a client would (edits past the
// end of a line or of the document, several changes in one notification,
// versions that do not increase, whole-text changes) and as a broken one
// would (negative and fractional positions, reversed and null ranges, no
// text), and compares the server's copy with the client's after each: it
// is the same text, or the server knows it is out of step, answers
// nothing for the document, and is in step again at the next whole text.
func TestChangesFollowTheClient(t *testing.T) {
	for _, enc := range []document.Encoding{document.UTF16, document.UTF8, document.UTF32} {
		for seed := int64(1); seed <= 4; seed++ {
			t.Run(fmt.Sprintf("%s/%d", enc, seed), func(t *testing.T) {
				followClient(t, enc, rand.New(rand.NewSource(seed)), 150)
			})
		}
	}
}

func followClient(t *testing.T, enc document.Encoding, rng *rand.Rand, steps int) {
	s := newServer(Options{Debounce: time.Hour})
	c := serveTest(t, s)
	initialize(t, c, enc.String())
	text := strings.Replace(fuzzBase, "name: train", "name: tr\u00e4in # 😀 é", 1)
	if rng.Intn(2) == 0 {
		text = strings.ReplaceAll(text, "\n", "\r\n")
	}
	open(t, c, testURI, text)
	version := 1
	for step := 0; step < steps; step++ {
		version += []int{1, 1, 1, 0, -1, -3, 5}[rng.Intn(7)]
		var changes []any
		hostile := false
		for n := 1 + rng.Intn(3); n > 0; n-- {
			var ch any
			switch k := rng.Intn(20); {
			case k == 0:
				text = randomText(rng)
				ch = map[string]any{"text": text}
			case k <= 2:
				// The client edited, but sent a change the server cannot
				// apply.
				var edited string
				edited, _ = randomEdit(rng, text, enc)
				text = edited
				ch = brokenChange(rng)
				hostile = true
			default:
				text, ch = randomEdit(rng, text, enc)
			}
			changes = append(changes, ch)
		}
		if err := c.Notify("textDocument/didChange", map[string]any{
			"textDocument": map[string]any{"uri": testURI, "version": version}, "contentChanges": changes}); err != nil {
			t.Fatal(err)
		}
		// Notifications are handled in order before the next message is
		// read: once this request is answered, the change is applied.
		var syms any
		if err := c.Call("textDocument/documentSymbol", map[string]any{"textDocument": map[string]any{"uri": testURI}}, &syms); err != nil {
			t.Fatalf("step %d: documentSymbol: %v", step, err)
		}
		got, lost := held(s, testURI)
		switch {
		case lost != "":
			if s.docs.get(testURI) != nil {
				t.Fatalf("step %d: out of step (%s) but still served", step, lost)
			}
			if l, ok := syms.([]any); syms != nil && (!ok || len(l) > 0) {
				t.Fatalf("step %d: out of step (%s) but answered %v", step, lost, syms)
			}
		case hostile && !wholeAfterBroken(changes):
			t.Fatalf("step %d: a change that cannot be applied (%v) left the document in step", step, changes)
		case got != text:
			t.Fatalf("step %d: the server holds\n%q\nthe client\n%q\nafter %v", step, got, text, changes)
		}
	}
}

// wholeAfterBroken reports whether a whole-text change follows the last
// broken one in changes.
func wholeAfterBroken(changes []any) bool {
	whole := false
	for _, ch := range changes {
		m := ch.(map[string]any)
		_, hasRange := m["range"]
		switch {
		case !hasRange && m["text"] != nil:
			whole = true
		case isBroken(m):
			whole = false
		}
	}
	return whole
}

func isBroken(m map[string]any) bool {
	b, _ := m["broken"].(bool)
	return b
}

// brokenChange is a change a broken client might send.
func brokenChange(rng *rand.Rand) map[string]any {
	p := func(l, c any) map[string]any { return map[string]any{"line": l, "character": c} }
	ranges := []any{
		map[string]any{"start": p(-1, 0), "end": p(0, 3)},
		map[string]any{"start": p(0, -5), "end": p(0, 0)},
		map[string]any{"start": p(2, 0), "end": p(-2147483648, 0)},
		map[string]any{"start": p(1.5, 0), "end": p(2, 0)},
		map[string]any{"start": p(3, 4), "end": p(1, 0)},
		map[string]any{"start": p(2, 9), "end": p(2, 1)},
		nil,
		"here",
	}
	ch := map[string]any{"range": ranges[rng.Intn(len(ranges))], "text": "x", "broken": true}
	if rng.Intn(8) == 0 {
		delete(ch, "text")
	}
	return ch
}

// pieces are what the random edits insert.
var pieces = []string{"a", "- step:\n", "  ", "\n", "\r\n", "\r", "é", "😀", ": ", "{", "name: x\n", ""}

func randomText(rng *rand.Rand) string {
	var b strings.Builder
	for n := rng.Intn(12); n > 0; n-- {
		b.WriteString(pieces[rng.Intn(len(pieces))])
	}
	return b.String()
}

// randomEdit makes a random edit of text and returns the text it gives and
// the change a client sends for it: a range between two character
// boundaries, sometimes with its end past the end of its line or of the
// document (which LSP reads as the end of the line, and the editors as
// the end of the text).
func randomEdit(rng *rand.Rand, text string, enc document.Encoding) (string, map[string]any) {
	a, b := boundary(rng, text), boundary(rng, text)
	if b < a {
		a, b = b, a
	}
	start, end := refPosition(text, a, enc), refPosition(text, b, enc)
	switch rng.Intn(6) {
	case 0:
		if refOffset(text, document.Position{Line: end.Line, Character: end.Character + 1 + rng.Intn(40)}, enc) >= b {
			end.Character += 1 + rng.Intn(40)
			b = refOffset(text, end, enc)
		}
	case 1:
		end = document.Position{Line: len(refLines(text)) + rng.Intn(3), Character: rng.Intn(5)}
		b = len(text)
	}
	repl := randomText(rng)
	ch := map[string]any{
		"range": map[string]any{
			"start": map[string]any{"line": start.Line, "character": start.Character},
			"end":   map[string]any{"line": end.Line, "character": end.Character},
		},
		"text": repl,
	}
	return text[:a] + repl + text[b:], ch
}

// boundary is a random offset of text at a character boundary and not
// inside a "\r\n".
func boundary(rng *rand.Rand, text string) int {
	for {
		off := rng.Intn(len(text) + 1)
		if off < len(text) && !utf8.RuneStart(text[off]) {
			continue
		}
		if off > 0 && off < len(text) && text[off-1] == '\r' && text[off] == '\n' {
			continue
		}
		return off
	}
}

// refLines is the client's own reading of text's lines: the offsets where
// each starts and where its content ends.
func refLines(text string) [][2]int {
	var lines [][2]int
	start := 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			lines = append(lines, [2]int{start, i})
			start = i + 1
		case '\r':
			lines = append(lines, [2]int{start, i})
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			start = i + 1
		}
	}
	return append(lines, [2]int{start, len(text)})
}

// units counts s in the units of enc.
func units(s string, enc document.Encoding) int {
	switch enc {
	case document.UTF8:
		return len(s)
	case document.UTF32:
		return utf8.RuneCountInString(s)
	}
	return len(utf16.Encode([]rune(s)))
}

func refPosition(text string, off int, enc document.Encoding) document.Position {
	lines := refLines(text)
	for i, l := range lines {
		if off <= l[1] {
			return document.Position{Line: i, Character: units(text[l[0]:off], enc)}
		}
	}
	panic("offset past the text")
}

// refOffset reads a position as LSP says: a character past the end of
// its line is the end of the line; a line past the last, the end of the
// text.
func refOffset(text string, p document.Position, enc document.Encoding) int {
	lines := refLines(text)
	if p.Line >= len(lines) {
		return len(text)
	}
	l := lines[p.Line]
	for i := l[0]; i < l[1]; {
		if units(text[l[0]:i], enc) >= p.Character {
			return i
		}
		_, w := utf8.DecodeRuneInString(text[i:])
		i += w
	}
	return l[1]
}
