package stepsync

import (
	"testing"

	"github.com/valohai-ls/valohai-ls/python"
	"github.com/valohai-ls/valohai-ls/schema"
)

// TestArgumentFlagForms checks the pass-true-as and pass-false-as written
// for an option read as a flag: what each puts on the command line must
// be read by the script as what the flag means, so with type=bool (for
// which bool("false") is True) false is the empty value.
func TestArgumentFlagForms(t *testing.T) {
	for _, tc := range []struct {
		call, trueAs, falseAs string
	}{
		{`p.add_argument("--fake_data", type=bool, nargs="?", const=True, default=False)`, "--fake_data=true", "--fake_data="},
		{`p.add_argument("--fake_data", type=bool, default=True)`, "--fake_data=true", "--fake_data="},
		{`p.add_argument("--verbose", type=str2bool, default=False)`, "--verbose=true", "--verbose=false"},
	} {
		t.Run(tc.call, func(t *testing.T) {
			sc := python.Read([]byte("import argparse\np = argparse.ArgumentParser()\n" + tc.call + "\np.parse_args()\n"))
			if len(sc.Arguments) != 1 {
				t.Fatalf("read %d arguments", len(sc.Arguments))
			}
			it, ok := ArgumentParameter(sc.Arguments[0])
			if !ok {
				t.Fatal("no parameter")
			}
			if v, _ := it.get(schema.XPassTrueAs); v != tc.trueAs {
				t.Errorf("pass-true-as %v, want %q", v, tc.trueAs)
			}
			if v, _ := it.get(schema.XPassFalseAs); v != tc.falseAs {
				t.Errorf("pass-false-as %v, want %q", v, tc.falseAs)
			}
		})
	}
}
