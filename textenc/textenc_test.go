package textenc

import (
	"bytes"
	"testing"
)

// TestRoundTrip: UTF-16 of either byte order is read without its byte
// order mark and written back byte for byte; UTF-8 is kept as it is.
func TestRoundTrip(t *testing.T) {
	const text = "- step:\n    name: träin 😀\n"
	le := []byte{0xFF, 0xFE}
	be := []byte{0xFE, 0xFF}
	for _, r := range text {
		for _, u := range utf16Units(r) {
			le = append(le, byte(u), byte(u>>8))
			be = append(be, byte(u>>8), byte(u))
		}
	}
	for _, tc := range []struct {
		data []byte
		enc  Encoding
		text string
	}{
		{le, UTF16LE, text},
		{be, UTF16BE, text},
		{[]byte(text), UTF8, text},
		{[]byte("\ufeff" + text), UTF8, "\ufeff" + text},
		{[]byte{0xFF, 0xFE, '-', 0}, UTF16LE, "-"},
		{[]byte{0xFF, 0xFE, '-'}, UTF16LE, "\ufffd"}, // an odd byte at the end
	} {
		got, enc := Decode(tc.data)
		if got != tc.text || enc != tc.enc {
			t.Errorf("%x: read %q as %v, want %q as %v", tc.data, got, enc, tc.text, tc.enc)
			continue
		}
		if len(tc.data)%2 == 1 && enc != UTF8 {
			continue
		}
		back, err := enc.Encode(got)
		if err != nil || !bytes.Equal(back, tc.data) {
			t.Errorf("%v: wrote %x (%v), want %x", enc, back, err, tc.data)
		}
	}
}

func utf16Units(r rune) []uint16 {
	if r < 0x10000 {
		return []uint16{uint16(r)}
	}
	r -= 0x10000
	return []uint16{uint16(0xD800 + r>>10), uint16(0xDC00 + r&0x3FF)}
}

func TestInvalid(t *testing.T) {
	le := func(units ...uint16) []byte {
		out := []byte{0xFF, 0xFE}
		for _, u := range units {
			out = append(out, byte(u), byte(u>>8))
		}
		return out
	}
	be := func(units ...uint16) []byte {
		out := []byte{0xFE, 0xFF}
		for _, u := range units {
			out = append(out, byte(u>>8), byte(u))
		}
		return out
	}
	tests := []struct {
		name string
		data []byte
		off  int
		bad  bool
	}{
		{"utf-8", []byte("a: \xff"), 0, false},
		{"valid", le('a', 0xD83D, 0xDE00, 'b'), 0, false},
		{"valid big-endian", be('a', 0xD83D, 0xDE00), 0, false},
		{"lone high surrogate", le('a', 'b', 0xD800, 'c'), 2, true},
		{"high surrogate at the end", be('a', 0xD800), 1, true},
		{"lone low surrogate after a pair", le(0xD83D, 0xDE00, 0xDC00), 4, true},
		{"odd byte", append(le('a', 0xE4), 'x'), 3, true},
	}
	for _, tc := range tests {
		off, bad := Invalid(tc.data)
		if off != tc.off || bad != tc.bad {
			t.Errorf("%s: Invalid = %d, %v; want %d, %v", tc.name, off, bad, tc.off, tc.bad)
		}
	}
}
