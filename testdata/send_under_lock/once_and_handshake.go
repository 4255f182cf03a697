package fixtures

import (
	"errors"
	"sync"
)

type shutdowner struct {
	mu      sync.Mutex
	once    sync.Once
	closed  bool
	errors  chan error
	closeC  chan struct{}
	notify  chan struct{}
	writeTx chan []byte
	writeRx chan int
	done    chan struct{}
	events  chan int
}

func newShutdowner() *shutdowner {
	return &shutdowner{
		errors:  make(chan error, 1),
		closeC:  make(chan struct{}, 1),
		notify:  make(chan struct{}),
		writeTx: make(chan []byte),
		writeRx: make(chan int),
		done:    make(chan struct{}),
		events:  make(chan int),
	}
}

// sync.Once runs the locked code once: the buffer of one holds its one send.
func (s *shutdowner) shutdown(err error) {
	s.once.Do(func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		if err != nil {
			s.errors <- err
		}
	})
}

// A flag tested and set under the same lock: one send ever.
func (s *shutdowner) close() {
	s.mu.Lock()
	if !s.closed {
		s.closed = true
		s.closeC <- struct{}{}
	}
	s.mu.Unlock()
}

// The same with an early return.
func (s *shutdowner) fail(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	s.closed = true
	s.errors <- err
}

// Once only, but unbuffered: the send still waits with the lock held.
func (s *shutdowner) stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	s.closed = true
	s.notify <- struct{}{} // want GL004:low "send on `s.notify` under `s.mu`"
}

// The lock serialises a write handshake that can give up when the peer is done.
func (s *shutdowner) write(b []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case s.writeTx <- b:
		return <-s.writeRx, nil
	case <-s.done:
		return 0, errors.New("closed")
	}
}

// A way out but no acknowledgement: the lock guards the send itself.
func (s *shutdowner) publish(v int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case s.events <- v: // want GL004:low "send on `s.events` under `s.mu`.* until a receiver or `<-s.done` comes"
	case <-s.done:
	}
}
