package diagnostics

import (
	"context"
	"reflect"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
)

// FuzzIncremental makes two edits of a text, each applied to the previous
// version as an editor's change is (document.Mapper.Edit), and checks that
// the diagnostics and model of each version, which reuse what the edit did
// not touch, equal those of a fresh analysis of the same text.
func FuzzIncremental(f *testing.F) {
	f.Add(editBase, uint16(40), uint8(0), " #e", uint16(300), uint8(3), "")
	f.Add(editBase, uint16(24), uint8(0), "\n", uint16(500), uint8(1), "")
	f.Add(editBase, uint16(0), uint8(0), "- step:\n    name: new\n", uint16(900), uint8(20), "x")
	f.Add(editBase, uint16(200), uint8(9), "\n  - name: p\n", uint16(120), uint8(0), "\t")
	f.Add("- step:\n    name: a\n- step:\n    name: b\n", uint16(20), uint8(0), "é😀\n", uint16(2), uint8(5), "\r\n")
	f.Fuzz(func(t *testing.T, base string, at1 uint16, del1 uint8, ins1 string, at2 uint16, del2 uint8, ins2 string) {
		if len(base) > 4096 || len(ins1) > 256 || len(ins2) > 256 {
			return
		}
		ctx := context.Background()
		doc := document.New("u", 1, base)
		diagnose(ctx, doc)
		for k, e := range []struct {
			at, del int
			ins     string
		}{{int(at1), int(del1), ins1}, {int(at2), int(del2), ins2}} {
			text := doc.Text
			start := min(e.at, len(text))
			end := min(start+e.del, len(text))
			doc = document.NewVersionMapped(doc, int32(k+2), doc.Mapper().Edit(start, end, e.ins))
			if want := text[:start] + e.ins + text[end:]; doc.Text != want {
				t.Fatalf("edit %d: text %q, want %q", k, doc.Text, want)
			}
			got, _ := diagnose(ctx, doc)
			fresh := document.New("u", 1, doc.Text)
			want, _ := diagnose(ctx, fresh)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("edit %d: diagnostics differ for\n%q\ngot  %+v\nwant %+v", k, doc.Text, got, want)
			}
			if g, w := dumpModel(model.Of(doc)), dumpModel(model.Of(fresh)); g != w {
				t.Fatalf("edit %d: models differ for\n%q\ngot\n%s\nwant\n%s", k, doc.Text, g, w)
			}
			if !reflect.DeepEqual(doc.ItemSpans(), fresh.ItemSpans()) {
				t.Fatalf("edit %d: item spans %v, want %v", k, doc.ItemSpans(), fresh.ItemSpans())
			}
		}
	})
}
