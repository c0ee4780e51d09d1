// Command rulesdoc prints the rules reference, docs/rules.md, from the
// rule catalog: go run ./internal/rulesdoc > docs/rules.md
package main

import (
	"fmt"

	"github.com/valohai-ls/valohai-ls/diagnostics"
)

func main() { fmt.Print(diagnostics.Reference()) }
