package python

import (
	"fmt"
	"reflect"
	"testing"
)

func TestArgUses(t *testing.T) {
	tests := []struct {
		src  string
		want []string // name@line
	}{
		{"import argparse\np = argparse.ArgumentParser()\nargs = p.parse_args()\nprint(args.lr, args.epochs)\n", []string{"lr@4", "epochs@4"}},
		{"args, rest = parser.parse_known_args()\nx = args.batch_size\nother.args.no = 1\n", []string{"batch_size@2"}},
		{"def main():\n    opts = get_parser().parse_args(sys.argv[1:])\n    return opts.data\n", []string{"data@3"}},
		{"args = {}\nargs.lr\n", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, u := range ArgUses([]byte(tt.src)) {
			got = append(got, fmt.Sprintf("%s@%d", u.Name, u.Pos.Line))
			if tt.src[u.Pos.Offset:u.Pos.Offset+len(u.Name)] != u.Name {
				t.Errorf("%q: %s not at its offset", tt.src, u.Name)
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: got %v, want %v", tt.src, got, tt.want)
		}
	}
}
