package commands

import (
	"os"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/corpus"
	"github.com/valohai-ls/valohai-ls/model"
)

// TestTaskPlanCorpus plans every task of the corpus: each says how many
// executions it creates and how it counts them, or why it cannot tell.
func TestTaskPlanCorpus(t *testing.T) {
	tasks := 0
	for _, path := range corpus.YAMLFiles(t) {
		text, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		x := model.Of(document.New("file://"+path, 1, string(text)))
		for _, it := range x.Items {
			if it.Kind != model.KindTask {
				continue
			}
			tasks++
			p := TaskPlan(it)
			if p.Known() && p.How == "" || !p.Known() && p.Why == "" {
				t.Errorf("%s: task %q: %q with neither how nor why", path, it.Name, p.Title())
			}
		}
	}
	if tasks == 0 {
		t.Fatal("no task in the corpus")
	}
}
