package lastsend

import (
	"bufio"
	"errors"
	"net"
)

// A connection whose read loop hands its fatal error to whoever calls ReadLine or
// Request: after Close nobody does, and the loop's last send waits forever.
type Conn struct {
	conn  net.Conn
	r     *bufio.Reader
	err   chan error
	lines chan string
}

func Dial(addr string) (*Conn, error) {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	h := &Conn{conn: c, r: bufio.NewReader(c), err: make(chan error), lines: make(chan string)}
	go h.readLoop()
	return h, nil
}

func (h *Conn) readLoop() {
	for h.readOne() {
	}
	h.conn.Close()
}

func (h *Conn) readOne() bool {
	line, err := h.r.ReadString('\n')
	if err != nil {
		h.err <- err // want GL003 "send on unbuffered `h.err`, its goroutine's last, waits for a call of Conn.ReadLine or Conn.Request to receive it, forever if none comes; buffer it"
		return false
	}
	if line == "-ERR\n" {
		h.err <- errors.New("server error") // not its last: the loop goes on
		return true
	}
	if line == "\n" {
		h.err <- errors.New("empty line") // the same function: reported once
		return false
	}
	h.lines <- line
	return true
}

func (h *Conn) ReadLine() (string, error) {
	select {
	case err := <-h.err:
		return "", err
	case line := <-h.lines:
		return line, nil
	}
}

func (h *Conn) Request(q string) (string, error) {
	if _, err := h.conn.Write([]byte(q)); err != nil {
		return "", err
	}
	select {
	case err := <-h.err:
		return "", err
	case line := <-h.lines:
		return line, nil
	}
}

func (h *Conn) Close() error { return h.conn.Close() }

// The goroutine a literal: its return ends it.
type Watcher struct {
	events chan string
	errc   chan error
	done   chan struct{}
}

func NewWatcher(next func() (string, error)) *Watcher {
	w := &Watcher{events: make(chan string, 8), errc: make(chan error), done: make(chan struct{})}
	go func() {
		for {
			ev, err := next()
			if err != nil {
				w.errc <- err // want GL003 "send on unbuffered `w.errc`, the last of the goroutine started at line 84, waits for a call of Watcher.Wait to receive it, forever if none comes; buffer it"
				return
			}
			w.events <- ev
		}
	}()
	return w
}

func (w *Watcher) Next() string { return <-w.events }

func (w *Watcher) Wait() error { return <-w.errc }

func (w *Watcher) Stop() { close(w.done) }
