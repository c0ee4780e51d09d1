package python

import (
	"encoding/json"
	"testing"
)

// prepareCases were checked against valohai-utils' own parser
// (valohai.internals.parsing.parse): want is its result as JSON, "null"
// when it finds no call, "error" when it raises.
var prepareCases = []struct{ name, src, want string }{
	{"basic", "import valohai\nvalohai.prepare(step=\"train\", image=\"python:3.11\", default_parameters={\"lr\": 0.1, \"n\": -3}, default_inputs={\"d\": \"s3://x\"})\n", "{\"default_inputs\": {\"d\": \"s3://x\"}, \"default_parameters\": {\"lr\": 0.1, \"n\": -3}, \"environment\": null, \"image\": \"python:3.11\", \"multifile\": false, \"step\": \"train\", \"upload_store\": null}"},
	{"assigned", "x = valohai.prepare(step=\"a\")\n", "null"},
	{"nested", "print(valohai.prepare(step=\"a\"))\n", "null"},
	{"from_import", "from valohai import prepare\nprepare(step=\"a\")\n", "null"},
	{"in_def", "def main():\n    if True:\n        with open(\"x\") as f:\n            for i in range(3):\n                valohai.prepare(step=\"deep\")\n", "{\"default_inputs\": {}, \"default_parameters\": {}, \"environment\": null, \"image\": null, \"multifile\": false, \"step\": \"deep\", \"upload_store\": null}"},
	{"same_line", "if __name__ == \"__main__\": valohai.prepare(step=\"a\")\n", "{\"default_inputs\": {}, \"default_parameters\": {}, \"environment\": null, \"image\": null, \"multifile\": false, \"step\": \"a\", \"upload_store\": null}"},
	{"semicolon", "a = 1; valohai.prepare(step=\"s\")\n", "{\"default_inputs\": {}, \"default_parameters\": {}, \"environment\": null, \"image\": null, \"multifile\": false, \"step\": \"s\", \"upload_store\": null}"},
	{"overwrite", "valohai.prepare(step=\"one\", image=\"img\")\nvalohai.prepare(step=\"two\", default_parameters={\"a\": 1})\n", "{\"default_inputs\": {}, \"default_parameters\": {\"a\": 1}, \"environment\": null, \"image\": \"img\", \"multifile\": false, \"step\": \"two\", \"upload_store\": null}"},
	{"name_dict", "P = {\"a\": 1}\nP = make()\nvalohai.prepare(step=\"s\", default_parameters=P)\n", "{\"default_inputs\": {}, \"default_parameters\": {\"a\": 1}, \"environment\": null, \"image\": null, \"multifile\": false, \"step\": \"s\", \"upload_store\": null}"},
	{"ann_dict", "P: dict = {\"a\": [1, 2]}\nvalohai.prepare(step=\"s\", default_parameters=P)\n", "{\"default_inputs\": {}, \"default_parameters\": {\"a\": [1, 2]}, \"environment\": null, \"image\": null, \"multifile\": false, \"step\": \"s\", \"upload_store\": null}"},
	{"multi_target", "P = Q = {\"a\": 1}\nvalohai.prepare(step=\"s\", default_parameters=P)\n", "error"},
	{"later_assign", "valohai.prepare(step=\"s\", default_parameters=P)\nP = {\"a\": 1}\n", "error"},
	{"nonliteral_value", "valohai.prepare(step=\"s\", default_parameters={\"a\": f()})\n", "error"},
	{"name_step", "STEP = \"x\"\nvalohai.prepare(step=STEP)\n", "error"},
	{"callee", "valohai.prepare(step=\"s\").run()\n", "null"},
	{"subscript", "valohai.prepare(step=\"s\")[0]\n", "{\"default_inputs\": {}, \"default_parameters\": {}, \"environment\": null, \"image\": null, \"multifile\": false, \"step\": \"s\", \"upload_store\": null}"},
	{"await", "async def main():\n    await valohai.prepare(step=\"aw\")\n", "{\"default_inputs\": {}, \"default_parameters\": {}, \"environment\": null, \"image\": null, \"multifile\": false, \"step\": \"aw\", \"upload_store\": null}"},
	{"with", "with valohai.prepare(step=\"w\") as p:\n    pass\n", "{\"default_inputs\": {}, \"default_parameters\": {}, \"environment\": null, \"image\": null, \"multifile\": false, \"step\": \"w\", \"upload_store\": null}"},
	{"decorator", "@valohai.prepare(step=\"d\")\ndef f(): pass\n", "{\"default_inputs\": {}, \"default_parameters\": {}, \"environment\": null, \"image\": null, \"multifile\": false, \"step\": \"d\", \"upload_store\": null}"},
	{"attr_receiver", "x.valohai.prepare(step=\"s\")\n", "null"},
	{"comment", "# valohai.prepare(step=\"s\")\ns = \"valohai.prepare(step='s')\"\n", "null"},
	{"match", "match cmd:\n    case \"go\":\n        valohai.prepare(step=\"m\")\n    case _:\n        pass\n", "{\"default_inputs\": {}, \"default_parameters\": {}, \"environment\": null, \"image\": null, \"multifile\": false, \"step\": \"m\", \"upload_store\": null}"},
	{"walrus", "if (p := valohai.prepare(step=\"w\")):\n    pass\n", "{\"default_inputs\": {}, \"default_parameters\": {}, \"environment\": null, \"image\": null, \"multifile\": false, \"step\": \"w\", \"upload_store\": null}"},
	{"literals", "valohai.prepare(step=\"a\" 'b', default_parameters={\"s\": \"x\" \"y\", \"neg\": -1.5, \"t\": True, \"n\": None, \"l\": [1, (2, 3)], \"d\": {\"k\": [True]}, \"h\": 0x10, \"u\": 1_000, \"e\": 1e-3})\n", "{\"default_inputs\": {}, \"default_parameters\": {\"d\": {\"k\": [true]}, \"e\": 0.001, \"h\": 16, \"l\": [1, [2, 3]], \"n\": null, \"neg\": -1.5, \"s\": \"xy\", \"t\": true, \"u\": 1000}, \"environment\": null, \"image\": null, \"multifile\": false, \"step\": \"ab\", \"upload_store\": null}"},
	{"continuation", "valohai.prepare(step=\"c\", \\\n    image=\"i\") \\\n    \n", "{\"default_inputs\": {}, \"default_parameters\": {}, \"environment\": null, \"image\": \"i\", \"multifile\": false, \"step\": \"c\", \"upload_store\": null}"},
	{"fstring_step", "valohai.prepare(step=f\"x\")\n", "error"},
	{"return", "def f():\n    return valohai.prepare(step=\"r\")\n", "{\"default_inputs\": {}, \"default_parameters\": {}, \"environment\": null, \"image\": null, \"multifile\": false, \"step\": \"r\", \"upload_store\": null}"},
	{"augassign", "x += valohai.prepare(step=\"aug\")\n", "{\"default_inputs\": {}, \"default_parameters\": {}, \"environment\": null, \"image\": null, \"multifile\": false, \"step\": \"aug\", \"upload_store\": null}"},
	{"annassign_call", "x: int = valohai.prepare(step=\"ann\")\n", "null"},
	{"lambda_in_call", "f(lambda: valohai.prepare(step=\"l\"))\n", "null"},
	{"step_none", "valohai.prepare(step=None)\n", "{\"default_inputs\": {}, \"default_parameters\": {}, \"environment\": null, \"image\": null, \"multifile\": false, \"step\": null, \"upload_store\": null}"},
	{"no_step", "valohai.prepare(image=\"i\")\n", "{\"default_inputs\": {}, \"default_parameters\": {}, \"environment\": null, \"image\": \"i\", \"multifile\": false, \"step\": \"default\", \"upload_store\": null}"},
	{"multifile", "valohai.prepare(step=\"m\", multifile=1)\n", "{\"default_inputs\": {}, \"default_parameters\": {}, \"environment\": null, \"image\": null, \"multifile\": true, \"step\": \"m\", \"upload_store\": null}"},
	{"env_store", "valohai.prepare(step=\"e\", environment=\"env\", upload_store=\"store\")\n", "{\"default_inputs\": {}, \"default_parameters\": {}, \"environment\": \"env\", \"image\": null, \"multifile\": false, \"step\": \"e\", \"upload_store\": \"store\"}"},
	{"kwargs", "valohai.prepare(step=\"k\", **extra)\n", "{\"default_inputs\": {}, \"default_parameters\": {}, \"environment\": null, \"image\": null, \"multifile\": false, \"step\": \"k\", \"upload_store\": null}"},
	{"dup_keys", "valohai.prepare(step=\"k\", default_parameters={\"a\": 1, \"b\": 2, \"a\": 3})\n", "{\"default_inputs\": {}, \"default_parameters\": {\"a\": 3, \"b\": 2}, \"environment\": null, \"image\": null, \"multifile\": false, \"step\": \"k\", \"upload_store\": null}"},
	{"starred_dict", "valohai.prepare(step=\"k\", default_parameters={**base})\n", "error"},
	{"list_param", "valohai.prepare(step=\"k\", default_inputs={\"a\": [\"x\", \"y\"]})\n", "{\"default_inputs\": {\"a\": [\"x\", \"y\"]}, \"default_parameters\": {}, \"environment\": null, \"image\": null, \"multifile\": false, \"step\": \"k\", \"upload_store\": null}"},
	{"tuple_assign", "P = 1, 2\nvalohai.prepare(step=\"k\", default_parameters={\"p\": (1, 2)})\n", "{\"default_inputs\": {}, \"default_parameters\": {\"p\": [1, 2]}, \"environment\": null, \"image\": null, \"multifile\": false, \"step\": \"k\", \"upload_store\": null}"},
	{"set_call", "valohai.prepare(step=\"k\", default_parameters={\"s\": set()})\n", "{\"default_inputs\": {}, \"default_parameters\": {\"s\": \"set()\"}, \"environment\": null, \"image\": null, \"multifile\": false, \"step\": \"k\", \"upload_store\": null}"},
	{"inside_class", "class A:\n    P = {\"a\": 1}\n    def run(self):\n        valohai.prepare(step=\"c\", default_parameters=P)\n", "{\"default_inputs\": {}, \"default_parameters\": {\"a\": 1}, \"environment\": null, \"image\": null, \"multifile\": false, \"step\": \"c\", \"upload_store\": null}"},
	// Python 3.12 reads nested same-kind quotes (3.11, which checked the
	// others, raised a SyntaxError here).
	{"fstring_nested", "x = f\"{a[\"b\"]}\"\nvalohai.prepare(step=\"f\")\n", "{\"default_inputs\": {}, \"default_parameters\": {}, \"environment\": null, \"image\": null, \"multifile\": false, \"step\": \"f\", \"upload_store\": null}"},
	{"type_hints", "def f(a: int = 1, *, b: \"str\" = \"x\") -> dict[str, int]:\n    valohai.prepare(step=\"h\")\n", "{\"default_inputs\": {}, \"default_parameters\": {}, \"environment\": null, \"image\": null, \"multifile\": false, \"step\": \"h\", \"upload_store\": null}"},
	{"else_same_line", "if x:\n    pass\nelse: valohai.prepare(step=\"e\")\n", "{\"default_inputs\": {}, \"default_parameters\": {}, \"environment\": null, \"image\": null, \"multifile\": false, \"step\": \"e\", \"upload_store\": null}"},
	{"try", "try:\n    valohai.prepare(step=\"t\")\nexcept Exception as e:\n    raise\nfinally:\n    pass\n", "{\"default_inputs\": {}, \"default_parameters\": {}, \"environment\": null, \"image\": null, \"multifile\": false, \"step\": \"t\", \"upload_store\": null}"},
	{"global_default", "def f(x=valohai.prepare(step=\"def\")):\n    pass\n", "{\"default_inputs\": {}, \"default_parameters\": {}, \"environment\": null, \"image\": null, \"multifile\": false, \"step\": \"def\", \"upload_store\": null}"},
	{"ternary", "valohai.prepare(step=\"a\") if x else None\n", "{\"default_inputs\": {}, \"default_parameters\": {}, \"environment\": null, \"image\": null, \"multifile\": false, \"step\": \"a\", \"upload_store\": null}"},
	{"step_reset", "valohai.prepare(step=\"one\", image=\"img\")\nvalohai.prepare(image=\"two\")\n", "{\"default_inputs\": {}, \"default_parameters\": {}, \"environment\": null, \"image\": \"two\", \"multifile\": false, \"step\": \"default\", \"upload_store\": null}"},
	{"inside_callee_subscript", "d = {}\nd[valohai.prepare(step=\"x\")].get()\nprint(f\"{valohai.prepare(step='in-f')}\")\n", "null"},
	{"in_fstring", "f\"{valohai.prepare(step='in-f')}\"\n", "{\"default_inputs\": {}, \"default_parameters\": {}, \"environment\": null, \"image\": null, \"multifile\": false, \"step\": \"in-f\", \"upload_store\": null}"},
	{"lambda_stmt", "g = lambda: 1\nvalohai.prepare(step=\"after_lambda\")\n", "{\"default_inputs\": {}, \"default_parameters\": {}, \"environment\": null, \"image\": null, \"multifile\": false, \"step\": \"after_lambda\", \"upload_store\": null}"},
}

