package document

import (
	"reflect"
	"testing"
)

func TestPackUnpack(t *testing.T) {
	for _, text := range []string{
		incBase,
		"# head\n- step:\n    name: a # line\n    x: !custom v\n    y: \"q\"\n    z: |\n      block\n    w: [1, 2.5, true, ~]\n# foot\n",
		"[]",
	} {
		n, err := parseNode(text)
		if err != nil {
			t.Fatal(err)
		}
		if got := Pack(n).Unpack(); !reflect.DeepEqual(got, n) {
			t.Errorf("unpacked tree differs for\n%s", text)
		}
	}
}
