// Package stepsync brings a step of valohai.yaml in line with the Python
// scripts it runs, by text edits that touch only what differs: it adds the
// parameters and inputs a script declares and the step lacks (from
// `valohai.prepare()` as valohai-utils would write them, from argparse
// options by their type, default and choices), updates the types and
// defaults `prepare()` declares, and never deletes a YAML-only parameter
// or input, another key, a comment or another item. Removing a parameter
// that the script rejects is a separate action (Removal).
//
// It also writes a whole new step from a script's `prepare()` (NewStep),
// as valohai-utils' generator does, for `valohai-ls step`.
package stepsync
