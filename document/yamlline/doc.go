// Package yamlline reads YAML line by line, from the text alone: the shape
// of one line (Read) and what a scan of several lines leaves open (Scan),
// for documents that do not parse.
package yamlline
