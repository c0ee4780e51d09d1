// Package textenc reads the bytes of a file as the text every position
// counts in: UTF-8 as it is (a byte order mark kept), UTF-16 with a byte
// order mark decoded once to UTF-8, so that lines, columns and the
// scripts a file names are those of its characters; and writes text back
// in the encoding it was read in.
package textenc

import (
	"bytes"
	"fmt"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// Encoding is how a file's characters are written.
type Encoding int

// The encodings read.
const (
	UTF8 Encoding = iota
	UTF16LE
	UTF16BE
)

func (e Encoding) String() string {
	switch e {
	case UTF16LE:
		return "UTF-16LE"
	case UTF16BE:
		return "UTF-16BE"
	}
	return "UTF-8"
}

// Of returns the encoding of data: UTF-16 when it starts with a UTF-16
// byte order mark, else UTF-8.
func Of(data []byte) Encoding {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return UTF16LE
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return UTF16BE
	}
	return UTF8
}

// codec is the UTF-16 encoding of e, which reads and writes the byte
// order mark; nil for UTF-8.
func (e Encoding) codec() encoding.Encoding {
	switch e {
	case UTF16LE:
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	case UTF16BE:
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	}
	return nil
}

// Decode returns the text data holds and the encoding it is written in.
// The byte order mark of UTF-16 is not part of the text; a character
// UTF-16 cannot hold (an unpaired surrogate) reads as U+FFFD.
func Decode(data []byte) (string, Encoding) {
	e := Of(data)
	c := e.codec()
	if c == nil {
		return string(data), e
	}
	out, err := c.NewDecoder().Bytes(data)
	if err != nil { // the decoder replaces what it cannot read; never expected
		return string(data), UTF8
	}
	return string(out), e
}

// Encode returns text written in e (UTF-16 with its byte order mark).
func (e Encoding) Encode(text string) ([]byte, error) {
	c := e.codec()
	if c == nil {
		return []byte(text), nil
	}
	out, err := c.NewEncoder().Bytes([]byte(text))
	if err != nil {
		return nil, fmt.Errorf("write as %s: %w", e, err)
	}
	return out, nil
}

// Invalid returns where, in the text Decode gives, the first character
// of UTF-16 data is that the data does not hold: an unpaired surrogate,
// or a last byte without its pair. Decode reads it as U+FFFD, so that
// the text is checked, but the official loader (PyYAML) refuses such a
// file, and writing the text back would change those bytes. ok is false
// when data is UTF-8 or valid UTF-16.
func Invalid(data []byte) (off int, ok bool) {
	e := Of(data)
	if e == UTF8 {
		return 0, false
	}
	unit := func(i int) uint16 {
		if e == UTF16LE {
			return uint16(data[i]) | uint16(data[i+1])<<8
		}
		return uint16(data[i])<<8 | uint16(data[i+1])
	}
	at := func(i int) int { // the text's length before the unit at byte i
		text, _ := Decode(data[:i])
		return len(text)
	}
	i := 2
	for ; i+1 < len(data); i += 2 {
		u := unit(i)
		switch {
		case u >= 0xD800 && u < 0xDC00:
			if i+3 >= len(data) || unit(i+2) < 0xDC00 || unit(i+2) > 0xDFFF {
				return at(i), true
			}
			i += 2
		case u >= 0xDC00 && u <= 0xDFFF:
			return at(i), true
		}
	}
	if i < len(data) {
		return at(i), true
	}
	return 0, false
}
