package server

import (
	"context"
	"crypto/sha256"
	"fmt"
	"runtime"
	"strconv"
	"sync"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// Bounds of the requests in flight. A client that sends requests faster
// than they are answered (10,000 documentSymbol requests at once) used to
// start a handler for each, and the server grew by 200 KB a request.
const (
	// maxWaiting is how many requests may wait for a worker; beyond, a
	// request is refused at once as the server being busy.
	maxWaiting = 1024
	// maxWaitingBytes bounds the parameters the waiting requests hold.
	maxWaitingBytes = 64 << 20
)

// Errors a request may be answered with instead of running.
var (
	errSuperseded = jsonrpc2.NewError(jsonrpc2.Code(protocol.LSPErrorCodesServerCancelled),
		"superseded by a later identical request")
	errBusy = jsonrpc2.NewError(jsonrpc2.Code(protocol.LSPErrorCodesRequestFailed),
		fmt.Sprintf("the server has %d requests waiting: try again later", maxWaiting))
)

// inflight bounds the requests being handled: at most a few run at once
// (the others wait, in no particular order, for a worker), a bounded
// number wait, and a request identical to one still waiting (same method,
// same parameters, so the same answer) supersedes it: the waiting one is
// answered at once and never runs. The read loop is never blocked, so that
// cancellations, edits and the client's answers to the server's own
// requests keep flowing while the workers are busy.
type inflight struct {
	workers chan struct{}

	mu      sync.Mutex
	waiting map[[sha256.Size]byte]*ticket
	// answering counts, by request id, the requests that ran and whose
	// answers are not written yet.
	answering map[string]int
	count     int // requests waiting
	bytes     int // their parameters' size
	running   int
	peakRun   int // the most requests running at once (for tests)
	peakWait  int // the most requests waiting at once (for tests)
}

// ticket is one admitted request.
type ticket struct {
	key        [sha256.Size]byte
	size       int
	superseded chan struct{}
}

// newInflight returns bounds for a machine's processors: enough workers
// that a request waiting on the client (configuration) or on a parse does
// not hold the others up, few enough that their memory stays small.
func newInflight() *inflight {
	n := max(8, 4*runtime.GOMAXPROCS(0))
	return &inflight{workers: make(chan struct{}, n), waiting: map[[sha256.Size]byte]*ticket{}, answering: map[string]int{}}
}

// admit registers a request read from the connection, in the read loop's
// order: it supersedes an identical waiting request, or refuses this one
// when too many wait.
func (f *inflight) admit(method string, params []byte) (*ticket, error) {
	h := sha256.New()
	h.Write([]byte(method))
	h.Write([]byte{0})
	h.Write(params)
	t := &ticket{size: len(params), superseded: make(chan struct{})}
	h.Sum(t.key[:0])

	f.mu.Lock()
	defer f.mu.Unlock()
	if old := f.waiting[t.key]; old != nil {
		f.drop(old)
		close(old.superseded)
	}
	if f.count >= maxWaiting || f.bytes+t.size > maxWaitingBytes {
		return nil, errBusy
	}
	f.waiting[t.key] = t
	f.count++
	f.bytes += t.size
	f.peakWait = max(f.peakWait, f.count)
	return t, nil
}

// drop removes a waiting ticket; the caller holds mu.
func (f *inflight) drop(t *ticket) {
	if f.waiting[t.key] == t {
		delete(f.waiting, t.key)
	}
	f.count--
	f.bytes -= t.size
}

// run waits for a worker, then runs handle for the request id; a
// superseded or cancelled request returns without running. The worker is
// held until the answer is written (replied), since an answer waiting for
// a slow client holds its result: workers bound those too.
func (f *inflight) run(ctx context.Context, t *ticket, id jsonrpc2.ID, handle func() (any, error)) (any, error) {
	select {
	case f.workers <- struct{}{}:
	case <-t.superseded:
		return nil, errSuperseded
	case <-ctx.Done():
		f.mu.Lock()
		if !f.supersededLocked(t) {
			f.drop(t)
		}
		f.mu.Unlock()
		return nil, errCancelled
	}
	f.mu.Lock()
	if f.supersededLocked(t) {
		// Superseded while a worker was being taken.
		f.mu.Unlock()
		<-f.workers
		return nil, errSuperseded
	}
	f.drop(t)
	f.running++
	f.peakRun = max(f.peakRun, f.running)
	f.mu.Unlock()
	defer func() {
		f.mu.Lock()
		f.running--
		f.answering[idKey(id)]++
		f.mu.Unlock()
	}()
	return handle()
}

// replied frees the worker of the request whose answer was written.
func (f *inflight) replied(id string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	n, ok := f.answering[id]
	if !ok {
		return
	}
	if n <= 1 {
		delete(f.answering, id)
	} else {
		f.answering[id] = n - 1
	}
	<-f.workers
}

// idKey names a request id as responseIDs does.
func idKey(id jsonrpc2.ID) string {
	if n, ok := id.Number(); ok {
		return "n" + strconv.FormatInt(n, 10)
	}
	s, _ := id.StringValue()
	return "s" + s
}

// supersededLocked reports whether t was superseded; the caller holds mu.
func (f *inflight) supersededLocked(t *ticket) bool {
	select {
	case <-t.superseded:
		return true
	default:
		return false
	}
}

// peaks returns the most requests that ran and waited at once.
func (f *inflight) peaks() (running, waiting int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.peakRun, f.peakWait
}
