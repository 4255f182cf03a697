package fixtures

import "sync"

// A client that hands notifications to channels its callers register. The lock keeps
// shutdown's close of those channels off every send: unlocking before a send would
// let the close slip in between, and the send would panic on a closed channel.
type notifier struct {
	mu     sync.RWMutex
	closed bool
	errs   []chan error
	moves  []chan int
}

func (n *notifier) NotifyError(c chan error) chan error {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.closed {
		close(c)
	} else {
		n.errs = append(n.errs, c)
	}
	return c
}

func (n *notifier) NotifyMove(c chan int) chan int {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.moves = append(n.moves, c)
	return c
}

// The caller's channels get every move under the read lock; shutdown closes them
// under the write lock.
func (n *notifier) dispatch(move int) {
	n.mu.RLock()
	for _, c := range n.moves {
		c <- move
	}
	n.mu.RUnlock()
}

func (n *notifier) shutdown(err error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	for _, c := range n.errs {
		c <- err
	}
	for _, c := range n.errs {
		close(c)
	}
	for _, c := range n.moves {
		close(c)
	}
	n.errs, n.moves, n.closed = nil, nil, true
}

// Listeners made by the store itself, each with a done channel: the send gives up
// when its listener is done, and the collector closes a done listener's channel under
// the same lock.
type listener struct {
	items chan int
	done  chan struct{}
}

type store struct {
	mu        sync.Mutex
	listeners map[int]listener
	next      int
}

func (s *store) Subscribe(backlog []int) (<-chan int, func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	items := make(chan int, len(backlog)+200)
	for _, v := range backlog {
		items <- v
	}
	done := make(chan struct{})
	s.listeners[s.next] = listener{items: items, done: done}
	s.next++
	return items, func() { close(done) }
}

func (s *store) Put(v int) {
	s.mu.Lock()
	for _, l := range s.listeners {
		select {
		case l.items <- v:
		case <-l.done:
		}
	}
	s.mu.Unlock()
}

func (s *store) collect() {
	s.mu.Lock()
	for id, l := range s.listeners {
		select {
		case <-l.done:
			delete(s.listeners, id)
			close(l.items)
		default:
		}
	}
	s.mu.Unlock()
}

// The package makes each entry's channel, and closeAll closes it under the lock: the
// send still stalls every locker while the accepting side keeps away, but unlocking
// first would race the close, so the message must not say to unlock.
type route struct {
	addr string
	c    chan int
}

type routes struct {
	sync.Mutex
	entries []route
}

func (l *routes) add(addr string) chan int {
	l.Lock()
	defer l.Unlock()
	r := route{addr: addr, c: make(chan int, 1)}
	l.entries = append(l.entries, r)
	return r.c
}

func (l *routes) closeAll() {
	l.Lock()
	defer l.Unlock()
	for _, r := range l.entries {
		close(r.c)
	}
	l.entries = nil
}

func (l *routes) deliver(addr string, v int) bool {
	l.Lock()
	defer l.Unlock()
	for _, r := range l.entries {
		if r.addr == addr {
			r.c <- v // want GL004:low "^send on `r.c` under `l` \(buffer 1 at line 125: every call adds to it\) stalls other lockers until a receive; `close\(r.c\)` needs the lock too: add a done case$"
			return true
		}
	}
	return false
}
