package fixtures

import (
	"errors"
	"sync"
)

type conn struct {
	m      sync.Mutex
	rw     sync.RWMutex
	closes []chan error
	events chan string
	queue  chan string
	tokens chan struct{}
	closed bool
}

func newConn(n int) *conn {
	return &conn{
		events: make(chan string),
		queue:  make(chan string, 16),
		tokens: make(chan struct{}, n),
	}
}

// The incident: close notifications sent to every listener with the mutex held.
func (c *conn) shutdown(err error) {
	c.m.Lock()
	defer c.m.Unlock()
	for _, ch := range c.closes {
		ch <- err // want GL004:low "send on `ch` under `c.m` \(locked at line 28, unlocked by the defer at line 29\)"
	}
}

// Copy under the lock, send after Unlock: silent.
func (c *conn) shutdownCopy(err error) {
	c.m.Lock()
	closes := c.closes
	c.closes = nil
	c.m.Unlock()
	for _, ch := range closes {
		ch <- err
	}
}

// A select with default never waits: silent.
func (c *conn) notifyNonBlocking(err error) {
	c.m.Lock()
	defer c.m.Unlock()
	for _, ch := range c.closes {
		select {
		case ch <- err:
		default:
		}
	}
}

// A select without default still waits with the lock held.
func (c *conn) notifySelect(err error, other chan error) {
	c.m.Lock()
	defer c.m.Unlock()
	select {
	case c.closes[0] <- err: // want GL004:low "send on `c.closes\[0\]`"
	case other <- err: // want GL004:low "under `c.m` \(locked"
	}
}

// With a done case the wait can end, but everyone else waits until then: a warning.
func (c *conn) publish(msg string, done chan struct{}) {
	c.m.Lock()
	defer c.m.Unlock()
	select {
	case c.events <- msg: // want GL004:low "until a receiver or `<-done` comes; unlock first"
	case <-done:
	}
}

// RLock counts too.
func (c *conn) fanOut(msg string) {
	c.rw.RLock()
	c.events <- msg // want GL004:low "under `c.rw` \(read-locked at line 80\) stalls writers"
	c.rw.RUnlock()
}

// The unlock comes first on this path: silent.
func (c *conn) afterUnlock(msg string) {
	c.rw.Lock()
	closed := c.closed
	c.rw.Unlock()
	if !closed {
		c.events <- msg
	}
}

// An early return unlocks only on its own path; the send still runs locked.
func (c *conn) earlyReturn(msg string) error {
	c.m.Lock()
	if c.closed {
		c.m.Unlock()
		return errors.New("closed")
	}
	c.events <- msg // want GL004:low "locked at line 97"
	c.m.Unlock()
	return nil
}

// Unlocked in both branches before the send: silent.
func (c *conn) bothBranchesUnlock(msg string) {
	c.m.Lock()
	if c.closed {
		c.m.Unlock()
	} else {
		c.closed = true
		c.m.Unlock()
	}
	c.events <- msg
}

// Locked in one branch only: the send inside that branch is reported, the other not.
func (c *conn) lockInOneBranch(msg string, shared bool) {
	if shared {
		c.m.Lock()
		c.events <- msg // want GL004:low "locked at line 122"
		c.m.Unlock()
	} else {
		c.events <- msg
	}
}

// Whether the lock is held after a conditional Lock depends on the path.
func (c *conn) conditionalLock(msg string, shared bool) {
	if shared {
		c.m.Lock()
		defer c.m.Unlock()
	}
	c.events <- msg // todo GL004 held only when shared is true; path-sensitive locks are not tracked
}

// A buffered queue field: still reported, the message says the buffer can fill.
func (c *conn) enqueue(msg string) {
	c.m.Lock()
	defer c.m.Unlock()
	c.queue <- msg // want GL004:low "buffer 16 at line 21"
}

// A buffer sized from the work (make(chan T, n)) is the author's promise: silent.
func (c *conn) release() {
	c.m.Lock()
	defer c.m.Unlock()
	c.tokens <- struct{}{}
}

// A token taken from the channel and given back: silent.
func (c *conn) withToken(f func()) {
	<-c.tokens
	c.m.Lock()
	defer c.m.Unlock()
	f()
	c.tokens <- struct{}{}
}

// A goroutine started under the lock sends later, without it: silent.
func (c *conn) sendLater(msg string) {
	c.m.Lock()
	defer c.m.Unlock()
	go func() {
		c.events <- msg
	}()
}

// A nested block inside the locked region.
func (c *conn) nested(msgs []string) {
	c.m.Lock()
	for _, m := range msgs {
		if m != "" {
			switch m[0] {
			case '!':
				c.events <- m // want GL004:low "locked at line 173"
			}
		}
	}
	c.m.Unlock()
}
