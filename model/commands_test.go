package model

import (
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
)

// TestCommands reads commands written in every scalar style: the text is
// the value YAML gives, and each word of it maps back to where it is
// written.
func TestCommands(t *testing.T) {
	for _, tc := range []struct {
		name, command string
		want          []string
		// words are parts of the value that must map to the same text
		// in the source.
		words []string
	}{
		{"plain", "command: python fit.py --a=1\n", []string{"python fit.py --a=1"}, []string{"fit.py", "--a=1"}},
		{"plain item over lines", "command:\n      - python fit.py --a=1\n        --output_path=x\n      - echo done\n",
			[]string{"python fit.py --a=1 --output_path=x", "echo done"}, []string{"--output_path=x", "done"}},
		{"folded", "command: >\n      python fit.py\n      --output_path=x\n      --b=2\n",
			[]string{"python fit.py --output_path=x --b=2\n"}, []string{"fit.py", "--output_path=x", "--b=2"}},
		{"folded strip", "command: >-  # joined\n      python fit.py\n      --output_path=x\n",
			[]string{"python fit.py --output_path=x"}, []string{"--output_path=x"}},
		{"literal", "command: |\n      pip install -r req.txt\n      python fit.py --c=3\n",
			[]string{"pip install -r req.txt\npython fit.py --c=3\n"}, []string{"req.txt", "--c=3"}},
		{"literal strip", "command: |-\n      cd src\n      python fit.py\n",
			[]string{"cd src\npython fit.py"}, []string{"src", "fit.py"}},
		{"double quoted over lines", "command:\n      - \"python fit.py\n        --d=\\\"4\\\"\"\n",
			[]string{"python fit.py --d=\"4\""}, []string{"fit.py", "--d="}},
		{"double quoted escaped break", "command: \"python fit.py \\\n      --e=5\"\n",
			[]string{"python fit.py --e=5"}, []string{"--e=5"}},
		{"single quoted over lines", "command: 'python fit.py\n      --f=''6'''\n",
			[]string{"python fit.py --f='6'"}, []string{"fit.py", "--f="}},
		{"crlf literal", "command: |\r\n      python fit.py\r\n      --g=7\r\n",
			[]string{"python fit.py\n--g=7\n"}, []string{"fit.py", "--g=7"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := "- step:\n    name: s\n    image: x\n    " + tc.command
			doc := document.New("file:///p/valohai.yaml", 1, text)
			st := Of(doc).Lookup(KindStep, "s")
			if st == nil {
				t.Fatal("no step")
			}
			cmds := Commands(doc.Mapper(), st.Body, "command")
			if len(cmds) != len(tc.want) {
				t.Fatalf("%d commands, want %d", len(cmds), len(tc.want))
			}
			for i, c := range cmds {
				if c.Text != tc.want[i] {
					t.Errorf("command %d is %q, want %q", i, c.Text, tc.want[i])
				}
			}
			for _, w := range tc.words {
				found := false
				for _, c := range cmds {
					for i := 0; i+len(w) <= len(c.Text); i++ {
						if c.Text[i:i+len(w)] != w {
							continue
						}
						found = true
						sp := c.Span(i, i+len(w))
						if got := text[sp.Start:sp.End]; got != w {
							t.Errorf("%q maps to %q at %d-%d", w, got, sp.Start, sp.End)
						}
					}
				}
				if !found {
					t.Errorf("%q is in no command", w)
				}
			}
		})
	}
}

// TestCommandEscapes: the escapes of a double-quoted command are read (a
// script named with one is the script's name), and a part of the value
// maps to the source that writes it, escapes whole, also after an escape
// of a character of several bytes.
func TestCommandEscapes(t *testing.T) {
	for _, tc := range []struct {
		command, value string
		// parts of the value and the source text each must map to
		parts [][2]string
	}{
		{`"python tr\u00e4n.py --lr=1"`, "python trän.py --lr=1", [][2]string{{"trän.py", `tr\u00e4n.py`}, {"--lr=1", "--lr=1"}, {"ä", `\u00e4`}}},
		{`"python \x74r\xe4n.py --lr=1"`, "python trän.py --lr=1", [][2]string{{"trän.py", `\x74r\xe4n.py`}, {"--lr=1", "--lr=1"}}},
		{`"python \U0001F600.py --lr=1"`, "python 😀.py --lr=1", [][2]string{{"😀.py", `\U0001F600.py`}, {"--lr=1", "--lr=1"}}},
		{`"python a\Lb.py\_--lr=1"`, "python a\u2028b.py\u00a0--lr=1", [][2]string{{"a\u2028b.py", `a\Lb.py`}, {"--lr=1", "--lr=1"}}},
		{`"python \"fit.py\" --lr=1"`, `python "fit.py" --lr=1`, [][2]string{{"fit.py", "fit.py"}, {`"fit.py"`, `\"fit.py\"`}}},
	} {
		text := "- step:\n    name: s\n    image: x\n    command: " + tc.command + "\n"
		doc := document.New("file:///p/valohai.yaml", 1, text)
		cmds := Commands(doc.Mapper(), Of(doc).Lookup(KindStep, "s").Body, "command")
		if len(cmds) != 1 || cmds[0].Text != tc.value {
			t.Fatalf("%s: commands %+v, want %q", tc.command, cmds, tc.value)
		}
		c := cmds[0]
		for _, p := range tc.parts {
			i := strings.Index(c.Text, p[0])
			sp := c.Span(i, i+len(p[0]))
			if got := text[sp.Start:sp.End]; got != p[1] {
				t.Errorf("%s: %q maps to %q, want %q", tc.command, p[0], got, p[1])
			}
		}
	}
}

// FuzzCommands checks that every command of any file maps each byte of
// its value inside the file, in order.
func FuzzCommands(f *testing.F) {
	f.Add("- step:\n    name: s\n    command: |\n      a\n      b\n")
	f.Add("- step:\n    name: s\n    command:\n      - \"a\\\n        b\\x41\"\n      - 'c''d\n        e'\n")
	f.Add("- step:\n    name: s\n    command: >-\n      a\n\n      b\n")
	f.Fuzz(func(t *testing.T, text string) {
		doc := document.New("file:///p/valohai.yaml", 1, text)
		for _, st := range Of(doc).Kept(KindStep) {
			for _, c := range Commands(doc.Mapper(), st.Body, "command") {
				prev := 0
				for i := 0; i <= len(c.Text); i++ {
					o := c.Offset(i)
					if o < prev || o > len(text) {
						t.Fatalf("byte %d of %q at %d (previous %d, file %d)", i, c.Text, o, prev, len(text))
					}
					prev = o
				}
			}
		}
	})
}
