package main

import (
	"fmt"
	"io"

	"github.com/valohai-ls/valohai-ls/schema"
)

// runSchema prints the JSON Schema of valohai.yaml.
func runSchema(args []string, stdout, stderr io.Writer) int {
	if _, code, ok := parseCommand("schema", nil, args, stdout, stderr); !ok {
		return code
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
