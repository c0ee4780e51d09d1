// Package check lints valohai.yaml files on disk with the same engine the
// language server uses, and prints the findings for people or for tools.
package check

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/lint"
	"github.com/valohai-ls/valohai-ls/schema"
	"github.com/valohai-ls/valohai-ls/textenc"
)

// Exit codes of the check command.
const (
	ExitClean  = 0 // no errors
	ExitErrors = 1 // at least one error diagnostic
	ExitUsage  = 2 // bad usage or an unreadable file
)

// Result is the outcome for one argument.
type Result struct {
	Path        string
	Doc         *document.Document
	Diagnostics []diagnostics.Diagnostic
	Err         error // set when the file could not be read
}

// FileNames are the names a directory's valohai.yaml may have.
var FileNames = schema.FileNames

// Resolve turns an argument into the file to check: a directory means its
// valohai.yaml (or valohai.yml).
func Resolve(arg string) (string, error) {
	st, err := os.Stat(arg)
	if err != nil {
		return arg, fmt.Errorf("cannot read %s: %w", arg, unwrapPathError(err))
	}
	if !st.IsDir() {
		return arg, nil
	}
	for _, name := range FileNames {
		p := filepath.Join(arg, name)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return filepath.Join(arg, FileNames[0]), fmt.Errorf("no valohai.yaml or valohai.yml in directory %s", arg)
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Checker checks files. The zero value checks each file's steps against
// the Python scripts they run too.
type Checker struct {
	// NoScripts leaves the scripts out.
	NoScripts bool
}

// Files checks each argument in order.
func Files(ctx context.Context, args []string) []Result { return Checker{}.Files(ctx, args) }

// File checks one argument.
func File(ctx context.Context, arg string) Result { return Checker{}.File(ctx, arg) }

// Reader checks the file read from r (stdin); see Checker.Reader.
func Reader(ctx context.Context, name string, r io.Reader) Result {
	return Checker{}.Reader(ctx, name, r)
}

// Text checks data as the file at path.
func Text(ctx context.Context, path string, data []byte) Result {
	return Checker{}.Text(ctx, path, data)
}

// Files checks each argument in order.
func (k Checker) Files(ctx context.Context, args []string) []Result {
	if len(args) == 0 {
		args = []string{"."}
	}
	results := make([]Result, 0, len(args))
	for _, arg := range args {
		results = append(results, k.File(ctx, arg))
	}
	return results
}

// File checks one argument.
func (k Checker) File(ctx context.Context, arg string) Result {
	path, err := Resolve(arg)
	if err != nil {
		return Result{Path: path, Err: err}
	}
	data, err := readFile(path)
	if err != nil {
		return Result{Path: path, Err: err}
	}
	return k.Text(ctx, path, data)
}

// StdinName is the path reported for a file read from stdin when no other
// name is given.
const StdinName = "<stdin>"

// Reader checks the file read from r (stdin), reported as name; name's
// directory is where the file's scripts are looked for. An empty name is
// StdinName.
func (k Checker) Reader(ctx context.Context, name string, r io.Reader) Result {
	if name == "" {
		name = StdinName
	}
	data, err := readAll(ctx, r)
	if err != nil {
		return Result{Path: name, Err: fmt.Errorf("cannot read stdin: %w", err)}
	}
	return k.Text(ctx, name, data)
}

// Text checks data as the file at path; the scripts it runs are looked
// for in path's directory (none for stdin without a name).
func (k Checker) Text(ctx context.Context, path string, data []byte) Result {
	text, _ := textenc.Decode(data)
	enc := encodingCheck{huge: len(data) >= hugeFile}
	enc.off, enc.bad = textenc.Invalid(data)
	// data is not needed from here on: the check of a huge file is done
	// where nothing holds its bytes (a function with a defer keeps its
	// arguments to its end, 20 MB more at the peak of a 20 MB file).
	return k.text(ctx, path, text, enc)
}

// encodingCheck is what Text learnt of a file's bytes before checking
// its text: whether it is huge, and where its UTF-16 is broken.
type encodingCheck struct {
	huge bool
	off  int
	bad  bool
}

// text checks the text of the file at path.
func (k Checker) text(ctx context.Context, path, text string, enc encodingCheck) Result {
	doc := document.New(path, 0, text)
	if enc.huge {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(memoryLimit(doc)))
	}
	// Item by item, so that a huge file is checked in bounded memory.
	opts := lint.Options{ItemByItem: true, InvalidUTF16: enc.bad, InvalidAt: enc.off}
	if !k.NoScripts && path != StdinName {
		opts.ScriptDir = filepath.Dir(path)
	}
	return Result{Path: path, Doc: doc, Diagnostics: lint.File(ctx, doc, opts).Diagnostics}
}

// hugeFile is the size from which a file's check sets the collector a
// memory limit (memoryLimit).
const hugeFile = 8 << 20

// memoryLimit is the heap that checking doc item by item needs, give or
// take: the text twice over, and the trees of its largest item (about
// treeBytes bytes of tree for each byte of YAML) while a rule reads it
// whole and while it is read again; at least fileMultiple times the
// text. Near the limit the collector runs more often, so that the
// garbage of one item does not add to the next; a limit under what is
// in use would make it run all the time, hence the estimate.
func memoryLimit(doc *document.Document) int64 {
	const treeBytes, fileMultiple = 25, 8
	largest := 0
	for _, sp := range doc.ItemSpans() {
		largest = max(largest, sp.End-sp.Start)
	}
	need := (2*len(doc.Text) + treeBytes*largest) * 4 / 3
	return int64(max(need, fileMultiple*len(doc.Text)))
}

// OnlyErrors returns results with every diagnostic that is not an error
// left out (for --quiet).
func OnlyErrors(results []Result) []Result {
	out := make([]Result, len(results))
	for i, r := range results {
		out[i] = r
		out[i].Diagnostics = nil
		for _, d := range r.Diagnostics {
			if d.Severity == diagnostics.Error {
				out[i].Diagnostics = append(out[i].Diagnostics, d)
			}
		}
	}
	return out
}

// ExitCode returns the exit code for results: usage problems first, then errors.
func ExitCode(results []Result) int { return ExitCodeStrict(results, false) }

// ExitCodeStrict is ExitCode where, with strictWarnings, warnings count
// as errors.
func ExitCodeStrict(results []Result, strictWarnings bool) int {
	code := ExitClean
	for _, r := range results {
		if r.Err != nil {
			return ExitUsage
		}
		for _, d := range r.Diagnostics {
			if d.Severity == diagnostics.Error || (strictWarnings && d.Severity == diagnostics.Warning) {
				code = ExitErrors
			}
		}
	}
	return code
}

// ReportErrors writes the I/O problems of results to w.
func ReportErrors(w io.Writer, results []Result) {
	for _, r := range results {
		if r.Err != nil {
			fmt.Fprintf(w, "valohai-ls: %v\n", r.Err)
		}
	}
}
