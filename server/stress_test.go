package server

import (
	"errors"
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/valohai-ls/valohai-ls/internal/benchdata"
	"github.com/valohai-ls/valohai-ls/internal/lsptest"
)

// stressText is the start of the benchmark file, cut at an item: a few
// hundred lines with steps and, at its end, a pipeline.
func stressText() string {
	text := benchdata.Big
	cut := strings.Index(text[12000:], "\n- ") + 12000 + 1
	pipe := strings.Index(text, "- pipeline:")
	return text[:cut] + text[pipe:pipe+strings.Index(text[pipe:], "      - name: node-0020")]
}

// TestStressEditsAndRequests streams hundreds of edits into a document
// while four goroutines ask for completion and hover in it. Every request
// must be answered, and the last diagnostics published must be those of
// the last version, equal to what a fresh server publishes for its text.
// Run it under -race.
func TestStressEditsAndRequests(t *testing.T) {
	text := stressText()
	c := start(t, Options{})
	initialize(t, c)
	open(t, c, testURI, text)
	lineCount := strings.Count(text, "\n")

	var sent, answered, failed atomic.Int64
	var firstErr atomic.Value
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			rng := rand.New(rand.NewSource(int64(g)))
			for {
				select {
				case <-stop:
					return
				default:
				}
				method, char := "textDocument/completion", 4
				if (g+rng.Intn(2))%2 == 0 {
					method, char = "textDocument/hover", 6
				}
				sent.Add(1)
				err := c.Call(method, pos(testURI, rng.Intn(lineCount), char), nil)
				var rpc *lsptest.RPCError
				if err != nil && !errors.As(err, &rpc) {
					failed.Add(1)
					firstErr.CompareAndSwap(nil, fmt.Sprintf("%s: %v", method, err))
					continue
				}
				answered.Add(1)
			}
		}(g)
	}

	// Even edits append " #e" to a line, odd ones remove it again; every
	// tenth inserts a comment line, so that the items below move.
	lines := strings.SplitAfter(text, "\n")
	rng := rand.New(rand.NewSource(99))
	const edits = 300
	version, line := 1, 0
	for k := 0; k < edits; k++ {
		version++
		var rangeStart, rangeEnd map[string]any
		var insert string
		switch {
		case k%10 == 9:
			line = 1 + rng.Intn(len(lines)-2)
			rangeStart = map[string]any{"line": line, "character": 0}
			rangeEnd = rangeStart
			insert = "# note\n"
			lines = append(lines[:line], append([]string{insert}, lines[line:]...)...)
		case k%2 == 0:
			line = rng.Intn(len(lines) - 1)
			end := len(strings.TrimRight(lines[line], "\n"))
			rangeStart = map[string]any{"line": line, "character": end}
			rangeEnd = rangeStart
			insert = " #e"
			lines[line] = lines[line][:end] + insert + lines[line][end:]
		default:
			end := len(strings.TrimRight(lines[line], "\n"))
			if !strings.HasSuffix(lines[line][:end], " #e") {
				rangeStart = map[string]any{"line": line, "character": end}
				rangeEnd = rangeStart
				break
			}
			rangeStart = map[string]any{"line": line, "character": end - 3}
			rangeEnd = map[string]any{"line": line, "character": end}
			lines[line] = lines[line][:end-3] + lines[line][end:]
		}
		err := c.Notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": testURI, "version": version},
			"contentChanges": []any{map[string]any{"range": map[string]any{"start": rangeStart, "end": rangeEnd}, "text": insert}}})
		if err != nil {
			t.Fatal(err)
		}
		if k%25 == 0 {
			time.Sleep(2 * time.Millisecond) // let some versions be diagnosed
		}
	}
	close(stop)
	wg.Wait()
	if failed.Load() > 0 || answered.Load() != sent.Load() || sent.Load() < 8 {
		t.Fatalf("%d requests sent, %d answered, %d failed (first: %v)", sent.Load(), answered.Load(), failed.Load(), firstErr.Load())
	}

	last, err := c.WaitDiagnostics(testURI, version)
	if err != nil {
		t.Fatal(err)
	}
	if last.Version == nil || *last.Version != version {
		t.Fatalf("diagnostics published for version %v, want %d", last.Version, version)
	}
	// Nothing older may be published after it.
	c.Forget()
	c.Timeout = 300 * time.Millisecond
	if late, err := c.WaitDiagnostics(testURI, -1); err == nil && (late.Version == nil || *late.Version != version) {
		t.Fatalf("diagnostics of version %v published after those of the last version %d", late.Version, version)
	}

	final := strings.Join(lines, "")
	fresh := start(t, Options{})
	initialize(t, fresh)
	open(t, fresh, testURI, final)
	want, err := fresh.WaitDiagnostics(testURI, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(last.Diagnostics, want.Diagnostics) {
		t.Fatalf("diagnostics after %d edits differ from a fresh server's:\n got %+v\nwant %+v", edits, last.Diagnostics, want.Diagnostics)
	}
	t.Logf("%d edits, %d requests answered, %d diagnostics at the end", edits, answered.Load(), len(want.Diagnostics))
}
