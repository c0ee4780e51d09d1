package check

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/textenc"
)

// TestUTF16File: a valohai.yaml written in UTF-16 (with its byte order
// mark) is checked as its characters: the same findings at the same
// lines and columns as the file in UTF-8, the script comparisons
// included.
func TestUTF16File(t *testing.T) {
	dir := t.TempDir()
	script := "import argparse\np = argparse.ArgumentParser()\np.add_argument('--lr', type=float)\np.parse_args()\n"
	if err := os.WriteFile(filepath.Join(dir, "train.py"), []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	text := "- step:\n    name: träin 😀\n    image: 5\n    command: python train.py {parameters}\n    parameters:\n      - name: epochs\n        type: integer\n"
	report := func(data []byte) string {
		path := filepath.Join(dir, "valohai.yaml")
		var b bytes.Buffer
		if err := Write(&b, "json", []Result{Text(context.Background(), path, data)}); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	want := report([]byte(text))
	for _, code := range []string{"wrong-type", "script-undeclared-parameter", "script-unknown-option"} {
		if !strings.Contains(want, code) {
			t.Fatalf("the UTF-8 file has no %s finding: %s", code, want)
		}
	}
	for _, enc := range []textenc.Encoding{textenc.UTF16LE, textenc.UTF16BE} {
		data, err := enc.Encode(text)
		if err != nil {
			t.Fatal(err)
		}
		if got := report(data); got != want {
			t.Errorf("%v: %s\nwant, as in UTF-8: %s", enc, got, want)
		}
	}
}
