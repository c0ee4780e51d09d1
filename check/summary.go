package check

import (
	"fmt"
	"strings"

	"github.com/valohai-ls/valohai-ls/diagnostics"
)

// Summary is the line that ends a text run for a person: how many
// findings of each severity there are and in how many files, and how many
// files could not be read, e.g. "3 errors, 2 warnings in 2 files".
func Summary(results []Result) string {
	var counts [4]int // by severity: error, warning, information, hint
	withFindings, unreadable, checked := 0, 0, 0
	for _, r := range results {
		if r.Err != nil {
			unreadable++
			continue
		}
		checked++
		if len(r.Diagnostics) > 0 {
			withFindings++
		}
		for _, d := range r.Diagnostics {
			counts[severityIndex(d.Severity)]++
		}
	}
	var parts []string
	for i, name := range []string{"error", "warning", "information", "hint"} {
		if counts[i] > 0 {
			parts = append(parts, plural(counts[i], name))
		}
	}
	var line string
	switch {
	case len(parts) > 0:
		line = strings.Join(parts, ", ") + " in " + plural(withFindings, "file")
	case checked > 0:
		line = "no problems in " + plural(checked, "file")
	}
	if unreadable > 0 {
		if line != "" {
			line += "; "
		}
		line += fmt.Sprintf("%s could not be read", plural(unreadable, "file"))
	}
	return line
}

// severityIndex is s's place in Summary's counts.
func severityIndex(s diagnostics.Severity) int {
	switch s {
	case diagnostics.Error:
		return 0
	case diagnostics.Warning:
		return 1
	case diagnostics.Information:
		return 2
	}
	return 3
}

// plural is "1 error", "2 errors"; "information" has no plural.
func plural(n int, noun string) string {
	if n != 1 && noun != "information" {
		noun += "s"
	}
	return fmt.Sprintf("%d %s", n, noun)
}
