package scripts

import (
	"os"
	"path/filepath"
	"testing"
)

// TestEscapedScriptName: a script named in a double-quoted command with
// escapes (`"python tr\u00e4n.py"`) is looked up by the name YAML reads,
// and its findings cover the name as written in the source.
func TestEscapedScriptName(t *testing.T) {
	dir := t.TempDir()
	script := "import argparse\np = argparse.ArgumentParser()\np.add_argument('--lr', type=float)\np.parse_args()\n"
	if err := os.WriteFile(filepath.Join(dir, "trän.py"), []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, written := range []string{`tr\u00e4n.py`, `\x74r\xe4n.py`, `tr\u00E4n.py`} {
		text := "- step:\n    name: s\n    image: x\n    command: \"python " + written + " {parameters}\"\n"
		var got []string
		for _, d := range findings(dir, text) {
			if d.Code == "script-missing" {
				t.Errorf("%s: the script is not found: %s", written, d.Message)
			}
			if d.Code == "script-undeclared-parameter" {
				got = append(got, text[d.Start:d.End])
			}
		}
		if len(got) != 1 || got[0] != written {
			t.Errorf("%s: undeclared --lr reported at %q, want once at %q", written, got, written)
		}
	}
}
