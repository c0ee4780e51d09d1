package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/valohai-ls/valohai-ls/document"
)

// textChange is one content change of a didChange, as the store applies
// it: the whole text, or a range and its replacement. A change the client
// sent malformed (a negative or fractional position, a range that ends
// before it starts) carries the reason in bad and is not applied.
type textChange struct {
	whole      bool
	start, end document.Position
	text       string
	bad        string
}

// didChange is a didChange notification as the server reads it.
type didChange struct {
	uri     uri.URI
	version int32
	changes []textChange
}

// decodeDidChange reads didChange params itself rather than through the
// protocol package: that one takes a change whose range does not decode
// (a negative line, say) for a whole-document change, and would replace
// the document with the fragment.
func decodeDidChange(raw json.RawMessage) (*didChange, error) {
	var p struct {
		TextDocument struct {
			URI     uri.URI     `json:"uri"`
			Version json.Number `json:"version"`
		} `json:"textDocument"`
		ContentChanges []json.RawMessage `json:"contentChanges"`
	}
	if err := json.Unmarshal(raw, &p); err != nil {
		return nil, fmt.Errorf("didChange params: %w", err)
	}
	if p.TextDocument.URI == "" {
		return nil, fmt.Errorf("didChange without a document URI")
	}
	v, err := integer(p.TextDocument.Version)
	if err != nil {
		return nil, fmt.Errorf("didChange of %s: version: %w", p.TextDocument.URI, err)
	}
	dc := &didChange{uri: p.TextDocument.URI, version: int32(max(math.MinInt32, min(v, math.MaxInt32)))}
	for _, c := range p.ContentChanges {
		dc.changes = append(dc.changes, decodeChange(c))
	}
	return dc, nil
}

// decodeChange reads one content change.
func decodeChange(raw json.RawMessage) textChange {
	var c struct {
		Range json.RawMessage `json:"range"`
		Text  *string         `json:"text"`
	}
	if err := json.Unmarshal(raw, &c); err != nil {
		return textChange{bad: err.Error()}
	}
	if c.Text == nil {
		return textChange{bad: "no text"}
	}
	if c.Range == nil {
		return textChange{whole: true, text: *c.Text}
	}
	if bytes.Equal(bytes.TrimSpace(c.Range), []byte("null")) {
		return textChange{bad: "a null range"}
	}
	var r struct {
		Start, End struct{ Line, Character json.Number }
	}
	if err := json.Unmarshal(c.Range, &r); err != nil {
		return textChange{bad: "range: " + err.Error()}
	}
	ch := textChange{text: *c.Text}
	var err error
	if ch.start, err = position(r.Start.Line, r.Start.Character); err != nil {
		return textChange{bad: "range start: " + err.Error()}
	}
	if ch.end, err = position(r.End.Line, r.End.Character); err != nil {
		return textChange{bad: "range end: " + err.Error()}
	}
	if reversed(ch.start, ch.end) {
		return textChange{bad: fmt.Sprintf("the range ends (%d:%d) before it starts (%d:%d)", ch.end.Line, ch.end.Character, ch.start.Line, ch.start.Character)}
	}
	return ch
}

// reversed reports a range that ends before it starts.
func reversed(start, end document.Position) bool {
	return end.Line < start.Line || end.Line == start.Line && end.Character < start.Character
}

// position reads a line and character, which must be whole and not
// negative; one past any document is kept as the largest int32 (the
// store clamps it to the end of the line or text, as the requests do).
func position(line, char json.Number) (document.Position, error) {
	l, err := integer(line)
	if err != nil {
		return document.Position{}, fmt.Errorf("line: %w", err)
	}
	c, err := integer(char)
	if err != nil {
		return document.Position{}, fmt.Errorf("character: %w", err)
	}
	if l < 0 || c < 0 {
		return document.Position{}, fmt.Errorf("negative position %d:%d", l, c)
	}
	return document.Position{Line: int(min(l, math.MaxInt32)), Character: int(min(c, math.MaxInt32))}, nil
}

// integer reads a JSON number that must be a whole number.
func integer(n json.Number) (int64, error) {
	if n == "" {
		return 0, fmt.Errorf("missing")
	}
	i, err := strconv.ParseInt(string(n), 10, 64)
	if err == nil {
		return i, nil
	}
	f, ferr := strconv.ParseFloat(string(n), 64)
	if ferr != nil || f != math.Trunc(f) {
		return 0, fmt.Errorf("%s is not a whole number", n)
	}
	return int64(max(math.MinInt64/2, min(f, math.MaxInt64/2))), nil
}

// typedChanges converts the protocol package's changes (as in-process
// callers send them) to the store's.
func typedChanges(changes []protocol.TextDocumentContentChangeEvent) []textChange {
	out := make([]textChange, 0, len(changes))
	for _, ch := range changes {
		switch c := ch.(type) {
		case *protocol.TextDocumentContentChangeWholeDocument:
			out = append(out, textChange{whole: true, text: c.Text})
		case *protocol.TextDocumentContentChangePartial:
			tc := textChange{
				start: document.Position{Line: int(c.Range.Start.Line), Character: int(c.Range.Start.Character)},
				end:   document.Position{Line: int(c.Range.End.Line), Character: int(c.Range.End.Character)},
				text:  c.Text,
			}
			if reversed(tc.start, tc.end) {
				tc = textChange{bad: "the range ends before it starts"}
			}
			out = append(out, tc)
		default:
			out = append(out, textChange{bad: fmt.Sprintf("a change of type %T", ch)})
		}
	}
	return out
}
