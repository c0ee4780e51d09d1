package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"runtime/metrics"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"

	"github.com/valohai-ls/valohai-ls/internal/benchdata"
	"github.com/valohai-ls/valohai-ls/internal/lsptest"
)

// TestInflightBounds: a burst of documentSymbol requests on one file, all
// sent before any is answered, runs on a few workers; each waiting one is
// superseded by the next identical one, the last is answered, and the
// heap stays small (each request used to start its own handler: 10,000
// requests on a 51 KB file took 2 GB).
func TestInflightBounds(t *testing.T) {
	const n = 3000
	s := newServer(Options{})
	c := serveTest(t, s)
	c.Timeout = time.Minute
	initialize(t, c)
	// About 51 KB of steps, cut before an item.
	text := benchdata.Big[:50<<10]
	text = text[:strings.LastIndex(text, "\n- ")+1]
	open(t, c, testURI, text)

	var peakHeap atomic.Uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go sampleHeap(&peakHeap, stop, sampled)

	// The answers are read as they come (and dropped), so that the heap
	// measured is the server's.
	replies := make(chan chan *lsptest.Message, n)
	type tally struct{ answered, superseded int }
	counted := make(chan tally, 1)
	go func() {
		var got tally
		defer func() { counted <- got }()
		i := 0
		for ch := range replies {
			var m *lsptest.Message
			select {
			case m = <-ch:
			case <-time.After(time.Minute):
				t.Errorf("request %d: no answer", i)
				return
			}
			switch {
			case m.Error == nil:
				got.answered++
				if !bytes.HasPrefix(m.Result, []byte("[{")) {
					t.Errorf("request %d: result %.200s", i, m.Result)
				}
			case m.Error.Code == int(errSuperseded.Code):
				got.superseded++
				if i == n-1 {
					t.Errorf("the last request was superseded")
				}
			default:
				t.Errorf("request %d: %v", i, m.Error)
			}
			i++
		}
	}()
	for i := range n {
		id := fmt.Sprint(1000 + i)
		replies <- c.Expect(id)
		body := fmt.Sprintf(`{"jsonrpc":"2.0","id":%s,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":%q}}}`, id, testURI)
		if err := c.WriteRaw([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	close(replies)
	got := <-counted
	answered, superseded := got.answered, got.superseded
	close(stop)
	<-sampled
	running, waiting := s.inflight.peaks()
	t.Logf("%d answered, %d superseded; at most %d running, %d waiting; heap peak %d MB",
		answered, superseded, running, waiting, peakHeap.Load()>>20)
	if running > cap(s.inflight.workers) {
		t.Errorf("%d requests ran at once, more than the %d workers", running, cap(s.inflight.workers))
	}
	// Identical requests supersede each other: at most one waits besides
	// those that took a worker while the next was being read.
	if waiting > cap(s.inflight.workers)+1 {
		t.Errorf("%d identical requests waited at once", waiting)
	}
	if heap := peakHeap.Load(); heap > 64<<20 {
		t.Errorf("heap grew to %d MB", heap>>20)
	}
}

// sampleHeap records the largest live heap (as the last collection
// marked it) seen until stop is closed.
func sampleHeap(peak *atomic.Uint64, stop <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	for {
		metrics.Read(sample)
		if v := sample[0].Value.Uint64(); v > peak.Load() {
			peak.Store(v)
		}
		select {
		case <-stop:
			return
		case <-tick.C:
		}
	}
}

// TestInflightAdmit: distinct requests wait up to maxWaiting, the next is
// refused as busy; an identical one supersedes the waiting one; a
// cancelled waiting request leaves its place.
func TestInflightAdmit(t *testing.T) {
	f := newInflight()
	// Take every worker, so that admitted requests wait.
	for range cap(f.workers) {
		f.workers <- struct{}{}
	}
	var tickets []*ticket
	for i := range maxWaiting {
		tk, err := f.admit("textDocument/hover", fmt.Appendf(nil, `{"line":%d}`, i))
		if err != nil {
			t.Fatalf("request %d refused: %v", i, err)
		}
		tickets = append(tickets, tk)
	}
	if _, err := f.admit("textDocument/hover", []byte(`{"line":-1}`)); !errors.Is(err, errBusy) {
		t.Fatalf("request past the bound: %v, want busy", err)
	}
	// The same parameters again: the first waiting one is answered at once.
	again, err := f.admit("textDocument/hover", []byte(`{"line":0}`))
	if err != nil {
		t.Fatalf("identical request refused: %v", err)
	}
	if _, err := f.run(context.Background(), tickets[0], jsonrpc2.NewNumberID(0), nil); !errors.Is(err, errSuperseded) {
		t.Fatalf("superseded request: %v", err)
	}
	// A cancelled request leaves the queue, making room for another.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = f.run(ctx, tickets[1], jsonrpc2.NewNumberID(1), nil)
	var rpcErr *jsonrpc2.Error
	if !errors.As(err, &rpcErr) || rpcErr.Code != -32800 {
		t.Fatalf("cancelled request: %v", err)
	}
	if _, err := f.admit("textDocument/hover", []byte(`{"line":-2}`)); err != nil {
		t.Fatalf("request after a cancellation refused: %v", err)
	}
	// Free the workers: the identical request runs.
	for range cap(f.workers) {
		<-f.workers
	}
	res, err := f.run(context.Background(), again, jsonrpc2.NewStringID("x"), func() (any, error) { return "ran", nil })
	if err != nil || res != "ran" {
		t.Fatalf("run = %v, %v", res, err)
	}
	// Its worker is held until its answer is written.
	if len(f.workers) != 1 {
		t.Errorf("%d workers busy after the run, want 1 until the answer is written", len(f.workers))
	}
	for _, id := range responseIDs([]byte(`{"jsonrpc":"2.0","id":"x","result":"ran"}`)) {
		f.replied(id)
	}
	if len(f.workers) != 0 {
		t.Errorf("%d workers busy after the answer", len(f.workers))
	}
	if f.count != maxWaiting-1 {
		t.Errorf("%d waiting, want %d", f.count, maxWaiting-1)
	}
}

// TestResponseIDs names the answers in encoded messages as idKey names
// request ids; calls and notifications have none.
func TestResponseIDs(t *testing.T) {
	for _, tt := range []struct {
		msg  string
		want []string
	}{
		{`{"jsonrpc":"2.0","id":12,"result":[{"a":1}]}`, []string{idKey(jsonrpc2.NewNumberID(12))}},
		{`{"jsonrpc":"2.0","id":"a,\"b","error":{"code":1,"message":"m"}}`, []string{idKey(jsonrpc2.NewStringID("a,\"b"))}},
		{`{"jsonrpc":"2.0","method":"x","params":{},"id":3}`, nil},
		{`{"jsonrpc":"2.0","method":"x"}`, nil},
		{`[{"jsonrpc":"2.0","id":1,"result":null},{"jsonrpc":"2.0","method":"x","id":2},{"jsonrpc":"2.0","id":"z","result":1}]`,
			[]string{idKey(jsonrpc2.NewNumberID(1)), idKey(jsonrpc2.NewStringID("z"))}},
	} {
		if got := responseIDs([]byte(tt.msg)); !slices.Equal(got, tt.want) {
			t.Errorf("responseIDs(%s) = %q, want %q", tt.msg, got, tt.want)
		}
	}
}
