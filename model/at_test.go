package model

import (
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/benchdata"
)

// TestAtLooksInOneItem checks that At, which looks only in the item at
// the offset, finds what a scan of every reference and symbol finds, at
// offsets all over the benchmark file.
func TestAtLooksInOneItem(t *testing.T) {
	text := benchdata.Big
	x := Build(document.New("u", 1, text))
	for off := 0; off <= len(text); off += 1 + off%5 {
		gs, gr := x.At(off)
		ws, wr := atByScan(x, off)
		if gs != ws || gr != wr {
			t.Fatalf("offset %d: At gives %v %v, a scan %v %v", off, gs, gr, ws, wr)
		}
	}
}

func atByScan(x *Model, off int) (*Symbol, *Ref) {
	for _, r := range x.Refs() {
		if Contains(r.Span, off) {
			return nil, r
		}
	}
	for _, s := range x.all {
		if s.Named && !s.Broken && Contains(s.NameSpan, off) {
			return s, nil
		}
	}
	return nil, nil
}
