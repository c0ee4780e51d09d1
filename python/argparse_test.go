package python

import (
	"reflect"
	"strings"
	"testing"
)

func TestReadArguments(t *testing.T) {
	cases := []struct {
		name, src string
		// want: options | effective dest | type | default | action | required | choices | nargs
		want []string
	}{
		{"long first", `p.add_argument("--lr", "-l", type=float, default=0.1)`,
			[]string{"--lr -l|lr|float|0.1||||"}},
		{"short first", `p.add_argument('-l', '--learning-rate', default=-1)`,
			[]string{"-l --learning-rate|learning_rate||-1||||"}},
		{"dest", `p.add_argument("--a", dest="b", required=True)`,
			[]string{"--a|b||||true||"}},
		{"positional", `p.add_argument("name", nargs="+")`,
			[]string{"name|name||||||\"+\""}},
		{"starred options", `p.add_argument(*opts, "--x")`,
			[]string{"|||||||"}},
		{"type names", "p.add_argument('--a', type=str2bool)\np.add_argument('--b', type=np.float32)\np.add_argument('--c', type=lambda s: s.split(','))\np.add_argument('--d', type=int if x else float)",
			[]string{"--a|a|str2bool|||||", "--b|b|np.float32|||||", "--c|c|<lambda>|||||", "--d|d|int if x else float|||||"}},
		{"default expressions", `p.add_argument("--o", default=os.environ.get("OUT", "./out"))` + "\n" + `p.add_argument("--n", default=2 ** 10)` + "\n" + `p.add_argument("--s", default="a" 'b')`,
			[]string{`--o|o||{"__expr__":"os.environ.get('OUT', './out')"}||||`, `--n|n||{"__expr__":"2 ** 10"}||||`, `--s|s||"ab"||||`}},
		{"literal defaults", `p.add_argument("--l", default=[1, (2, 3)], choices=[1, 2], nargs=2)` + "\n" + `p.add_argument("--none", default=None, action="store_true")`,
			[]string{`--l|l||[1,[2,3]]|||[1,2]|2`, `--none|none||null|store_true|||`}},
		{"action class and choices expression", `p.add_argument("--cfg", action=DictAction, choices=range(3), required=flag)`,
			[]string{`--cfg|cfg|||DictAction|{"__expr__":"flag"}|{"__expr__":"range(3)"}|`}},
		{"receivers", "self.parser.add_argument('--a')\nsub.add_parser('x').add_argument('--b')\ngroup.add_argument(\n    '--c',\n)",
			[]string{"--a|a||||||", "--b|b||||||", "--c|c||||||"}},
		{"lambda with two parameters", `p.add_argument("--k", type=lambda a, b=1: a, default=3)`,
			[]string{"--k|k|<lambda>|3||||"}},
		{"comments and strings", "# p.add_argument('--no')\ns = \"p.add_argument('--no')\"",
			nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := Read([]byte(c.src))
			var got []string
			for _, a := range s.Arguments {
				show := func(v *Value) string {
					if v == nil {
						return ""
					}
					return canon(jsonValue(*v))
				}
				d := ""
				if a.HasDefault {
					d = show(&a.Default)
				}
				action := a.Action
				if action == "" {
					action = a.ActionExpr
				}
				got = append(got, strings.Join([]string{strings.Join(a.Options, " "), a.EffectiveDest(), a.Type, d,
					action, show(a.RequiredValue), show(a.Choices), show(a.Nargs)}, "|"))
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
}

func TestReadParseCalls(t *testing.T) {
	cases := []struct {
		src         string
		args, known int
		parsesWith  string
	}{
		{"args = parser.parse_args()", 1, 0, "parse_args"},
		{"args, rest = parser.parse_known_args()\nparser.parse_args(rest)", 1, 1, "both"},
		{"a, _ = get().parse_known_args(argv)", 0, 1, "parse_known_args"},
		{"# parser.parse_args()\nx = 'parser.parse_args()'\nparse_args()", 0, 0, "none"},
	}
	for _, c := range cases {
		s := Read([]byte(c.src))
		if s.ParseArgs != c.args || s.ParseKnownArgs != c.known || s.ParsesWith() != c.parsesWith {
			t.Errorf("%q: got %d %d %s, want %d %d %s", c.src, s.ParseArgs, s.ParseKnownArgs, s.ParsesWith(), c.args, c.known, c.parsesWith)
		}
	}
}

func TestReadUses(t *testing.T) {
	cases := []struct {
		name, src      string
		params, inputs []string
	}{
		{"plain", "import valohai\nvalohai.parameters('lr').value\nvalohai.inputs(\"data\").path()", []string{"lr"}, []string{"data"}},
		{"alias", "import valohai as vh\nvh.parameters('a').value\nvalohai.parameters('b')", []string{"a", "b"}, nil},
		{"no alias without import", "vh.parameters('a')", nil, nil},
		{"not literal", "import valohai\nvalohai.parameters(name)\nvalohai.parameters(f'x')\nvalohai.inputs()", nil, nil},
		{"attribute receiver", "import valohai\nx.valohai.parameters('a')", nil, nil},
		{"inside f-string", "import valohai\nprint(f\"{valohai.parameters('a').value} {valohai.inputs(\"b\").path()}\")", []string{"a"}, []string{"b"}},
		{"concatenated name", "import valohai\nvalohai.parameters('a' 'b')", []string{"ab"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := Read([]byte(c.src))
			var p, i []string
			for _, u := range s.Parameters {
				p = append(p, u.Name)
			}
			for _, u := range s.Inputs {
				i = append(i, u.Name)
			}
			if !reflect.DeepEqual(p, c.params) || !reflect.DeepEqual(i, c.inputs) {
				t.Errorf("got %q %q, want %q %q", p, i, c.params, c.inputs)
			}
		})
	}
}

func TestReadPositions(t *testing.T) {
	src := "import valohai\n\nP = {\n    'lr': 0.1,\n}\nvalohai.prepare(\n    step='s',\n    default_parameters=P,\n    default_inputs={'d': 'x'},\n)\nparser.add_argument(\n    '--lr', '-l')\n"
	s := Read([]byte(src))
	at := func(p Pos, want string, line int) {
		t.Helper()
		if !strings.HasPrefix(src[p.Offset:], want) || p.Line != line {
			t.Errorf("pos %+v: %q, want %q on line %d", p, src[p.Offset:min(len(src), p.Offset+10)], want, line)
		}
	}
	p := s.Prepare
	if p == nil {
		t.Fatal("no prepare")
	}
	at(p.Pos, "valohai.prepare", 6)
	at(p.Step.Pos, "'s'", 7)
	at(p.DefaultParameters.Pos, "P,", 8)
	at(p.DefaultParameters.Entries[0].Pos, "'lr'", 4)
	at(p.DefaultParameters.Entries[0].Value.Pos, "0.1", 4)
	at(p.DefaultInputs.Entries[0].Pos, "'d'", 9)
	a := s.Arguments[0]
	at(a.Pos, "add_argument", 11)
	at(a.OptionsPos[0], "'--lr'", 12)
	at(a.OptionsPos[1], "'-l'", 12)
	if a.Line != 11 {
		t.Errorf("argument line %d", a.Line)
	}
}

func TestReadUnreadable(t *testing.T) {
	s := Read([]byte("valohai.prepare(step=NAME, default_parameters=get(), default_inputs={'a': f()}, image=f'x')\n"))
	var got []string
	for _, u := range s.Prepare.Unreadable {
		got = append(got, u.Keyword)
	}
	if want := []string{"step", "default_parameters", "default_inputs", "image"}; !reflect.DeepEqual(got, want) {
		t.Errorf("unreadable %q, want %q", got, want)
	}
	p := s.Prepare
	if p.Step.Literal || !p.Step.Set || p.DefaultParameters.Literal || p.DefaultInputs.Literal || len(p.DefaultInputs.Entries) != 0 {
		t.Errorf("unreadable keywords read as literals: %+v", p)
	}
}
