package main

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReadme checks the user's guide: it opens with the two commands
// (run the example, run every test), documents every flag of check and step, keeps
// protocol terms out, and its relative links resolve.
func TestReadme(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	first := regexp.MustCompile("(?s)```sh\n(.*?)```").FindStringSubmatch(text)
	if first == nil || !strings.Contains(first[1], "valohai-ls check") || !strings.Contains(first[1], "make test") {
		t.Errorf("the first code block is not the two commands: %q", first)
	}
	for name, declare := range map[string]func(*flag.FlagSet){
		"check":   new(checkFlags).declare,
		"step":    new(stepFlags).declare,
		"command": new(commandFlags).declare,
	} {
		fs := flag.NewFlagSet(name, flag.ContinueOnError)
		declare(fs)
		fs.VisitAll(func(f *flag.Flag) {
			if !strings.Contains(text, "`--"+f.Name) {
				t.Errorf("README does not document %s --%s", name, f.Name)
			}
		})
	}
	for _, jargon := range []string{"initializationOptions", "workspace/configuration", "didChangeConfiguration"} {
		if strings.Contains(text, jargon) {
			t.Errorf("README speaks of %s; that belongs in CONTRIBUTING.md", jargon)
		}
	}
	for _, target := range regexp.MustCompile(`\]\(([^)#\s]+)\)`).FindAllStringSubmatch(text, -1) {
		if regexp.MustCompile(`^[a-z]+:`).MatchString(target[1]) {
			continue
		}
		if _, err := os.Stat(filepath.Join("..", "..", target[1])); err != nil {
			t.Errorf("README links to %s: %v", target[1], err)
		}
	}
}
