package diagnostics

import (
	"context"
	"math/rand"
	"reflect"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
)

const editBase = `- step:
    name: train
    image: x
    command: python train.py {parameter:lr}
    parameters:
      - name: lr
        type: flaot
- endpoint:
    name: Predict
    wsgi: a:b
    prot: 80
- pipeline:
    name: p
    nodes:
      - name: n
        type: execution
        step: trian
    edges: []
`

// TestIncrementalDiagnosticsMatchFresh edits a file at random, version
// after version, and checks that the diagnostics of each version (which
// reuse the findings of untouched items) equal those of a fresh parse.
func TestIncrementalDiagnosticsMatchFresh(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	edits := []string{"", "x", " #e", "\n", "\n    image: z", "é😀"}
	ctx := context.Background()
	prev := document.New("u", 1, editBase)
	Diagnose(ctx, prev)
	for k := 0; k < 1500; k++ {
		text := prev.Text
		a := rng.Intn(len(text) + 1)
		b := min(len(text), a+rng.Intn(3))
		next := text[:a] + edits[rng.Intn(len(edits))] + text[b:]
		if len(next) > 3*len(editBase) {
			next = editBase
		}
		d := document.NewVersion(prev, int32(k+2), next)
		got := Diagnose(ctx, d)
		want := Diagnose(ctx, document.New("u", 1, next))
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("edit %d: diagnostics differ for\n%s\ngot  %+v\nwant %+v", k, next, got, want)
		}
		prev = d
	}
}
