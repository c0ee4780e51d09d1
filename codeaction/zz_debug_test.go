package codeaction

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
)

func TestZZFile(t *testing.T) {
	p := os.Getenv("ZZ_FILE")
	if p == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(p)
	doc := document.New("file:///x/valohai.yaml", 1, string(b))
	c := &ctx{doc: doc, m: doc.Mapper()}
	for _, d := range diagnostics.Diagnose(context.Background(), doc) {
		fmt.Printf("%d: %s %s\n", doc.Mapper().LineOf(d.Start)+1, d.Code, d.Message)
		if d.Fix != nil {
			for _, f := range d.Fix.Syntax {
				n, ok := c.newFindings(d, Edit{f.Start, f.End, f.Text, false}, c.hidden(d))
				fmt.Printf("   fix %q rank %d -> new %d ok %v\n", f.Title, f.Rank, n, ok)
			}
		}
	}
}
