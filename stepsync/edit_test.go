package stepsync

import (
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/python"
)

// TestSyncPrepareLayouts checks the edits on the ways a step's lists are
// written: no list yet, an empty flow list, a key with no value, a block
// list indented or not, flow items, CRLF line breaks, and a flow list
// with items, which is refused.
func TestSyncPrepareLayouts(t *testing.T) {
	script := `import valohai
valohai.prepare(step="train", default_parameters={"lr": 0.1, "epochs": 3})
`
	head := "- step:\n    name: train\n    image: x\n    command: python train.py\n"
	lr := "0.1"
	for _, tc := range []struct {
		name, yaml, want string
		refused          bool
	}{
		{"no list", head + "    # end of train\n- step:\n    name: other\n",
			head + "    parameters:\n      - name: lr\n        default: " + lr + "\n        optional: false\n        type: float\n" +
				"      - name: epochs\n        default: 3\n        optional: false\n        type: integer\n    # end of train\n- step:\n    name: other\n", false},
		{"empty flow list", head + "    parameters: []\n",
			head + "    parameters:\n      - name: lr\n        default: " + lr + "\n        optional: false\n        type: float\n" +
				"      - name: epochs\n        default: 3\n        optional: false\n        type: integer\n", false},
		{"key alone", head + "    parameters:   # none yet\n",
			head + "    parameters:   # none yet\n      - name: lr\n        default: " + lr + "\n        optional: false\n        type: float\n" +
				"      - name: epochs\n        default: 3\n        optional: false\n        type: integer\n", false},
		{"unindented list", head + "    parameters:\n    - name: epochs\n      type: integer\n      default: 1 # was\n",
			head + "    parameters:\n    - name: epochs\n      type: integer\n      default: 3 # was\n" +
				"    - name: lr\n      default: " + lr + "\n      optional: false\n      type: float\n", false},
		{"flow item", head + "    parameters:\n      - {name: epochs, default: 1}\n",
			head + "    parameters:\n      - {name: epochs, default: 3, type: integer}\n" +
				"      - name: lr\n        default: " + lr + "\n        optional: false\n        type: float\n", false},
		{"type and default updated", head + "    parameters:\n      - name: lr\n        type: string\n        default: '0.1'\n",
			head + "    parameters:\n      - name: lr\n        type: float\n        default: 0.1\n" +
				"      - name: epochs\n        default: 3\n        optional: false\n        type: integer\n", false},
		{"crlf", strings.ReplaceAll(head+"    parameters:\n      - name: epochs\n        default: 3\n        type: integer\n", "\n", "\r\n"),
			strings.ReplaceAll(head+"    parameters:\n      - name: epochs\n        default: 3\n        type: integer\n"+
				"      - name: lr\n        default: "+lr+"\n        optional: false\n        type: float\n", "\n", "\r\n"), false},
		{"flow list refused", head + "    parameters: [{name: epochs, type: integer, default: 3}]\n",
			head + "    parameters: [{name: epochs, type: integer, default: 3}]\n", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := document.New("file:///p/valohai.yaml", 1, tc.yaml)
			st := model.Of(doc).Lookup(model.KindStep, "train")
			edits, refused := SyncPrepare(doc, st, python.Read([]byte(script)).Prepare)
			if got := Apply(tc.yaml, edits); got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
			if (len(refused) > 0) != tc.refused {
				t.Errorf("refused: %q", refused)
			}
		})
	}
}

// TestSyncPrepareUntextualNames checks that a parameter whose name YAML
// reads as no text (`- name: 5`, `- name: null`) is not taken for the
// script's parameter of that spelling: it is neither edited (it has an
// error of its own) nor written a second time, while the others are
// synced as usual.
func TestSyncPrepareUntextualNames(t *testing.T) {
	head := "- step:\n    name: train\n    image: x\n    command: python train.py\n    parameters:\n"
	for _, tc := range []struct{ name, item, key string }{
		{"number", "      - name: 5\n        type: string\n        default: a\n", "5"},
		{"null", "      - name: null\n        type: string\n        default: a\n", "null"},
		{"boolean", "      - name: yes\n        type: string\n        default: a\n", "yes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			script := "import valohai\nvalohai.prepare(step=\"train\", default_parameters={\"" + tc.key + "\": 3, \"lr\": 0.1})\n"
			text := head + tc.item
			doc := document.New("file:///p/valohai.yaml", 1, text)
			st := model.Of(doc).Lookup(model.KindStep, "train")
			edits, _ := SyncPrepare(doc, st, python.Read([]byte(script)).Prepare)
			want := text + "      - name: lr\n        default: 0.1\n        optional: false\n        type: float\n"
			if got := Apply(text, edits); got != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}
