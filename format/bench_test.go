package format

import (
	"testing"

	"github.com/valohai-ls/valohai-ls/internal/benchdata"
)

// BenchmarkFormat5000 formats the generated 5,000-line file, already
// parsed as an open document is, with its indentation changed (goal:
// under 20 ms).
func BenchmarkFormat5000(b *testing.B) {
	_, text := benchdata.Generated(b, 5000)
	docs, err := parseAll(text)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		r, err := FormatParsed(text, docs[0], Options{Indent: 4})
		if err != nil || r.Kept != "" {
			b.Fatal(err, r.Kept)
		}
	}
}

// BenchmarkFormatText5000 is the fmt command's work: the file parsed
// too.
func BenchmarkFormatText5000(b *testing.B) {
	_, text := benchdata.Generated(b, 5000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := Format(text, Options{Indent: 4}); err != nil {
			b.Fatal(err)
		}
	}
}
