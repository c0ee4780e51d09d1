package document

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestMapperRoundTrip(t *testing.T) {
	// Line 1 holds é (2 bytes, 1 UTF-16 unit) and 😀 (4 bytes, 2 UTF-16 units).
	text := "- step:\r\n    name: \"é😀x\"\t# c\n\tz: 1\rlast"
	m := NewMapper(text)
	if got := m.LineCount(); got != 4 {
		t.Fatalf("LineCount = %d, want 4", got)
	}
	if got := m.Line(1); got != "    name: \"é😀x\"\t# c" {
		t.Fatalf("Line(1) = %q", got)
	}
	xOff := len("- step:\r\n    name: \"é😀")
	tests := []struct {
		enc  Encoding
		want Position
	}{
		{UTF8, Position{1, len("    name: \"é😀")}},
		{UTF16, Position{1, 11 + 1 + 2}},
		{UTF32, Position{1, 11 + 1 + 1}},
	}
	for _, tc := range tests {
		if got := m.Position(xOff, tc.enc); got != tc.want {
			t.Errorf("%v: Position = %+v, want %+v", tc.enc, got, tc.want)
		}
		if got := m.Offset(tc.want, tc.enc); got != xOff {
			t.Errorf("%v: Offset(%+v) = %d, want %d", tc.enc, tc.want, got, xOff)
		}
	}
}

func TestMapperClamps(t *testing.T) {
	text := "ab😀\ncd\n"
	m := NewMapper(text)
	tests := []struct {
		name string
		pos  Position
		enc  Encoding
		want int
	}{
		{"past line end", Position{0, 99}, UTF16, len("ab😀")},
		{"inside surrogate pair", Position{0, 3}, UTF16, 2},
		{"inside utf-8 sequence", Position{0, 4}, UTF8, 2},
		{"past last line", Position{9, 0}, UTF16, len(text)},
		{"negative line", Position{-1, 5}, UTF16, 0},
		{"empty last line", Position{2, 3}, UTF16, len(text)},
	}
	for _, tc := range tests {
		if got := m.Offset(tc.pos, tc.enc); got != tc.want {
			t.Errorf("%s: Offset = %d, want %d", tc.name, got, tc.want)
		}
	}
	if p := m.Position(len(text)+10, UTF16); p != (Position{2, 0}) {
		t.Errorf("Position past end = %+v", p)
	}
	if p := m.Position(3, UTF16); p != (Position{0, 2}) {
		t.Errorf("Position inside a rune = %+v, want start of the rune", p)
	}
}

func TestOffsetOfLineCol(t *testing.T) {
	// yaml.v3 counts columns in code points: "c" is at column 22 here.
	text := "- step:\n    command: [a, 😀b, c]\n"
	m := NewMapper(text)
	off := m.OffsetOfLineCol(2, 22)
	if text[off] != 'c' {
		t.Fatalf("offset %d holds %q, want 'c'", off, text[off])
	}
	if p := m.Position(off, UTF16); p.Character != 22 {
		t.Errorf("UTF-16 character = %d, want 22", p.Character)
	}
}

func TestCRLFLineEnds(t *testing.T) {
	m := NewMapper("a\r\nb\r\n")
	if m.LineEnd(0) != 1 || m.LineStart(1) != 3 {
		t.Fatalf("LineEnd(0)=%d LineStart(1)=%d", m.LineEnd(0), m.LineStart(1))
	}
	if p := m.Position(2, UTF16); p != (Position{0, 1}) {
		t.Errorf("offset inside CRLF maps to %+v", p)
	}
}

// TestMapperEdit checks that a mapper updated by Edit equals one made
// from the edited text, over random edits of texts with multi-byte
// characters, tabs and each kind of line end.
func TestMapperEdit(t *testing.T) {
	bases := []string{
		"",
		"- step:\n    name: a\n",
		"- step:\n    name: \"é😀x\"\t# c\n  z: 1\nlast",
		"- step:\r\n    name: b\r\n",
		"a\rb\r\nc\nd",
	}
	pieces := []string{"", "x", "\n", "\n\n", "é", "😀\n", " #e", "\r\n", "\r", "- step:\n    name: c\n"}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, base := range bases {
		m := NewMapper(base)
		for k := 0; k < 300; k++ {
			n := len(m.Text())
			a, b := rng.IntN(n+1), rng.IntN(n+1)
			repl := pieces[rng.IntN(len(pieces))]
			got := m.Edit(a, b, repl)
			if a > b {
				a, b = b, a
			}
			want := NewMapper(m.Text()[:a] + repl + m.Text()[b:])
			if got.text != want.text || !slices.Equal(got.lines, want.lines) || got.ascii != want.ascii || got.cr != want.cr {
				t.Fatalf("Edit(%d, %d, %q) of %q:\ngot  %v ascii=%v cr=%v\nwant %v ascii=%v cr=%v",
					a, b, repl, m.Text(), got.lines, got.ascii, got.cr, want.lines, want.ascii, want.cr)
			}
			m = got
			if len(m.Text()) > 400 {
				m = NewMapper(base)
			}
		}
	}
}
