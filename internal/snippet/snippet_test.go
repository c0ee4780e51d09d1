package snippet

import "testing"

func TestPlain(t *testing.T) {
	tests := map[string]string{
		"port: ${1:8000}":                    "port: 8000",
		"type: ${1|flag,float|}":             "type: flag",
		"name: $0":                           "name: ",
		"cmd: ${1:python ${2:train.py}}":     "cmd: python train.py",
		`command: python x.py {parameters\}`: "command: python x.py {parameters}",
		"a: ${1}\nb: ${2:x}":                 "a: \nb: x",
		`sep: ${1|\,,;|}`:                    "sep: ,",
	}
	for in, want := range tests {
		if got := Plain(in); got != want {
			t.Errorf("Plain(%q) = %q, want %q", in, got, want)
		}
	}
}
