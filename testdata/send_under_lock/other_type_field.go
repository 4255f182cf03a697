package fixtures

import (
	"sync"
	"time"

	"example.com/relay"
)

// The configuration goes to another package's proxy, whose receiver the file does not
// show; the timer's `C` that a loop here receives under the same lock is another
// type's field of the same name, not that receiver (low).
type checker struct {
	mu    sync.Mutex
	proxy *relay.Proxy
	feed  *feed
}

func (c *checker) push(conf int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.proxy != nil {
		c.proxy.C <- conf // want GL004:low "send on `c.proxy.C` under `c.mu`"
	}
}

func (c *checker) watch(d time.Duration) {
	t := time.NewTimer(d)
	for {
		<-t.C
		c.mu.Lock()
		t.Reset(d)
		c.mu.Unlock()
	}
}

// The feed's own `C` is received by a loop that takes the same lock: a cycle.
type feed struct {
	C chan int
}

func (c *checker) publish(v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.feed.C <- v // want GL004 "send on `c.feed.C` under `c.mu`"
}

func (c *checker) consume() {
	for v := range c.feed.C {
		c.mu.Lock()
		_ = v
		c.mu.Unlock()
	}
}
