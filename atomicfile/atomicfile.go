// Package atomicfile replaces the content of a user's file so that a
// reader, a crash, a kill or a full disk finds either the old content or
// the new one, never a mix or an empty file: the new content is written to
// a temporary file in the same directory, synced to disk, given the
// original's mode, and renamed over the original. Through a symbolic link
// the link's final target is replaced the same way and the link is kept.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// newMode is the mode of a file that did not exist before.
const newMode fs.FileMode = 0o644

// Write replaces the content of the file at path with data, or creates it.
// On any error the file at path is as it was (byte for byte) and no
// temporary file is left behind.
func Write(path string, data []byte) error {
	return osOps.write(path, data)
}

// ops are the file operations Write makes, replaceable in tests to make one
// of them fail.
type ops struct {
	createTemp func(dir, pattern string) (file, error)
	rename     func(from, to string) error
	remove     func(name string) error
}

// file is the part of *os.File the temporary file is used through.
type file interface {
	Name() string
	Write(p []byte) (int, error)
	Sync() error
	Chmod(mode fs.FileMode) error
	Close() error
}

var osOps = ops{
	createTemp: func(dir, pattern string) (file, error) { return os.CreateTemp(dir, pattern) },
	rename:     os.Rename,
	remove:     os.Remove,
}

func (o ops) write(path string, data []byte) error {
	target, err := resolve(path)
	if err != nil {
		return err
	}
	mode := newMode
	var orig fs.FileInfo
	switch st, err := os.Stat(target); {
	case err == nil && !st.Mode().IsRegular():
		return fmt.Errorf("write %s: not a regular file", path)
	case err == nil:
		mode, orig = st.Mode().Perm(), st
	case !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("write %s: %w", path, err)
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	tmp, err := o.createTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := fill(tmp, data, mode, orig); err != nil {
		_ = tmp.Close()
		_ = o.remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		_ = o.remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := o.rename(tmp.Name(), target); err != nil {
		_ = o.remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	syncDir(dir)
	return nil
}

// fill writes data to the temporary file, syncs it and gives it the mode
// (and, where the platform has them, the owner) of the original.
func fill(tmp file, data []byte, mode fs.FileMode, orig fs.FileInfo) error {
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		return err
	}
	keepOwner(tmp, orig)
	return nil
}

// resolve returns the file path names after following symbolic links, so
// that the link stays a link; path itself when it does not exist yet.
func resolve(path string) (string, error) {
	st, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return path, nil
	}
	if err != nil {
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	if st.Mode()&fs.ModeSymlink == 0 {
		return path, nil
	}
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return "", fmt.Errorf("write %s: the symbolic link's target: %w", path, err)
	}
	return target, nil
}

// syncDir makes the rename durable where the platform can sync a
// directory; the content is already safe either way.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	_ = d.Close()
}
