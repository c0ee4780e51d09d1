package server

import (
	"time"

	"go.lsp.dev/protocol"

	"github.com/valohai-ls/valohai-ls/document"
)

var timeAfterFunc = time.AfterFunc

func toPosition(m *document.Mapper, off int, enc document.Encoding) protocol.Position {
	p := m.Position(off, enc)
	return protocol.Position{Line: uint32(p.Line), Character: uint32(p.Character)}
}

func toRange(m *document.Mapper, start, end int, enc document.Encoding) protocol.Range {
	return protocol.Range{Start: toPosition(m, start, enc), End: toPosition(m, end, enc)}
}

// offsetOf converts a client position to a byte offset, clamping positions
// past the end of a line or of the document.
func offsetOf(m *document.Mapper, p protocol.Position, enc document.Encoding) int {
	return m.Offset(document.Position{Line: int(p.Line), Character: int(p.Character)}, enc)
}
