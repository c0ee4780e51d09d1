// Package workspace indexes the named items of every valohai.yaml and
// valohai.yml under the workspace folders, without opening them in the
// editor, and finds them by a fuzzy match of their names: what
// workspace/symbol answers.
package workspace
