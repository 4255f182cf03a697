package fixtures

import (
	"context"
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

// A poll loop that runs until its context ends holds the mutex for its whole run,
// and only Consume locks it: a second Consume waits for the first run to end, not for
// this send's receive, so "stalls other lockers until a receive" is not what the lock
// does (low). The receiver can stop, so the blocked send itself is GL003's.
type slConsumer struct {
	mu   sync.Mutex
	poll func() int
	out  chan int
	quit chan struct{}
}

func (c *slConsumer) drain() {
	for {
		select {
		case <-c.out:
		case <-c.quit:
			return
		}
	}
}

func (c *slConsumer) Consume(ctx context.Context) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		default:
			if v := c.poll(); v > 0 {
				c.out <- v // want GL004:low "^send on `c.out` under `c.mu` .*stalls other lockers until a receive; unlock first$"
			}
		}
	}
}

// The same loop, but Pending locks the mutex too: a Consume blocked after the
// receiver quit holds up Pending for good (shown).
type slConsumerPending struct {
	mu     sync.Mutex
	queued int
	poll   func() int
	out    chan int
	quit   chan struct{}
}

func (c *slConsumerPending) drain() {
	for {
		select {
		case <-c.out:
		case <-c.quit:
			return
		}
	}
}

func (c *slConsumerPending) Consume(ctx context.Context) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		default:
			if v := c.poll(); v > 0 {
				c.queued++
				c.out <- v // want GL004 "^send on `c.out` under `c.mu` .*stalls other lockers until a receive; unlock first$"
			}
		}
	}
}

func (c *slConsumerPending) Pending() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.queued
}

// A single send, not a run-long loop, under a mutex only Put locks: shown as before
// (the lock is held just for the hand-off).
type slPutter struct {
	mu   sync.Mutex
	out  chan int
	quit chan struct{}
}

func (p *slPutter) drain() {
	for {
		select {
		case <-p.out:
		case <-p.quit:
			return
		}
	}
}

func (p *slPutter) Put(v int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.out <- v // want GL004 "^send on `p.out` under `p.mu` .*stalls other lockers until a receive; unlock first$"
}