// prepareJSON writes what Read finds as valohai-utils' parse result.
func prepareJSON(p *Prepare) string {
	if p == nil {
		return "null"
	}
	if len(p.Unreadable) > 0 {
		return "error"
	}
	str := func(s Str, dflt any) any {
		switch {
		case !s.Set:
			return dflt
		case s.Literal:
			return s.Value
		}
		return nil
	}
	dict := func(d *Dict) any {
		out := map[string]any{}
		if d == nil {
			return out
		}
		if !d.Literal {
			return "not a dict"
		}
		for _, e := range d.Entries {
			if e.Value.Kind == Set && len(e.Value.Items) == 0 {
				out[e.Key] = "set()" // as json.dumps(default=str) writes it
				continue
			}
			out[e.Key] = jsonValue(e.Value)
		}
		return out
	}
	multifile := false
	if p.Multifile != nil {
		multifile = truthy(*p.Multifile)
	}
	return canon(map[string]any{
		"step":               str(p.Step, "default"),
		"image":              str(p.Image, nil),
		"environment":        str(p.Environment, nil),
		"upload_store":       str(p.UploadStore, nil),
		"default_parameters": dict(p.DefaultParameters),
		"default_inputs":     dict(p.DefaultInputs),
		"multifile":          multifile,
	})
}

func TestReadPrepare(t *testing.T) {
	for _, c := range prepareCases {
		t.Run(c.name, func(t *testing.T) {
			want := c.want
			if want != "null" && want != "error" {
				var v any
				if err := json.Unmarshal([]byte(want), &v); err != nil {
					t.Fatal(err)
				}
				want = canon(v)
			}
			if got := prepareJSON(Read([]byte(c.src)).Prepare); got != want {
				t.Errorf("got  %s\nwant %s", got, want)
			}
		})
	}
}
