package main

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/valohai-ls/valohai-ls/internal/corpus"
	"github.com/valohai-ls/valohai-ls/internal/hostile"
	"github.com/valohai-ls/valohai-ls/internal/lsptest"
)

// stressSharp are YAML's structural characters and the breakage typing
// them produces.
var stressSharp = []string{"|", ">", ":", ": ", "{", "}", "[", "]", "- ", "\t", "\"", "'", "\r\n", "\n", " ", "  ", "😀", "é", "|\n ", "#", "&a ", "*a", ",", "? ", "<<: ", "\n---\n", "\\u00e4"}

// stressMethods are the requests asked at a position (or about the whole
// document).
var stressMethods = []string{
	"textDocument/completion", "textDocument/hover", "textDocument/definition", "textDocument/references",
	"textDocument/documentHighlight", "textDocument/prepareRename", "textDocument/rename", "textDocument/codeAction",
	"textDocument/documentSymbol", "textDocument/foldingRange", "textDocument/documentLink", "textDocument/codeLens",
	"textDocument/selectionRange",
}

// TestStdioMutatedCorpus serves the real binary over stdio and sends it
// requests of every kind at random positions of corpus files mutated with
// YAML's sharp characters (and mutated further between requests, as typing
// does). No request may be answered with an internal error, and every
// version's diagnostics must be published.
//
// VALOHAI_STRESS_REQUESTS sets the number of requests (default 1,000) and
// VALOHAI_STRESS_SEED the random seed (default 1); a failure names both,
// and the document and request, to reproduce it.
func TestStdioMutatedCorpus(t *testing.T) {
	total := envInt(t, "VALOHAI_STRESS_REQUESTS", 1000)
	seed := envInt(t, "VALOHAI_STRESS_SEED", 1)
	docs := stressDocs(t)
	rng := rand.New(rand.NewPCG(uint64(seed), 0x5eed))

	s := startBinary(t)
	s.initialize(t)
	var uri, text string
	version, versions, files, published := 0, 0, 0, 0
	// open closes the current file and opens a mutated corpus file in its
	// place.
	open := func() {
		if uri != "" {
			if err := s.Notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}}); err != nil {
				t.Fatal(err)
			}
		}
		d := docs[rng.IntN(len(docs))]
		uri, text, version = d.uri, mutate(rng, d.text), 1
		if err := s.Notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
			"uri": uri, "languageId": "yaml", "version": version, "text": text}}); err != nil {
			t.Fatal(err)
		}
		files++
	}
	// diagnosed waits for the diagnostics of the current version: each is
	// published (a diagnostics run that panics publishes none).
	diagnosed := func() {
		d, err := s.WaitDiagnostics(uri, version)
		if err != nil {
			t.Fatalf("no diagnostics for version %d of %s (seed %d): %v\ndocument: %q", version, uri, seed, err, text)
		}
		published += len(d.Diagnostics)
		versions++
	}
	open()
	diagnosed()
	counts := map[string]int{}
	var internal []string
	var slowest time.Duration
	var slowCall string
	for n := 0; n < total; n++ {
		switch {
		case n%25 == 24:
			open()
			diagnosed()
		case n%50 == 49:
			// A broken client: a change the server cannot apply (it then
			// answers nothing for the document), then the whole text again
			// under the same version number (applied all the same).
			version++
			bad := []any{
				map[string]any{"range": map[string]any{"start": map[string]any{"line": -1, "character": 0}, "end": map[string]any{"line": 0, "character": 2}}, "text": "x"},
				map[string]any{"range": map[string]any{"start": map[string]any{"line": 2, "character": 5}, "end": map[string]any{"line": 0, "character": 0}}, "text": "x"},
			}[rng.IntN(2)]
			for _, ch := range []any{bad, map[string]any{"text": text}} {
				if err := s.Notify("textDocument/didChange", map[string]any{
					"textDocument":   map[string]any{"uri": uri, "version": version},
					"contentChanges": []any{ch}}); err != nil {
					t.Fatal(err)
				}
			}
			diagnosed()
		case n%5 == 4:
			// Typing: one more sharp character.
			text = mutate(rng, text)
			version++
			if err := s.Notify("textDocument/didChange", map[string]any{
				"textDocument":   map[string]any{"uri": uri, "version": version},
				"contentChanges": []any{map[string]any{"text": text}}}); err != nil {
				t.Fatal(err)
			}
			diagnosed()
		}
		method := stressMethods[rng.IntN(len(stressMethods))]
		params := stressParams(rng, method, uri, text)
		began := time.Now()
		err := s.Call(method, params, nil)
		if took := time.Since(began); took > slowest {
			slowest, slowCall = took, fmt.Sprintf("%s %v", method, params)
		}
		counts[method]++
		var rpc *lsptest.RPCError
		if errors.As(err, &rpc) {
			if rpc.Code == -32603 {
				internal = append(internal, fmt.Sprintf("%s %v on %q: %s", method, params, text, rpc.Message))
			}
			continue
		}
		if err != nil {
			t.Fatalf("request %d (%s %v, seed %d) got no answer: %v\ndocument: %q", n, method, params, seed, err, text)
		}
	}
	s.shutdown(t)
	methods := make([]string, 0, len(counts))
	for m, c := range counts {
		methods = append(methods, fmt.Sprintf("%s %d", strings.TrimPrefix(m, "textDocument/"), c))
	}
	sort.Strings(methods)
	t.Logf("%d requests (%s) on %d mutated documents (%d versions, %d diagnostics published), seed %d: %d internal errors; the slowest answer took %v (%s)",
		total, strings.Join(methods, ", "), files, versions, published, seed, len(internal), slowest.Round(time.Millisecond), slowCall)
	for i, e := range internal {
		if i == 5 {
			break
		}
		t.Errorf("internal error: %s", e)
	}
}

