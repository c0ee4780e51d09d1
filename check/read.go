package check

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// MaxFileSize is the largest file checked (a valohai.yaml of a thousand
// steps is well under a megabyte).
const MaxFileSize = 256 << 20

// errTooLarge is the error of a file or stdin larger than MaxFileSize.
var errTooLarge = fmt.Errorf("larger than %d MiB", MaxFileSize>>20)

// readFile reads the file at path: only a regular file of at most
// MaxFileSize bytes, opened once (without waiting on a FIFO or a device)
// and checked once open, and not through a symbolic link to a file
// outside the link's directory, whose content a message could quote.
func readFile(path string) ([]byte, error) {
	if err := inside(path); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openNonblock, 0)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, unwrapPathError(err))
	}
	defer f.Close()
	st, err := f.Stat()
	switch {
	case err != nil:
		return nil, fmt.Errorf("cannot read %s: %w", path, unwrapPathError(err))
	case !st.Mode().IsRegular():
		return nil, fmt.Errorf("cannot read %s: not a regular file", path)
	case st.Size() > MaxFileSize:
		return nil, fmt.Errorf("cannot read %s: %w", path, errTooLarge)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	switch {
	case err != nil:
		return nil, fmt.Errorf("cannot read %s: %w", path, unwrapPathError(err))
	case len(data) > MaxFileSize:
		return nil, fmt.Errorf("cannot read %s: %w", path, errTooLarge)
	}
	return data, nil
}

// inside refuses a path that is a symbolic link to a file outside the
// link's own directory.
func inside(path string) error {
	st, err := os.Lstat(path)
	if err != nil || st.Mode()&os.ModeSymlink == 0 {
		return nil // not a link; opening it reports what is wrong
	}
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", path, err)
	}
	realDir, err1 := filepath.EvalSymlinks(dir)
	real, err2 := filepath.EvalSymlinks(path)
	if err := errors.Join(err1, err2); err != nil {
		return fmt.Errorf("cannot read %s: %w", path, unwrapPathError(err))
	}
	if real, err = filepath.Abs(real); err != nil {
		return fmt.Errorf("cannot read %s: %w", path, err)
	}
	if rel, err := filepath.Rel(realDir, real); err != nil || !filepath.IsLocal(rel) {
		return fmt.Errorf("cannot read %s: it is a symbolic link to %s, outside its directory; check that file itself", path, real)
	}
	return nil
}

// readAll reads r (stdin) up to MaxFileSize bytes, stopping when ctx is
// done.
func readAll(ctx context.Context, r io.Reader) ([]byte, error) {
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
		done <- result{data, err}
	}()
	select {
	case res := <-done:
		if res.err == nil && len(res.data) > MaxFileSize {
			res.err = errTooLarge
		}
		return res.data, res.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// ReadFile reads a file as check does: a regular file of at most
// MaxFileSize bytes, not through a link out of its directory.
func ReadFile(path string) ([]byte, error) { return readFile(path) }
