package lint

import (
	"slices"
	"sort"
	"unicode/utf8"

	"github.com/valohai-ls/valohai-ls/diagnostics"
)

// withInvalidUTF16 adds to diags, in position order, the error of a
// UTF-16 file that holds something UTF-16 cannot (an unpaired surrogate,
// a last odd byte) at offset off of text, where it reads as U+FFFD.
func withInvalidUTF16(diags []diagnostics.Diagnostic, off int, text string) []diagnostics.Diagnostic {
	_, size := utf8.DecodeRuneInString(text[off:])
	d := diagnostics.Diagnostic{
		Start: off, End: off + size, Severity: diagnostics.Error, Code: diagnostics.CodeSyntax,
		Message: "this is not valid UTF-16 (an unpaired surrogate or a last byte without its pair), read here as U+FFFD; the official loader (PyYAML) refuses the file",
	}
	i := sort.Search(len(diags), func(i int) bool { return diags[i].Start > off })
	return slices.Insert(slices.Clone(diags), i, d)
}
