package diagnostics

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/benchdata"
	"github.com/valohai-ls/valohai-ls/internal/corpus"
	"github.com/valohai-ls/valohai-ls/internal/editgen"
)

// TestDiagnoseItemsMatchesDiagnose checks that diagnosing item by item
// gives what a whole diagnosis gives: on the benchmark file, on the
// texts of the differential test's edits, on the rule fixtures and on the
// corpus of real files.
func TestDiagnoseItemsMatchesDiagnose(t *testing.T) {
	ctx := context.Background()
	texts := map[string]string{"benchmark": benchdata.Big, "edit base": editBase}
	g := editgen.New(3, editBase)
	text := editBase
	for k := 0; k < 400; k++ {
		text = g.Next(text).Text
		texts["edit "+string(rune('a'+k%26))+string(rune('a'+k/26))] = text
	}
	fixtures, _ := filepath.Glob(filepath.Join("testdata", "rules", "*.yaml"))
	if len(fixtures) == 0 {
		t.Fatal("no rule fixtures")
	}
	for _, f := range fixtures {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts[f] = string(data)
	}
	for _, f := range corpus.YAMLFiles(t) {
		if data, err := os.ReadFile(f); err == nil {
			texts[f] = string(data)
		}
	}
	streamed := 0
	for name, text := range texts {
		got, ok := DiagnoseItems(ctx, document.New("u", 1, text))
		if !ok {
			continue
		}
		streamed++
		want := Diagnose(ctx, document.New("u", 1, text))
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: item by item\n%+v\nwhole\n%+v\nfor\n%s", name, got, want, text)
		}
	}
	t.Logf("%d of %d texts diagnosed item by item", streamed, len(texts))
	if streamed < len(texts)/2 {
		t.Errorf("only %d of %d texts diagnosed item by item", streamed, len(texts))
	}
}
