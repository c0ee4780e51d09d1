// Package lsptest is a small LSP client for tests: it frames JSON-RPC
// messages by hand (so tests can also send malformed ones), matches
// responses to requests, and collects the server's notifications.
package lsptest

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"strconv"
	"strings"
	"sync"
	"time"
)

// RPCError is a JSON-RPC error response.
type RPCError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *RPCError) Error() string { return fmt.Sprintf("rpc error %d: %s", e.Code, e.Message) }

// Message is any incoming message.
type Message struct {
	ID     json.RawMessage `json:"id,omitempty"`
	Method string          `json:"method,omitempty"`
	Params json.RawMessage `json:"params,omitempty"`
	Result json.RawMessage `json:"result,omitempty"`
	Error  *RPCError       `json:"error,omitempty"`
}

// Client talks to one server.
type Client struct {
	w       io.Writer
	wmu     sync.Mutex
	mu      sync.Mutex
	nextID  int
	waiting map[string]chan *Message
	notes   chan *Message
	done    chan struct{}
	err     error
	// Timeout bounds each wait.
	Timeout time.Duration
	// OnRequest, when set before the server sends requests, answers the
	// server's requests (workspace/configuration...); by default they are
	// answered with null.
	OnRequest func(method string, params json.RawMessage) any

	skipped []*Message // notifications passed over while waiting for others
}

// New starts reading the server's output r; requests are written to w.
func New(r io.Reader, w io.Writer) *Client {
	c := &Client{w: w, waiting: map[string]chan *Message{}, notes: make(chan *Message, 1024),
		done: make(chan struct{}), Timeout: 10 * time.Second}
	go c.read(bufio.NewReader(r))
	return c
}

func (c *Client) read(r *bufio.Reader) {
	defer close(c.done)
	tp := textproto.NewReader(r)
	for {
		h, err := tp.ReadMIMEHeader()
		if err != nil {
			c.err = err
			return
		}
		n, err := strconv.Atoi(h.Get("Content-Length"))
		if err != nil {
			c.err = fmt.Errorf("bad Content-Length: %w", err)
			return
		}
		body := make([]byte, n)
		if _, err := io.ReadFull(r, body); err != nil {
			c.err = err
			return
		}
		var m Message
		if err := json.Unmarshal(body, &m); err != nil {
			c.err = fmt.Errorf("bad message %q: %w", body, err)
			return
		}
		switch {
		case m.Method != "" && len(m.ID) > 0:
			// A request from the server: answer with OnRequest, or null.
			var result any
			c.mu.Lock()
			on := c.OnRequest
			c.mu.Unlock()
			if on != nil {
				result = on(m.Method, m.Params)
			}
			_ = c.writeJSON(map[string]any{"jsonrpc": "2.0", "id": m.ID, "result": result})
		case m.Method != "":
			c.notes <- &m
		default:
			c.mu.Lock()
			ch := c.waiting[string(m.ID)]
			delete(c.waiting, string(m.ID))
			c.mu.Unlock()
			if ch != nil {
				ch <- &m
			}
		}
	}
}

// WriteRaw sends body framed with a Content-Length header.
func (c *Client) WriteRaw(body []byte) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	_, err := fmt.Fprintf(c.w, "Content-Length: %d\r\n\r\n%s", len(body), body)
	return err
}

func (c *Client) writeJSON(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return c.WriteRaw(b)
}

// Call sends a request and waits for its response, decoding the result
// into result (when not nil). Calls may be made from several goroutines
// at once.
func (c *Client) Call(method string, params, result any) error {
	c.mu.Lock()
	c.nextID++
	n := c.nextID
	id := strconv.Itoa(n)
	ch := make(chan *Message, 1)
	c.waiting[id] = ch
	c.mu.Unlock()
	if err := c.writeJSON(map[string]any{"jsonrpc": "2.0", "id": n, "method": method, "params": params}); err != nil {
		return err
	}
	return c.await(ch, method, result)
}

// CallRaw sends a request whose params are raw JSON text.
func (c *Client) CallRaw(method, params string, result any) error {
	c.mu.Lock()
	c.nextID++
	id := strconv.Itoa(c.nextID)
	ch := make(chan *Message, 1)
	c.waiting[id] = ch
	c.mu.Unlock()
	body := fmt.Sprintf(`{"jsonrpc":"2.0","id":%s,"method":%q,"params":%s}`, id, method, params)
	if err := c.WriteRaw([]byte(body)); err != nil {
		return err
	}
	return c.await(ch, method, result)
}

// Expect registers interest in the response with the given raw id (for
// responses to hand-written messages, such as "null" for parse errors).
func (c *Client) Expect(id string) chan *Message {
	ch := make(chan *Message, 1)
	c.mu.Lock()
	c.waiting[id] = ch
	c.mu.Unlock()
	return ch
}

