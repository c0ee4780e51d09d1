// Package project is the file-system side of a valohai.yaml: the files
// under its directory that it names (the scripts and modules its commands
// run, WSGI modules), looked up only inside that tree, and the Python
// scripts a step runs, joined to the step (StepRuns) and read once each
// through a Reader, which keeps what it read by size, modification time
// and content.
//
// It reads the document's model (package model) and the scripts' text
// (package python); the features that compare a step with its scripts
// (scripts, stepsync, navigation, codeaction) ask it rather than the file
// system.
package project
