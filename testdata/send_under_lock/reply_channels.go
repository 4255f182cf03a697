package fixtures

import "sync"

// Precision fixes from the corpus triage: buffered channels kept in fields and
// registries whose buffer the rule can show has room for what one run sends.

type reply struct {
	id  int
	out chan int
}

type server struct {
	mu       sync.Mutex
	pending  map[int]chan int
	adopted  map[int]chan int
	waiters  []chan int
	calls    map[int]*reply
	next     chan int
	received chan string
	listen   []chan int
	queue    chan string
}

func newServer() *server {
	return &server{
		pending:  make(map[int]chan int),
		calls:    make(map[int]*reply),
		next:     make(chan int, 1),
		received: make(chan string, 1000000),
		queue:    make(chan string, 8),
	}
}

// Reply channels of one are registered per request ...
func (s *server) request(id int) chan int {
	rc := make(chan int, 1)
	s.mu.Lock()
	s.pending[id] = rc
	s.mu.Unlock()
	return rc
}

// ... and each gets one send when its request is retired: silent.
func (s *server) answer(id, v int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if rc, ok := s.pending[id]; ok {
		delete(s.pending, id)
		rc <- v
	}
}

// Waiters added one by one, each told once, then the list is reset: silent.
func (s *server) wait() chan int {
	w := make(chan int, 1)
	s.mu.Lock()
	s.waiters = append(s.waiters, w)
	s.mu.Unlock()
	return w
}

func (s *server) wake(v int) {
	s.mu.Lock()
	for _, w := range s.waiters {
		w <- v
	}
	s.waiters = nil
	s.mu.Unlock()
}

// A field of a registered call, the call removed as it is answered: silent.
func (s *server) start(id int) *reply {
	out := make(chan int, 1)
	r := &reply{id: id, out: out}
	s.mu.Lock()
	s.calls[id] = r
	s.mu.Unlock()
	return r
}

func (s *server) abort(err int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for id, r := range s.calls {
		r.out <- err
		delete(s.calls, id)
	}
}

// A channel replaced by a fresh one after every send: each gets one send, silent.
func (s *server) publish(v int) {
	fresh := make(chan int, 1)
	s.mu.Lock()
	s.next <- v
	s.next = fresh
	s.mu.Unlock()
}

// An object made here: its channel is new and has room for the one send: silent.
func (s *server) open(id int) *reply {
	r := &reply{id: id, out: make(chan int, 1)}
	s.mu.Lock()
	defer s.mu.Unlock()
	r.out <- id
	return r
}

// One long-lived queue sized far beyond what a call sends (a test server's record
// of requests): silent.
func (s *server) record(req string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.received <- req
}

// A small long-lived queue: every call sends into the same buffer, reported.
func (s *server) enqueue(msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.queue <- msg // want GL004:low "buffer 8 at line 31: every call adds to it"
}

// Listeners that stay registered get one send per call each: a buffer of one
// fills on the second call, reported.
func (s *server) subscribe() chan int {
	l := make(chan int, 1)
	s.mu.Lock()
	s.listen = append(s.listen, l)
	s.mu.Unlock()
	return l
}

func (s *server) broadcast(v int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, l := range s.listen {
		l <- v // want GL004:low "buffer 1 at line 127: every call adds to it"
	}
}

// A registry that also holds a caller's channel: its buffer is unknown, reported.
func (s *server) adopt(id int, ch chan int) {
	s.mu.Lock()
	s.adopted[id] = ch
	s.mu.Unlock()
}

func (s *server) answerAll(v int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for id, rc := range s.adopted {
		delete(s.adopted, id)
		rc <- v // want GL004:low "send on `rc` under `s.mu` \((read-)?locked at line"
	}
}

// Each request carries its own reply buffer, made with it: the reply to the request
// handed in cannot find the buffer full.
type call struct {
	id      int
	replyCh chan error
}

type conn struct {
	mu      sync.Mutex
	closing bool
}

func newCall(id int) *call {
	return &call{id: id, replyCh: make(chan error, 1)}
}

func (c *conn) send(req *call) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closing {
		req.replyCh <- nil
	}
}

// A buffer made with the object, but the object is the receiver: every call of
// notify sends into the same buffer.
type watcher struct {
	mu     sync.Mutex
	events chan int
}

func newWatcher() *watcher {
	return &watcher{events: make(chan int, 1)}
}

func (w *watcher) notify(v int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.events <- v // want GL004:low "buffer 1 at line 190: every call adds to it"
}

type waiter struct {
	id    int
	errCh chan error
}

type downloads struct {
	mu      sync.Mutex
	waiters []waiter
	timed   []chan error
}

// The maker of each reply channel waits for its reply with a plain receive: the
// send under the lock always finds it there.
func (d *downloads) wait(id int) error {
	errCh := make(chan error)
	d.mu.Lock()
	d.waiters = append(d.waiters, waiter{id: id, errCh: errCh})
	d.mu.Unlock()
	return <-errCh
}

func (d *downloads) closeWaiters(err error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, w := range d.waiters {
		w.errCh <- err
	}
	d.waiters = nil
}

// This maker can give up on its reply: once it has, the send waits forever with the
// lock held.
func (d *downloads) waitFor(stop chan struct{}) error {
	ch := make(chan error)
	d.mu.Lock()
	d.timed = append(d.timed, ch)
	d.mu.Unlock()
	select {
	case err := <-ch:
		return err
	case <-stop:
		return nil
	}
}

func (d *downloads) closeTimed(err error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, ch := range d.timed {
		ch <- err // want GL004 "send on `ch` under `d.mu`"
	}
	d.timed = nil
}

// Reply channels of an unexported type that the package always makes with a buffer
// of 1: each gets one answer, which its buffer holds.
type answer struct{ err error }

type connError string

func (e connError) Error() string { return string(e) }

var errConnClosed error = connError("connection closed")

type requestConn struct {
	sync.Mutex
	closed   chan struct{}
	inflight map[uint32]chan<- answer
}

func (c *requestConn) request(id uint32) error {
	ch := make(chan answer, 1)
	c.put(ch, id)
	return (<-ch).err
}

func (c *requestConn) put(ch chan<- answer, id uint32) bool {
	c.Lock()
	defer c.Unlock()
	select {
	case <-c.closed:
		ch <- answer{err: errConnClosed}
		return false
	default:
	}
	c.inflight[id] = ch
	return true
}

func (c *requestConn) fail(err error) {
	c.Lock()
	defer c.Unlock()
	for id, ch := range c.inflight {
		ch <- answer{err: err}
		c.inflight[id] = make(chan<- answer, 1)
	}
	close(c.closed)
}

// The same answers when one make gives no buffer: the send waits for a requester
// that may have given up.
type ack struct{ err error }

type ackConn struct {
	sync.Mutex
	inflight map[uint32]chan<- ack
}

func (c *ackConn) request(id uint32, timeout <-chan struct{}) error {
	ch := make(chan ack)
	c.Lock()
	c.inflight[id] = ch
	c.Unlock()
	select {
	case a := <-ch:
		return a.err
	case <-timeout:
		return errConnClosed
	}
}

func (c *ackConn) fail(err error) {
	c.Lock()
	defer c.Unlock()
	for id, ch := range c.inflight {
		ch <- ack{err: err} // want GL004 "send on `ch` under `c` \(locked at line 321, unlocked by the defer at line 322\) stalls other lockers until a receive; unlock first"
		delete(c.inflight, id)
	}
}
