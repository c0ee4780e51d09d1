// Package corpus locates the corpus of real valohai.yaml files that some
// tests read: $VALOHAI_CORPUS, or ../shared/corpus beside the repository.
package corpus

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// Dir returns the corpus folder. A relative $VALOHAI_CORPUS (and the
// default) is taken from the repository root, wherever the test runs.
func Dir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("VALOHAI_CORPUS")
	if dir == "" {
		dir = filepath.Join("..", "shared", "corpus")
	}
	if filepath.IsAbs(dir) {
		return dir
	}
	return filepath.Join(RepoRoot(t), dir)
}

// RepoRoot returns the nearest directory above the working directory that
// holds go.mod.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test's directory")
		}
		dir = parent
	}
}

// YAMLFiles returns every .yaml and .yml file under the corpus folder,
// sorted; none when the folder is absent.
func YAMLFiles(t testing.TB) []string {
	t.Helper()
	var files []string
	_ = filepath.WalkDir(Dir(t), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	return files
}

// RequireYAML returns YAMLFiles, and skips the test, saying that what
// is not checked, when there are none.
func RequireYAML(t testing.TB, what string) []string {
	t.Helper()
	files := YAMLFiles(t)
	if len(files) == 0 {
		t.Skipf("no corpus in %s (set VALOHAI_CORPUS): %s not checked", Dir(t), what)
	}
	return files
}
