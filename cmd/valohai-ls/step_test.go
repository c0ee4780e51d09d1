package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const stepScript = `import valohai

valohai.prepare(
    step="train",
    image="python:3.12",
    default_parameters={"epochs": 10, "lr": 0.001, "augment": True},
    default_inputs={"data": "s3://bucket/data/*.csv", "local": "./data"},
)
`

const stepYAML = `# the project
- step:
    name: prepare
    image: python:3.12
    command: python prep.py
- step:
    name: train
    image: python:3.12
    command: python train.py {parameters}
    time-limit: 1h   # keep
    parameters:
      - name: epochs
        type: integer
        default: 5
        description: passes over the data
      - name: seed
        type: integer
        default: 1
`

func runIn(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	t.Chdir(dir)
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestStepCommand(t *testing.T) {
	t.Run("new file", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, dir, "train.py", stepScript)
		code, out, errs := runIn(t, dir, "step", "train.py")
		want := "- step:\n    name: train\n    image: python:3.12\n    command:\n      - pip install -r requirements.txt\n      - python ./train.py {parameters}\n" +
			"    parameters:\n      - name: epochs\n        default: 10\n        optional: false\n        type: integer\n" +
			"      - name: lr\n        default: 0.001\n        optional: false\n        type: float\n" +
			"      - name: augment\n        default: true\n        pass-false-as: --augment=false\n        pass-true-as: --augment=true\n        type: flag\n" +
			"    inputs:\n      - name: data\n        default:\n          - s3://bucket/data/*.csv\n        keep-directories: suffix\n        optional: false\n" +
			"      - name: local\n        optional: true\n"
		if code != 0 || out != want || errs != "" {
			t.Errorf("exit %d, stderr %q, out:\n%s\nwant:\n%s", code, errs, out, want)
		}
		if _, err := os.Stat(filepath.Join(dir, "valohai.yaml")); err == nil {
			t.Error("without --write a file was written")
		}
	})
	t.Run("existing step, write", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, dir, "train.py", stepScript)
		writeFile(t, dir, "valohai.yml", stepYAML)
		code, out, errs := runIn(t, dir, "step", "--write", "train.py")
		if code != 0 || out != "" || errs != "" {
			t.Fatalf("exit %d, stderr %q, out %q", code, errs, out)
		}
		raw, _ := os.ReadFile(filepath.Join(dir, "valohai.yml"))
		want := strings.Replace(stepYAML, "        default: 5\n", "        default: 10\n", 1) +
			"      - name: lr\n        default: 0.001\n        optional: false\n        type: float\n" +
			"      - name: augment\n        default: true\n        pass-false-as: --augment=false\n        pass-true-as: --augment=true\n        type: flag\n" +
			"    inputs:\n      - name: data\n        default:\n          - s3://bucket/data/*.csv\n        keep-directories: suffix\n        optional: false\n" +
			"      - name: local\n        optional: true\n"
		if string(raw) != want {
			t.Errorf("after --write:\n%s\nwant:\n%s", raw, want)
		}
	})
	t.Run("diff", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, dir, "train.py", stepScript)
		writeFile(t, dir, "other.yaml", stepYAML)
		code, out, _ := runIn(t, dir, "step", "train.py", "--diff", "--config", "other.yaml")
		if code != 0 || !strings.HasPrefix(out, "--- other.yaml\n+++ other.yaml\n@@ ") || !strings.Contains(out, "-        default: 5\n+        default: 10\n") ||
			!strings.Contains(out, "+      - name: lr\n") || strings.Contains(out, "-      - name: seed") {
			t.Errorf("exit %d, diff:\n%s", code, out)
		}
	})
	t.Run("errors", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, dir, "plain.py", "import argparse\n")
		writeFile(t, dir, "computed.py", "import valohai\nvalohai.prepare(step='x', default_parameters=make())\n")
		for _, tc := range []struct {
			args []string
			msg  string
		}{
			{[]string{"step", "plain.py"}, "plain.py: it has neither a valohai.prepare(...) call nor argparse options"},
			{[]string{"step", "computed.py"}, "computed.py: default_parameters of valohai.prepare() at line 2 is not a literal"},
			{[]string{"step", "missing.py"}, "read script"},
			{[]string{"step"}, "name at least one Python script"},
			{[]string{"step", "--write", "--diff", "plain.py"}, "cannot be used together"},
		} {
			code, out, errs := runIn(t, dir, tc.args...)
			if code != 2 || out != "" || !strings.Contains(errs, tc.msg) {
				t.Errorf("%v: exit %d, out %q, stderr %q (want %q)", tc.args, code, out, errs, tc.msg)
			}
		}
	})
}

