package fixtures

import (
	"sync"
	"sync/atomic"
)

type message struct{ id int }

type conn struct {
	mu      sync.Mutex
	closing uint32
	queue   chan *message
	replies chan *message
}

func (c *conn) isClosing() bool { return atomic.LoadUint32(&c.closing) == 1 }

// The lock pairs the closing check with Close's close(c.queue): unlocking before the
// send would let the close slip in between, and the send would panic.
func (c *conn) send(m *message) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.isClosing() {
		return false
	}
	c.queue <- m
	return true
}

// The receiver loop never takes c.mu: it goes on receiving while send holds it.
func (c *conn) process() {
	for m := range c.queue {
		_ = m
	}
}

func (c *conn) Close() {
	c.mu.Lock()
	atomic.StoreUint32(&c.closing, 1)
	close(c.queue)
	c.mu.Unlock()
}

// replies is closed without the lock: the lock protects nothing about it, and a slow
// receiver stalls every locker.
func (c *conn) reply(m *message) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.isClosing() {
		return
	}
	c.replies <- m // want GL004:low "send on `c.replies` under `c.mu`"
}

func (c *conn) closeReplies() {
	close(c.replies)
}

type balancer struct {
	mu     sync.Mutex
	closed bool
	notify chan int
}

// The same check and close, but the receiver takes the lock itself between receives:
// a send that waits with the lock held can deadlock with it.
func (b *balancer) up(addr int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return
	}
	b.notify <- addr // want GL004 "^send on `b.notify` under `b.mu` .* until a receive; `close\(b.notify\)` needs the lock too: add a done case$"
}

func (b *balancer) watch() {
	for addr := range b.notify {
		b.mu.Lock()
		_ = addr
		b.mu.Unlock()
	}
}

func (b *balancer) Close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.closed = true
	close(b.notify)
}
