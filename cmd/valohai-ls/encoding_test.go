package main

import (
	"os"
	"path/filepath"
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
