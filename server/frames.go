package server

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// maxMessage is the largest message read (a didOpen of a 256 MiB file,
// escaped as JSON, fits).
const maxMessage = 512 << 20

// maxHeaderLine bounds one header line, so that a line without an end
// cannot fill memory.
const maxHeaderLine = 4 << 10

// errFrame is a frame the server cannot read: the connection ends, since
// where the next message starts is unknown, with this error in the log.
var errFrame = errors.New("unreadable message header")

// frameReader reads the frames of LSP's base protocol (header lines, a
// blank line, a body of Content-Length bytes), naming what is wrong with
// a header that cannot be read.
type frameReader struct {
	in  *bufio.Reader
	buf bytes.Buffer
}

func newFrameReader(r io.Reader) *frameReader {
	return &frameReader{in: bufio.NewReaderSize(r, 64<<10)}
}

// next returns the body of the next frame, valid until the next call.
func (f *frameReader) next() ([]byte, int64, error) {
	length, header, err := f.header()
	if err != nil {
		return nil, 0, err
	}
	// Grow the body as it arrives: a header may claim more than comes.
	f.buf.Reset()
	n, err := f.buf.ReadFrom(io.LimitReader(f.in, int64(length)))
	if err == nil && n < int64(length) {
		err = fmt.Errorf("%w: the input ended after %d of the %d bytes of a message", io.ErrUnexpectedEOF, n, length)
	}
	if err != nil {
		return nil, 0, err
	}
	return f.buf.Bytes(), int64(header) + n, nil
}

// header reads a header block and returns its Content-Length and size.
func (f *frameReader) header() (length, size int, err error) {
	length = -1
	for {
		line, err := f.line()
		size += len(line)
		switch {
		case err == io.EOF && size == 0:
			return 0, 0, io.EOF
		case err == io.EOF:
			return 0, 0, fmt.Errorf("%w: the input ended inside a message header", io.ErrUnexpectedEOF)
		case err != nil:
			return 0, 0, err
		}
		text := strings.TrimRight(line, "\r\n")
		if text == "" {
			if length < 0 {
				return 0, 0, fmt.Errorf("%w: no Content-Length", errFrame)
			}
			return length, size, nil
		}
		name, value, ok := strings.Cut(text, ":")
		if !ok {
			return 0, 0, fmt.Errorf("%w: header line %q has no colon", errFrame, cut(text))
		}
		if !strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			continue
		}
		value = strings.TrimSpace(value)
		n, err := strconv.ParseInt(value, 10, 64)
		switch {
		case err != nil && errors.Is(err, strconv.ErrRange) || err == nil && n > maxMessage:
			return 0, 0, fmt.Errorf("%w: Content-Length %s is more than the %d MiB a message may have", errFrame, cut(value), maxMessage>>20)
		case err != nil:
			return 0, 0, fmt.Errorf("%w: Content-Length %q is not a number", errFrame, cut(value))
		case n <= 0:
			return 0, 0, fmt.Errorf("%w: Content-Length %d is not a size", errFrame, n)
		}
		length = int(n)
	}
}

// line reads one header line, at most maxHeaderLine bytes.
func (f *frameReader) line() (string, error) {
	var b strings.Builder
	for {
		chunk, err := f.in.ReadSlice('\n')
		b.Write(chunk)
		if b.Len() > maxHeaderLine {
			return "", fmt.Errorf("%w: a header line longer than %d bytes", errFrame, maxHeaderLine)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF && b.Len() > 0 {
			return b.String(), io.EOF
		}
		return b.String(), err
	}
}

// cut shortens a header value for the log.
func cut(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}
