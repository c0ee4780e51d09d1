package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/textenc"
)

// TestWritesKeepUTF16: fmt --write, check --fix and step --write change a
// UTF-16 valohai.yaml as its characters and write it back in UTF-16, its
// byte order mark first.
func TestWritesKeepUTF16(t *testing.T) {
	script := "import valohai\nvalohai.prepare(step=\"träin\", default_parameters={\"lr\": 0.1})\n"
	tests := []struct {
		name string
		args []string
		text string
		want string
	}{
		{"fmt", []string{"fmt", "--write", "valohai.yaml"}, "- step:\n    name: träin   \n    image: x\n    command: y\n",
			"- step:\n    name: träin\n    image: x\n    command: y\n"},
		{"check --fix", []string{"check", "--fix", "--no-scripts", "valohai.yaml"}, "- step:\n    name: träin\n    imgae: x\n    command: y\n",
			"- step:\n    name: träin\n    image: x\n    command: y\n"},
		{"step", []string{"step", "--write", "train.py"}, "- step:\n    name: träin\n    image: x\n    command: python train.py\n",
			"- step:\n    name: träin\n    image: x\n    command: python train.py\n    parameters:\n      - name: lr\n        default: 0.1\n        optional: false\n        type: float\n"},
	}
	for _, tt := range tests {
		for _, enc := range []textenc.Encoding{textenc.UTF16LE, textenc.UTF16BE} {
			t.Run(tt.name+" "+enc.String(), func(t *testing.T) {
				dir := t.TempDir()
				writeFile(t, dir, "train.py", script)
				data, err := enc.Encode(tt.text)
				if err != nil {
					t.Fatal(err)
				}
				p := filepath.Join(dir, "valohai.yaml")
				if err := os.WriteFile(p, data, 0o644); err != nil {
					t.Fatal(err)
				}
				code, _, errs := runIn(t, dir, tt.args...)
				raw, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				got, gotEnc := textenc.Decode(raw)
				if code > 1 || gotEnc != enc || got != tt.want {
					t.Errorf("exit %d (%s), file in %v:\n%s\nwant in %v:\n%s", code, errs, gotEnc, got, enc, tt.want)
				}
			})
		}
	}
}

// TestBrokenUTF16: a UTF-16 file with an unpaired surrogate is reported
// where it is, and left as it is by every command that writes (writing
// the text back would turn those bytes into U+FFFD).
func TestBrokenUTF16(t *testing.T) {
	text := "- step:\n    name: tr\u00e4in\n    imgae: x\n    command: y   \n"
	good, err := textenc.UTF16LE.Encode(text)
	if err != nil {
		t.Fatal(err)
	}
	// A high surrogate with no low one after it, in the step's name.
	i := bytes.Index(good, []byte{'i', 0, 'n', 0})
	data := slices.Concat(good[:i], []byte{0x00, 0xD8}, good[i:])
	for _, args := range [][]string{
		{"fmt", "--write", "valohai.yaml"},
		{"check", "--fix", "--no-scripts", "valohai.yaml"},
		{"step", "--write", "train.py"},
	} {
		t.Run(args[0], func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, dir, "train.py", "import valohai\nvalohai.prepare(step=\"tr\u00e4in\", default_parameters={\"lr\": 0.1})\n")
			p := filepath.Join(dir, "valohai.yaml")
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
			_, _, errs := runIn(t, dir, args...)
			raw, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(raw, data) {
				t.Errorf("the file was changed (%s)", errs)
			}
			if !strings.Contains(errs, "not valid UTF-16 on line 2") {
				t.Errorf("stderr %q does not say why the file is left", errs)
			}
		})
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "valohai.yaml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runIn(t, dir, "check", "--no-scripts", "valohai.yaml")
	if code != 1 || !strings.Contains(out, "valohai.yaml:2:14: error: this is not valid UTF-16") {
		t.Errorf("check exit %d:\n%s", code, out)
	}
}
