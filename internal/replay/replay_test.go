package replay

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/valohai-ls/valohai-ls/internal/corpus"
	"github.com/valohai-ls/valohai-ls/server"
)

// minRate is the hit rate, in percent, every mode must reach.
const minRate = 99.5

// TestReplay types every real-world file into one server session and
// checks the completion hit rate of each mode over the keys of the format,
// the hover hit rate, and that the server never answers with an error or
// panics. By default the server runs in-process over a pipe; with
// VALOHAI_REPLAY=binary the valohai-ls binary is built and driven over
// stdio, as an editor drives it. With -short, a fifth of the files.
func TestReplay(t *testing.T) {
	files := corpusFiles(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	var conn io.ReadWriteCloser
	var failures func() []string
	if os.Getenv("VALOHAI_REPLAY") == "binary" {
		conn, failures = startBinary(t)
	} else {
		conn, failures = startInProcess(t)
	}
	c := Dial(ctx, conn)
	if err := c.Initialize(ctx); err != nil {
		t.Fatal(err)
	}
	var r Result
	start := time.Now()
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		uri := "file:///replay/" + strings.TrimSuffix(name, filepath.Ext(name)) + "/valohai.yaml"
		if err := c.File(ctx, name, uri, string(text), &r); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	if err := c.Shutdown(ctx); err != nil {
		t.Errorf("shutdown: %v", err)
	}
	t.Logf("%d files in %v, %d diagnostics published", len(files), time.Since(start).Round(time.Millisecond), c.Published.Load())
	for _, m := range r.Misses {
		t.Logf("miss: %s", m)
	}
	t.Logf("hit rates: %s", r.Summary())
	for _, h := range r.HoverMisses {
		t.Logf("hover miss: %s", h)
	}
	if rate := percent(r.HoverHits, r.HoverAsked); rate < minRate {
		t.Errorf("hover: hit rate %.2f%% is below %.1f%%", rate, minRate)
	}
	for _, e := range r.Errors {
		t.Errorf("error answer: %s", e)
	}
	for _, f := range failures() {
		t.Errorf("server failure: %s", f)
	}
	for _, m := range Modes {
		if r.KnownRate(m) < minRate {
			t.Errorf("%s: hit rate %.2f%% is below %.1f%%", m, r.KnownRate(m), minRate)
		}
	}
}

// corpusFiles returns the real-world files, skipping the test when the
// corpus is not there.
func corpusFiles(t *testing.T) []string {
	t.Helper()
	dir := filepath.Join(corpus.Dir(t), "real-world")
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		t.Skipf("corpus folder %s is absent (set VALOHAI_CORPUS to the corpus): typing replay skipped", dir)
	}
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, e := range entries {
		if e.Type().IsRegular() {
			files = append(files, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(files)
	if testing.Short() {
		// A sample: every fifth file.
		var sample []string
		for i := 0; i < len(files); i += 5 {
			sample = append(sample, files[i])
		}
		files = sample
	}
	if len(files) == 0 {
		t.Skipf("corpus folder %s is empty: typing replay skipped", dir)
	}
	return files
}

// startInProcess serves a server over an in-memory pipe. Its failures are
// what it logs at error level (a contained panic is logged so).
func startInProcess(t *testing.T) (io.ReadWriteCloser, func() []string) {
	srv, cli := net.Pipe()
	core, logs := observer.New(zapcore.ErrorLevel)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = server.Serve(ctx, srv, server.Options{Logger: zap.New(core)})
		_ = srv.Close()
	}()
	t.Cleanup(func() {
		cancel()
		_ = cli.Close()
		<-done
	})
	return cli, func() []string {
		var out []string
		for _, e := range logs.All() {
			fields := e.ContextMap()
			delete(fields, "stack")
			out = append(out, fmt.Sprintf("%s %v", e.Message, fields))
		}
		return out
	}
}
