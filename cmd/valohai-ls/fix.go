package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/valohai-ls/valohai-ls/atomicfile"
	"github.com/valohai-ls/valohai-ls/check"
	"github.com/valohai-ls/valohai-ls/codeaction"
	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/lint"
	"github.com/valohai-ls/valohai-ls/textenc"
)

// fixFiles applies, to each file of paths, every fix that needs no choice
// (check --fix), and says on stderr what it changed. A file with a YAML
// syntax error is left as it is unless the fixes undo it (a tab, a missing
// space, an unclosed quote, a misindented key, each with one repair). It returns false when a file could not be
// written.
func fixFiles(ctx context.Context, paths []string, stderr io.Writer) bool {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	ok := true
	for _, arg := range paths {
		path, err := check.Resolve(arg)
		if err != nil {
			continue // check reports it
		}
		data, err := check.ReadFile(path)
		if err != nil {
			continue
		}
		if err := unwritable(path, data); err != nil {
			fmt.Fprintf(stderr, "valohai-ls check --fix: %v; nothing fixed\n", err)
			continue
		}
		text, enc := textenc.Decode(data)
		doc := document.New("file:///"+path, 1, text)
		fixed, n := codeaction.FixText(doc, func(d *document.Document) []diagnostics.Diagnostic {
			return lint.Own(ctx, d)
		})
		if len(doc.Parsed().Errors) > 0 && len(document.New(doc.URI, 1, fixed).Parsed().Errors) > 0 {
			fmt.Fprintf(stderr, "valohai-ls check --fix: %s has a YAML syntax error that no fix undoes; nothing fixed\n", path)
			continue
		}
		if n == 0 || fixed == doc.Text {
			continue
		}
		out, err := enc.Encode(fixed)
		if err == nil {
			err = atomicfile.Write(path, out)
		}
		if err != nil {
			fmt.Fprintf(stderr, "valohai-ls check --fix: %v\n", err)
			ok = false
			continue
		}
		fmt.Fprintf(stderr, "valohai-ls check --fix: %s: %s fixed\n", path, plural(n, "problem"))
	}
	return ok
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// unwritable says why the file at path, read as data, cannot be written
// back as it was read: UTF-16 that holds what UTF-16 cannot (an unpaired
// surrogate, a last odd byte), which would be written back as U+FFFD.
func unwritable(path string, data []byte) error {
	off, bad := textenc.Invalid(data)
	if !bad {
		return nil
	}
	text, _ := textenc.Decode(data)
	line := strings.Count(text[:off], "\n") + 1
	return fmt.Errorf("%s is not valid UTF-16 on line %d (an unpaired surrogate or a last byte without its pair): writing it back would change those bytes", path, line)
}
