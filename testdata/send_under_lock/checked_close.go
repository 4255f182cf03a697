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
	c.replies <- m // want GL004 "send on `c.replies` under `c.mu`"
}

func (c *conn) closeReplies() {
	close(c.replies)
}
