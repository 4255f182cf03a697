package fixtures

import (
	"errors"
	"sync"
)

// The link's mutex only serialises Send: every other locker is another Send, bound for
// the same mux. The send can give up on close, so what the lock holds up is the next
// Send's wait for the same receiver (low).
type slLink struct {
	mu       sync.Mutex
	buf      []byte
	rollback chan struct{}
	closing  chan struct{}
	gone     chan struct{}
}

func (l *slLink) mux() {
	for {
		select {
		case <-l.rollback:
		case <-l.gone:
			return
		}
	}
}

func (l *slLink) Send(b []byte) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.buf = append(l.buf[:0], b...)
	select {
	case l.rollback <- struct{}{}: // want GL004:low "^send on `l.rollback` under `l.mu` .*stalls other lockers until a receiver or `<-l.closing` comes; unlock first$"
	case <-l.closing:
		return errors.New("closing")
	}
	return nil
}

// The same, but Stats takes the mutex too: the blocked send holds up work that has
// nothing to do with the mux (shown).
type slLinkStats struct {
	mu       sync.Mutex
	buf      []byte
	rollback chan struct{}
	closing  chan struct{}
	gone     chan struct{}
}

func (l *slLinkStats) mux() {
	for {
		select {
		case <-l.rollback:
		case <-l.gone:
			return
		}
	}
}

func (l *slLinkStats) Send(b []byte) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.buf = append(l.buf[:0], b...)
	select {
	case l.rollback <- struct{}{}: // want GL004 "^send on `l.rollback` under `l.mu` .*stalls other lockers until a receiver or `<-l.closing` comes; unlock first$"
	case <-l.closing:
		return errors.New("closing")
	}
	return nil
}

func (l *slLinkStats) Stats() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.buf)
}
