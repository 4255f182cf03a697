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
	s.queue <- msg // want GL004 "buffer 8 at line 31: every call adds to it"
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
		l <- v // want GL004 "buffer 1 at line 127: every call adds to it"
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
		rc <- v // want GL004 "send on `rc` under `s.mu` \((read-)?locked at line"
	}
}
