package layers

import (
	"bufio"
	"bytes"
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/valohai-ls/valohai-ls/"

// layers lists every production package, lowest first. A package may
// import packages of lower layers only: none of its own layer, none above.
// A new package is added here, with CONTRIBUTING.md's Layout.
var layers = [][]string{
	// text and values with no knowledge of valohai.yaml
	{"pytext", "atomicfile", "udiff", "snippet", "suggest", "textenc", "format",
		"diagnostics/duration", "diagnostics/expr", "document/yamlline"},
	{"document", "python"},
	{"schema", "pyvalue"},
	{"model"},
	// what the model is joined to or read into
	{"project", "cursor", "commands", "graph", "selection", "semantic", "workspace"},
	{"navigation"},
	{"diagnostics"},
	{"scripts"},
	// features, each on the layers below
	{"settings", "hover", "completion", "stepsync"},
	{"codeaction", "lint"},
	// LSP glue, report formats, command line
	{"check", "server"},
	{"cmd/valohai-ls"},
}

// TestImportsRunOneWay checks every import of every production package
// against the layers, and that none imports a test harness (internal/).
func TestImportsRunOneWay(t *testing.T) {
	layer := map[string]int{}
	for i, ps := range layers {
		for _, p := range ps {
			layer[p] = i
		}
	}
	for pkg, imports := range moduleImports(t) {
		if strings.HasPrefix(pkg, "internal/") {
			continue
		}
		at, ok := layer[pkg]
		if !ok {
			t.Errorf("package %s is in no layer: add it to layers (and to CONTRIBUTING.md's Layout)", pkg)
			continue
		}
		for _, imp := range imports {
			if strings.HasPrefix(imp, "internal/") {
				t.Errorf("%s imports the test harness %s", pkg, imp)
				continue
			}
			if to, ok := layer[imp]; ok && to >= at {
				t.Errorf("%s (layer %d) imports %s (layer %d): imports run from higher layers to lower ones only", pkg, at, imp, to)
			}
		}
	}
}

// moduleImports returns the module's packages (editors' node_modules
// aside) with the module packages each imports, paths relative to the
// module.
func moduleImports(t *testing.T) map[string][]string {
	t.Helper()
	cmd := exec.Command("go", "list", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`, module+"...")
	cmd.Dir = "../.."
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	got := map[string][]string{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 || strings.Contains(fields[0], "/node_modules/") || !strings.HasPrefix(fields[0], module) {
			continue
		}
		pkg := strings.TrimPrefix(fields[0], module)
		got[pkg] = []string{}
		for _, imp := range fields[1:] {
			if strings.HasPrefix(imp, module) {
				got[pkg] = append(got[pkg], strings.TrimPrefix(imp, module))
			}
		}
	}
	if len(got) < len(layers) {
		t.Fatalf("go list found %d packages: not the module's", len(got))
	}
	return got
}
