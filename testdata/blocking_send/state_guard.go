package fixtures

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
