// Package pytext holds the text forms of values as Python knows them: the
// text repr() writes for a str or a float, the whitespace str.split and
// str.strip see, and the texts int() and float() accept. valohai-ls needs
// them wherever it must equal what Python code does: the commands
// valohai-yaml builds, the values a script's literals hold, the values an
// argparse type reads.
package pytext