// stressDoc is a corpus file and the URI it is served under: its own
// path for the files beside their Python scripts, so that the features
// reading scripts run too.
type stressDoc struct {
	uri, text string
}

// stressDocs returns the corpus files to mutate (the bundled example where
// there is no corpus), and the files of internal/hostile.
func stressDocs(t *testing.T) []stressDoc {
	var docs []stressDoc
	dir := corpus.Dir(t)
	for _, pattern := range []string{"real-world/*.y*ml", "valohai-yaml-examples/*.y*ml", "python-pairs/*/valohai.y*ml"} {
		files, _ := filepath.Glob(filepath.Join(dir, pattern))
		sort.Strings(files)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil || len(data) >= 32<<10 {
				continue
			}
			u := "file:///work/stress/" + filepath.Base(f) + "/valohai.yaml"
			if strings.HasPrefix(pattern, "python-pairs") {
				abs, err := filepath.Abs(f)
				if err != nil {
					t.Fatal(err)
				}
				u = "file://" + filepath.ToSlash(abs)
			}
			docs = append(docs, stressDoc{uri: u, text: string(data)})
		}
	}
	for i, text := range hostile.YAML() {
		docs = append(docs, stressDoc{uri: fmt.Sprintf("file:///work/stress/hostile-%d/valohai.yaml", i), text: text})
	}
	if len(docs) == 0 {
		path, err := filepath.Abs(filepath.Join("..", "..", "examples", "valohai.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, stressDoc{uri: "file://" + filepath.ToSlash(path), text: string(data)})
	}
	return docs
}

// mutate inserts one to four sharp characters at random places, sometimes
// cutting a piece of the text instead.
func mutate(rng *rand.Rand, text string) string {
	for range 1 + rng.IntN(4) {
		at := runeStart(text, rng.IntN(len(text)+1))
		if rng.IntN(6) == 0 && at < len(text) {
			end := runeStart(text, min(len(text), at+1+rng.IntN(12)))
			text = text[:at] + text[end:]
			continue
		}
		text = text[:at] + stressSharp[rng.IntN(len(stressSharp))] + text[at:]
	}
	return text
}

// runeStart moves i back to the start of a character.
func runeStart(s string, i int) int {
	for i > 0 && i < len(s) && s[i]&0xC0 == 0x80 {
		i--
	}
	return i
}

// stressParams are the parameters of method at a random position: mostly
// one inside the text (in UTF-16), sometimes past a line's end.
func stressParams(rng *rand.Rand, method, uri, text string) map[string]any {
	lines := strings.Split(text, "\n")
	line := rng.IntN(len(lines) + 1)
	char := 0
	if line < len(lines) {
		char = rng.IntN(len(utf16.Encode([]rune(lines[line]))) + 1)
	}
	if rng.IntN(10) == 0 {
		char += rng.IntN(40)
	}
	pos := map[string]any{"line": line, "character": char}
	td := map[string]any{"uri": uri}
	p := map[string]any{"textDocument": td, "position": pos}
	switch method {
	case "textDocument/references":
		p["context"] = map[string]any{"includeDeclaration": rng.IntN(2) == 0}
	case "textDocument/rename":
		p["newName"] = []string{"renamed", "x.y", "Bad Name", "", "a-b", "😀"}[rng.IntN(6)]
	case "textDocument/codeAction":
		end := map[string]any{"line": line + rng.IntN(3), "character": rng.IntN(20)}
		return map[string]any{"textDocument": td, "range": map[string]any{"start": pos, "end": end},
			"context": map[string]any{"diagnostics": []any{}}}
	case "textDocument/documentSymbol", "textDocument/foldingRange", "textDocument/documentLink", "textDocument/codeLens":
		return map[string]any{"textDocument": td}
	case "textDocument/selectionRange":
		return map[string]any{"textDocument": td, "positions": []any{pos}}
	}
	return p
}

func envInt(t *testing.T, name string, def int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		t.Fatalf("%s=%q: want a positive number", name, v)
	}
	return n
}