func (c *Client) await(ch chan *Message, method string, result any) error {
	select {
	case m := <-ch:
		if m.Error != nil {
			return m.Error
		}
		if result != nil && len(m.Result) > 0 {
			return json.Unmarshal(m.Result, result)
		}
		return nil
	case <-c.done:
		return fmt.Errorf("%s: connection closed: %v", method, c.err)
	case <-time.After(c.Timeout):
		return fmt.Errorf("%s: no response within %v", method, c.Timeout)
	}
}

// Notify sends a notification.
func (c *Client) Notify(method string, params any) error {
	return c.writeJSON(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
}

// Diagnostics is a publishDiagnostics notification.
type Diagnostics struct {
	URI         string       `json:"uri"`
	Version     *int         `json:"version"`
	Diagnostics []Diagnostic `json:"diagnostics"`
}

// Diagnostic is one published diagnostic.
type Diagnostic struct {
	Range    Range  `json:"range"`
	Severity int    `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
	// CodeDescription links the code to its documentation.
	CodeDescription *struct {
		Href string `json:"href"`
	} `json:"codeDescription,omitempty"`
	// RelatedInformation points at other places the finding is about.
	RelatedInformation []struct {
		Location struct {
			URI   string `json:"uri"`
			Range Range  `json:"range"`
		} `json:"location"`
		Message string `json:"message"`
	} `json:"relatedInformation,omitempty"`
}

// Range and Position are LSP ranges.
type Range struct {
	Start Position `json:"start"`
	End   Position `json:"end"`
}

// Position is an LSP position.
type Position struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

// ErrTimeout is returned when an expected notification does not arrive.
var ErrTimeout = errors.New("timed out")

// WaitDiagnostics waits for diagnostics of uri with at least the version
// given (any version when version < 0).
func (c *Client) WaitDiagnostics(uri string, version int) (*Diagnostics, error) {
	var d Diagnostics
	_, err := c.next("diagnostics for "+uri, func(m *Message) bool {
		if m.Method != "textDocument/publishDiagnostics" {
			return false
		}
		var x Diagnostics
		if json.Unmarshal(m.Params, &x) != nil {
			return false
		}
		if x.URI == uri && (version < 0 || (x.Version != nil && *x.Version >= version) || (x.Version == nil && version == 0)) {
			d = x
			return true
		}
		return false
	})
	if err != nil {
		return nil, err
	}
	return &d, nil
}

// next returns the first notification, passed over earlier or new, that
// match accepts; the others are kept for later waits.
func (c *Client) next(what string, match func(*Message) bool) (*Message, error) {
	c.mu.Lock()
	for i, m := range c.skipped {
		if match(m) {
			c.skipped = append(c.skipped[:i:i], c.skipped[i+1:]...)
			c.mu.Unlock()
			return m, nil
		}
	}
	c.mu.Unlock()
	deadline := time.After(c.Timeout)
	for {
		select {
		case m := <-c.notes:
			if match(m) {
				return m, nil
			}
			c.mu.Lock()
			c.skipped = append(c.skipped, m)
			if len(c.skipped) > 4096 {
				c.skipped = c.skipped[len(c.skipped)-4096:]
			}
			c.mu.Unlock()
		case <-c.done:
			return nil, fmt.Errorf("connection closed: %v", c.err)
		case <-deadline:
			return nil, fmt.Errorf("%s: %w", what, ErrTimeout)
		}
	}
}

// SetOnRequest sets the answerer of the server's requests.
func (c *Client) SetOnRequest(f func(method string, params json.RawMessage) any) {
	c.mu.Lock()
	c.OnRequest = f
	c.mu.Unlock()
}

// WaitNotification waits for a notification of method (including one
// passed over by an earlier wait).
func (c *Client) WaitNotification(method string) (*Message, error) {
	return c.next("notification "+method, func(m *Message) bool { return m.Method == method })
}

// Forget drops the notifications that earlier waits passed over, so that
// the next wait sees only those that arrive after the last one it took.
func (c *Client) Forget() {
	c.mu.Lock()
	c.skipped = nil
	c.mu.Unlock()
}

// Done is closed when the server's output ends.
func (c *Client) Done() <-chan struct{} { return c.done }

// Labels returns the labels of a completion result.
func Labels(raw json.RawMessage) []string {
	var list struct {
		Items []struct {
			Label string `json:"label"`
		} `json:"items"`
	}
	if err := json.Unmarshal(raw, &list); err != nil || list.Items == nil {
		var items []struct {
			Label string `json:"label"`
		}
		_ = json.Unmarshal(raw, &items)
		list.Items = items
	}
	out := make([]string, 0, len(list.Items))
	for _, it := range list.Items {
		out = append(out, it.Label)
	}
	return out
}

// HasLabel reports whether labels holds s.
func HasLabel(labels []string, s string) bool {
	for _, l := range labels {
		if strings.EqualFold(l, s) && l == s {
			return true
		}
	}
	return false
}
