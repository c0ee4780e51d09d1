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

func TestPlainGrammar(t *testing.T) {
	tests := []struct{ in, want string }{
		{`command: ${3:python train.py {parameters\}}`, "command: python train.py {parameters}"},
		{`a: ${1:{x\}} b: ${2:y}`, "a: {x} b: y"},
		{`${1:a ${2:b ${3:c}} d}`, "a b c d"},
		{`cost: \$5 and \\ and \}`, `cost: $5 and \ and }`},
		{`home: ${HOME} ${TM_FILENAME:file.txt} $USER`, "home: HOME file.txt USER"},
		{`price: $ 5`, "price: $ 5"},
		{`broken: ${1:unclosed`, "broken: ${1:unclosed"},
		{`stray: }`, "stray: }"},
		{`x: ${1|a\|b,c|}`, "x: a|b"},
		{`- ${1|one,two|}\n  $0`, `- one\n  `},
		{`brace {literal}`, "brace {literal}"},
	}
	for _, tt := range tests {
		got := Plain(tt.in)
		if got != tt.want {
			t.Errorf("Plain(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHas(t *testing.T) {
	tests := map[string]bool{
		"name: ${1:train}":        true,
		"name: $0":                true,
		"x: ${1|a,b|}":            true,
		"name: train":             false,
		"cmd: echo $HOME":         false,
		"cmd: python {params}":    false,
		"price: $ 5":              false,
		"var: ${TM_FILENAME}":     true,
		"command: x {parameters}": false,
	}
	for in, want := range tests {
		if got := Has(in); got != want {
			t.Errorf("Has(%q) = %v, want %v", in, got, want)
		}
	}
}
