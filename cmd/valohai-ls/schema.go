package main

import (
	"fmt"
	"io"

	"github.com/valohai-ls/valohai-ls/schema"
)

// runSchema prints the JSON Schema of valohai.yaml.
func runSchema(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		if args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
			c, _ := lookupCommand("schema")
			writeCommandUsage(stdout, c)
			return 0
		}
		fmt.Fprintf(stderr, "valohai-ls schema: unexpected argument %q\n", args[0])
		return 2
	}
	out, err := schema.JSONSchema()
	if err != nil {
		fmt.Fprintf(stderr, "valohai-ls schema: %v\n", err)
		return 1
	}
	if _, err := stdout.Write(out); err != nil {
		return 1
	}
	return 0
}
