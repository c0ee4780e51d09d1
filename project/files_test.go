package project

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
)

func TestFilesNeverLeaveTheTree(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "project")
	if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(root, "outside.py")
	if err := os.WriteFile(outside, []byte("app = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "inside.py"), []byte("app = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "link.py")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.Symlink(root, filepath.Join(dir, "sub", "up")); err != nil {
		t.Fatal(err)
	}
	for rel, want := range map[string]bool{
		"inside.py":             true,
		"./inside.py":           true,
		"sub/../inside.py":      true,
		"../outside.py":         false,
		"link.py":               false,
		"sub/up/outside.py":     false,
		outside:                 false,
		"sub":                   false, // a directory
		"sub/../../outside.py":  false,
		"inside.py/../../x.py":  false,
		"":                      false,
		"nonexistent/inside.py": false,
	} {
		if _, ok := inTree(dir, rel); ok != want {
			t.Errorf("inTree(%q) = %v, want %v", rel, ok, want)
		}
	}
	text := "- endpoint:\n    name: e\n    image: x\n    wsgi: link:app\n    server-command: python link.py && python inside.py\n"
	x := model.Of(document.New("file:///p/valohai.yaml", 1, text))
	refs := FileRefs(x, Options{Dir: dir})
	if len(refs) != 1 || filepath.Base(refs[0].Path) != "inside.py" {
		t.Errorf("file refs %+v, want only inside.py", refs)
	}
	if FileRefs(x, Options{}) != nil {
		t.Error("file refs without a directory")
	}
}

func TestDefinitionLine(t *testing.T) {
	p := filepath.Join(t.TempDir(), "m.py")
	src := "import x\napplication_factory = 1\n\nclass App:\n    pass\n\nasync def handler():\n    app = 2\napp: Callable = make()\n"
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]int{"App": 3, "handler": 6, "app": 8, "application_factory": 1, "missing": -1, "": -1, "a.b": -1} {
		if got := definitionLine(p, name); got != want {
			t.Errorf("definitionLine(%q) = %d, want %d", name, got, want)
		}
	}
}
