package replay

import (
	"fmt"
	"testing"
)

func TestKeyLines(t *testing.T) {
	text := "- step:\r\n    name: a\n    command:\n      - python x.py  # not: a key\n    \"quoted\": no\n    2x: no\n  - name: b\nend:"
	var got []string
	for _, k := range KeyLines(text) {
		got = append(got, fmt.Sprintf("%d %q %s %q", k.Line, k.Indent, k.Key, text[k.Start:k.End]))
	}
	want := []string{
		`0 "- " step "- step:"`,
		`1 "    " name "    name: a"`,
		`2 "    " command "    command:"`,
		`6 "  - " name "  - name: b"`,
		`7 "" end "end:"`,
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("key lines:\n got %q\nwant %q", got, want)
	}
}

func TestClassify(t *testing.T) {
	text := `- step:
    name: train
    imgae: x
    inputs:
      - name: a
      - name: a
        bogus: 1
    name: again
    resources:
      devices:
        nvidia.com-gpu: 1
- stuff:
    name: x
- pipeline:
    name: p
    nodes:
      - name: n
        type: deployment
        endpoints: [a]
        step: s
`
	want := map[int]Class{
		1: Known, 2: Duplicate, 3: NotInFormat, 4: Known, 5: Known, 6: Known, 7: NotInFormat,
		8: Duplicate, 9: Known, 10: Known, 11: FreeForm, 12: NotInFormat, 13: NotInFormat,
		14: Known, 15: Known, 16: Known, 17: Known, 18: Known, 19: Known, 20: NotInFormat,
	}
	got := classify(text)
	for line, class := range want {
		if got[line].class != class {
			t.Errorf("line %d: %v, want %v", line, got[line], class)
		}
	}
}
