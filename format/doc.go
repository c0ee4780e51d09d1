// Package format lays out a valohai.yaml consistently without changing
// what it means: it reindents block mappings and sequences, strips
// trailing spaces, keeps one blank line where there were several, puts one
// blank line between the items of a top-level list and ends the file with
// one newline. It works on the text, line by line, guided by the yaml.v3
// tree: every character of a line other than its indentation and trailing
// spaces is kept, so comments, quoting, anchors, flow collections and key
// order stay as written, and block scalars' lines move with their key.
// The result is parsed again and compared with the original; when they
// differ in any value, style or comment the indentation is left as it was.
package format