// TestStepWriteSafely: `step --write` refuses a file with a syntax error
// (naming it) and leaves it byte-identical; it edits an anchored block step
// that nothing merges, refuses one another step merges and a list the
// step takes from a merge (its own would replace it), keeps the file's
// mode and writes through a symbolic link, keeping the link.
func TestStepWriteSafely(t *testing.T) {
	script := "import valohai\nvalohai.prepare(step=\"train\", default_parameters={\"lr\": 0.1})\n"
	anchored := "- step: &tr\n    name: train\n    image: python:3.12\n    command: python train.py\n"
	merged := anchored + "- step:\n    <<: *tr\n    name: other\n"
	broken := "- step:\n    name: train\n    image: [python\n"
	mergesParams := "- step: &base\n    name: base\n    image: python:3.12\n    command: python train.py\n    parameters:\n      - name: epochs\n        default: 3\n" +
		"- step:\n    <<: *base\n    name: train\n"
	tests := []struct {
		name, yaml string
		code       int
		want       string // the file afterwards
		stderr     string
	}{
		{"syntax error", broken, 2, broken, "valohai.yaml has a syntax error at line 3"},
		{"anchored step", anchored, 0, anchored + "    parameters:\n      - name: lr\n        default: 0.1\n        optional: false\n        type: float\n", ""},
		{"anchored step merged elsewhere", merged, 0, merged, `step "train" is anchored as &tr and merged into other steps; add lr by hand`},
		{"parameters merged in", mergesParams, 0, mergesParams, `parameters of step "train" come from a ` + "`<<`" + ` merge; add lr by hand`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, dir, "train.py", script)
			writeFile(t, dir, "valohai.yaml", tt.yaml)
			code, out, errs := runIn(t, dir, "step", "--write", "train.py")
			raw, _ := os.ReadFile(filepath.Join(dir, "valohai.yaml"))
			if code != tt.code || out != "" || !strings.Contains(errs, tt.stderr) || tt.stderr == "" && errs != "" || string(raw) != tt.want {
				t.Errorf("exit %d, stderr %q, out %q, file:\n%s\nwant exit %d, stderr %q, file:\n%s", code, errs, out, raw, tt.code, tt.stderr, tt.want)
			}
		})
	}
	t.Run("mode and link", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, dir, "train.py", script)
		writeFile(t, dir, "real.yaml", anchored)
		if err := os.Chmod(filepath.Join(dir, "real.yaml"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink("real.yaml", filepath.Join(dir, "valohai.yaml")); err != nil {
			t.Fatal(err)
		}
		if code, _, errs := runIn(t, dir, "step", "--write", "train.py"); code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if st, err := os.Lstat(filepath.Join(dir, "valohai.yaml")); err != nil || st.Mode()&os.ModeSymlink == 0 {
			t.Errorf("valohai.yaml is no longer a link (%v)", err)
		}
		st, err := os.Stat(filepath.Join(dir, "real.yaml"))
		raw, _ := os.ReadFile(filepath.Join(dir, "real.yaml"))
		if err != nil || st.Mode().Perm() != 0o600 || !strings.Contains(string(raw), "name: lr") {
			t.Errorf("target mode %v (%v), content:\n%s", st.Mode().Perm(), err, raw)
		}
	})
}

// TestStepArgparse checks that step reads an argparse script as the Sync
// action does: it syncs the steps that run it, and says what is wrong
// when no step runs it or the script has neither prepare() nor argparse.
func TestStepArgparse(t *testing.T) {
	const script = "import argparse\np = argparse.ArgumentParser()\np.add_argument(\"--epochs\", type=int, default=5)\n" +
		"p.add_argument(\"--lr\", type=float, default=0.1)\nargs = p.parse_args()\n"
	dir := t.TempDir()
	writeFile(t, dir, "train.py", script)
	writeFile(t, dir, "plain.py", "print('hello')\n")
	writeFile(t, dir, "valohai.yaml", stepYAML)
	code, out, errs := runIn(t, dir, "step", "train.py")
	want := strings.Replace(stepYAML, "        default: 1\n", "        default: 1\n      - name: lr\n        default: 0.1\n        type: float\n", 1)
	if code != 0 || out != want {
		t.Errorf("exit %d, stderr %q\ngot:\n%s\nwant:\n%s", code, errs, out, want)
	}
	code, out, errs = runIn(t, dir, "step", "plain.py")
	if code != 2 || out != "" || errs != "valohai-ls step: plain.py: it has neither a valohai.prepare(...) call nor argparse options (add_argument); there is nothing to write\n" {
		t.Errorf("plain script: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	other := t.TempDir()
	writeFile(t, other, "train.py", script)
	code, _, errs = runIn(t, other, "step", "train.py")
	if code != 2 || !strings.Contains(errs, "no step runs train.py, and argparse options name no step") {
		t.Errorf("no step runs it: exit %d, stderr %q", code, errs)
	}
}
