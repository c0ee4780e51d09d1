// Package scripts checks each step of a valohai.yaml against the Python
// scripts its commands run: the options an argparse script accepts and
// requires, the parameters and inputs a `valohai.prepare()` call
// declares, and the names the script reads with `valohai.parameters()`
// and `valohai.inputs()`. It reports, on valohai.yaml, where the two
// disagree: a parameter the script would refuse (the run stops), an
// option the step never passes, names declared on one side only, types
// and defaults that differ.
//
// The scripts a step runs are found and read by package project (inside
// the directory tree of valohai.yaml only, each once, kept by content so
// that an unchanged script is never parsed twice), their text read by
// package python.
package scripts
