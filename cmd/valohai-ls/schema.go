package main

import (
	"fmt"
	"io"
)

func runSchema(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "valohai-ls schema: not available in this build")
	return 2
}
