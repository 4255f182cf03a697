package fixtures

import "sync/atomic"

const (
	connOpen = iota
	connClosing
	connClosed
)

// The writer loop stops on done, which the connection closes only right after it
// marks itself closed; close returns early once it is closing or closed, so its send
// meets a stopped loop only if it races the end of the connection, which the code
// does not show (low). write has no such check: any call after the end blocks.
type conn struct {
	state int
	queue chan []byte
	done  chan struct{}
}

func (c *conn) writer(out func([]byte)) {
	for {
		select {
		case m := <-c.queue:
			out(m)
		case <-c.done:
			return
		}
	}
}

func (c *conn) ended() {
	if c.state == connClosed {
		return
	}
	c.state = connClosed
	close(c.done)
}

func (c *conn) close() {
	if c.state == connClosed || c.state == connClosing {
		return
	}
	c.state = connClosing
	c.queue <- nil // want GL003:low "send on `c.queue` blocks forever if its receiver"
}

func (c *conn) write(m []byte) {
	c.queue <- m // want GL003 "send on `c.queue` blocks forever if its receiver"
}

// The stream's stop sets no state first: the check proves nothing about the stop.
type stream struct {
	state int
	items chan int
	quit  chan struct{}
}

func (s *stream) pump(out func(int)) {
	for {
		select {
		case v := <-s.items:
			out(v)
		case <-s.quit:
			return
		}
	}
}

func (s *stream) abort() {
	close(s.quit)
	s.state = connClosed
}

func (s *stream) push(v int) {
	if s.state == connClosed {
		return
	}
	s.items <- v // want GL003 "send on `s.items` blocks forever if its receiver"
}

// The wheel's Close marks it stopped with an atomic store, then asks the loop to stop
// through a handshake on stop; add returns at once when it sees the mark, so its send
// meets a stopped loop only if it races Close (low). push checks nothing: shown.
type wheel struct {
	stopped uint32
	update  chan int
	halted  chan struct{}
}

func (w *wheel) tick() {
	for {
		select {
		case <-w.update:
		case <-w.halted:
			w.halted <- struct{}{}
			return
		}
	}
}

func (w *wheel) shutdown() {
	atomic.StoreUint32(&w.haltedped, 1)
	w.halted <- struct{}{}
	<-w.halted
}

func (w *wheel) add(v int) {
	if atomic.LoadUint32(&w.haltedped) == 1 {
		return
	}
	w.update <- v // want GL003:low "send on `w.update` blocks forever if its receiver"
}

func (w *wheel) push(v int) {
	w.update <- v // want GL003 "send on `w.update` blocks forever if its receiver"
}

// The flag is set only after the stop: a send that passed the check can still meet a
// stopped loop with nothing racing it.
type lateFlag struct {
	closed atomic.Bool
	items  chan int
	quit   chan struct{}
}

func (l *lateFlag) run() {
	for {
		select {
		case <-l.items:
		case <-l.quit:
			return
		}
	}
}

func (l *lateFlag) end() {
	close(l.quit)
	l.closed.Store(true)
}

func (l *lateFlag) put(v int) {
	if l.closed.Load() {
		return
	}
	l.items <- v // want GL003 "send on `l.items` blocks forever if its receiver"
}

// The same with the flag set first: low.
type earlyFlag struct {
	closed atomic.Bool
	items  chan int
	ended  chan struct{}
}

func (e *earlyFlag) run() {
	for {
		select {
		case <-e.items:
		case <-e.ended:
			return
		}
	}
}

func (e *earlyFlag) end() {
	e.closed.Store(true)
	close(e.ended)
}

func (e *earlyFlag) put(v int) {
	if e.closed.Load() {
		return
	}
	e.items <- v // want GL003:low "send on `e.items` blocks forever if its receiver"
}
